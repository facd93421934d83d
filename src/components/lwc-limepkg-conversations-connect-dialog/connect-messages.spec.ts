import { createLimeTypes } from '../../emulator/schema';
import en from '../../translations/en.json';
import sv from '../../translations/sv.json';
import {
  connectedMessage,
  inputProblemMessage,
  outcomeNotice,
  parentProblemMessage,
  type Message,
} from './connect-messages';

const limetypes = createLimeTypes();

function expectTranslated(message: Message | undefined) {
  expect(message).toBeDefined();
  const key = message?.key ?? '';
  expect({ key, en: key in en, sv: key in sv }).toEqual({ key, en: true, sv: true });
}

describe('what the connect dialog says', () => {
  it('has a translated inline error for every kind of bad input', () => {
    for (const reason of ['empty', 'not-a-number', 'out-of-range', 'unrecognised-link'] as const) {
      expectTranslated(inputProblemMessage(reason));
    }
    expect(inputProblemMessage('out-of-range').params).toEqual({ max: 2147483647 });
  });

  it('names the other object with its kind and descriptive', () => {
    const notice = outcomeNotice(
      {
        outcome: 'connected-elsewhere',
        conversationId: 50100,
        owner: { limetype: 'helpdesk', id: 1002, descriptive: 'Printer on fire' },
      },
      limetypes,
    );
    expect(notice).toEqual({
      tone: 'caution',
      heading: { key: 'connect_dialog.heading.elsewhere' },
      message: {
        key: 'connect_dialog.elsewhere.named',
        params: { id: 50100, limetype: 'Helpdesk ticket', descriptive: 'Printer on fire' },
      },
      object: { limetype: 'helpdesk', id: 1002, descriptive: 'Printer on fire' },
    });
    expectTranslated(notice?.message);
  });

  it('does not link to an object the user may not read', () => {
    const notice = outcomeNotice(
      { outcome: 'connected-elsewhere', conversationId: 50100, owner: { limetype: 'deal', id: 7 } },
      limetypes,
    );
    expect(notice?.message).toEqual({
      key: 'connect_dialog.elsewhere.hidden',
      params: { id: 50100, limetype: 'Deal' },
    });
    expect(notice?.object).toBeUndefined();
  });

  it('has a translated message for every other outcome that keeps the dialog open', () => {
    const owner = { limetype: 'helpdesk', id: 1002, descriptive: 'Printer on fire' };
    const notices = [
      outcomeNotice(
        { outcome: 'already-connected-here', conversationId: 1, objectId: 1 },
        limetypes,
      ),
      outcomeNotice({ outcome: 'connected-elsewhere', conversationId: 1 }, limetypes),
      outcomeNotice(
        { outcome: 'conflict', conversationId: 1, owner, ownerIsParent: false },
        limetypes,
      ),
      outcomeNotice(
        {
          outcome: 'conflict',
          conversationId: 1,
          owner: { limetype: 'deal', id: 3 },
          ownerIsParent: false,
        },
        limetypes,
      ),
      outcomeNotice(
        { outcome: 'conflict', conversationId: 1, owner, ownerIsParent: true },
        limetypes,
      ),
      ...(
        [
          { kind: 'unreachable', message: 'offline' },
          { kind: 'timeout', message: 'late' },
          { kind: 'forbidden', message: 'no' },
          { kind: 'server-error', status: 500, message: 'boom' },
        ] as const
      ).map((failure) =>
        outcomeNotice({ outcome: 'failed', conversationId: 1, failure }, limetypes),
      ),
    ];
    notices.forEach((notice) => {
      expectTranslated(notice?.heading);
      expectTranslated(notice?.message);
    });
    expect(outcomeNotice({ outcome: 'connected', conversationId: 1, objectId: 1 }, limetypes)).toBe(
      undefined,
    );
  });

  it('reminds on success that the conversation is not synchronised until sent from Lime Connect', () => {
    const message = connectedMessage(48213);
    expectTranslated(message);
    expect(en[message.key as keyof typeof en]).toMatch(/not synchronised.*sent from Lime Connect/);
  });

  it('explains where to connect from when the dialog has no parent', () => {
    expectTranslated(parentProblemMessage('no-parent'));
    expectTranslated(parentProblemMessage('unknown-limetype'));
  });
});
