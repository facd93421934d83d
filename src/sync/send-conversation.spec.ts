import { createDefaultConfig, type ConversationsConfig } from '../config';
import { createEmulator, type Database, type Emulator } from '../emulator';
import { createEmulatorCrmPort } from '../emulator/emulator-crm-port';
import { HttpService } from '../lime';
import { parseHistoryNote } from '../notes';
import type { CrmPort } from '../crm';
import type {
  LimeConnectConversationInput,
  SendConversationResult,
  SendSuccess,
} from './sync.types';
import { sendConversation } from './send-conversation';

const IDS = { acme: 1001, partner: 1002, jane: 1001, per: 1002, mo: 1003, anna: 1001 };

function seed(db: Database) {
  db.create('company', { name: 'Acme AB' });
  db.create('company', { name: 'Partner AB' });
  db.create('person', {
    firstname: 'Jane',
    lastname: 'Doe',
    email: 'Jane.Doe@acme.example',
    mobilephone: '+46 70-123 45 67',
    company: IDS.acme,
  });
  db.create('person', {
    firstname: 'Per',
    lastname: 'Fast',
    phone: '08-555 123 45',
    company: IDS.acme,
  });
  db.create('person', { firstname: 'Mo', lastname: 'Bile', mobilephone: '0739876543' });
  db.create('coworker', { firstname: 'Anna', lastname: 'Lind', email: 'anna.lind@lime.example' });
}

function arrange(change: (config: ConversationsConfig) => void = () => undefined) {
  const emulator = createEmulator({ seed, mountRoot: () => null });
  const crm = createEmulatorCrmPort(emulator.platform.get('http') as HttpService);
  const config = createDefaultConfig();
  config.portal.webclientUrl = 'https://crm.example/acme/webclient';
  change(config);
  return { emulator, crm, config };
}

function conversation(
  change: Partial<LimeConnectConversationInput> = {},
): LimeConnectConversationInput {
  return {
    id: '48213',
    topics: [{ text: 'Support' }],
    subject: 'Invoice shows 40 seats',
    startedAt: '2026-11-21T09:58:03Z',
    contact: {
      id: 'c-77',
      name: 'Jane Doe',
      email: 'jane.doe@acme.example',
      mobileNumber: null,
      phoneNumber: null,
      company: 'Acme',
    },
    operator: { id: 'o-1', name: 'Anna Lind', email: 'anna.lind@lime.example' },
    messages: [
      {
        time: '2026-11-21T10:00:12Z',
        senderName: 'Jane Doe',
        senderType: 'contact',
        textFormat: 'plain_text',
        body: 'Hello, I have a question.',
      },
      {
        time: '2026-11-21T10:00:40Z',
        senderName: 'Anna Lind',
        senderType: 'operator',
        textFormat: 'markdown_v1',
        body: 'Hello, **how** can I help?',
      },
    ],
    ...change,
  };
}

function expectSent(result: SendConversationResult): SendSuccess {
  if (!result.ok) {
    throw new Error(`expected a successful send, got ${JSON.stringify(result)}`);
  }
  return result;
}

const historyOf = (emulator: Emulator, property: string, id: number) =>
  emulator.db.list('history').filter((note) => note[property] === id);

describe('sendConversation: topics', () => {
  it('refuses an unknown topic, names it and the configured topics, and writes nothing', async () => {
    const { emulator, crm, config } = arrange();
    const before = emulator.snapshot();
    const result = await sendConversation(
      conversation({ topics: [{ text: 'Billing' }] }),
      config,
      crm,
    );
    expect(result).toEqual({
      ok: false,
      reason: 'unknown-topic',
      topics: ['Billing'],
      configuredTopics: ['Support', 'Sales'],
    });
    expect(emulator.snapshot()).toEqual(before);
  });

  it('refuses a conversation without a topic and lists the topics to choose from', async () => {
    const { crm, config } = arrange();
    const result = await sendConversation(conversation({ topics: [{ text: '  ' }] }), config, crm);
    expect(result).toEqual({
      ok: false,
      reason: 'no-topic',
      configuredTopics: ['Support', 'Sales'],
    });
  });

  it('matches the topic trimmed and whatever its case', async () => {
    const { crm, config } = arrange();
    const result = expectSent(
      await sendConversation(conversation({ topics: [{ text: '  sALES ' }] }), config, crm),
    );
    expect(result.object.limetype).toBe('deal');
  });

  it('refuses a conversation Lime Connect could not have sent, and says what is wrong', async () => {
    const { crm, config } = arrange();
    const result = await sendConversation(
      { ...conversation(), id: 'abc', startedAt: 'yesterday' },
      config,
      crm,
    );
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toBe('invalid-conversation');
    expect(
      result.ok === false && result.reason === 'invalid-conversation' && result.issues.join('\n'),
    ).toMatch(/id:.*\n.*startedAt/);
  });
});

describe('sendConversation: first send', () => {
  it('creates the ticket, the conversation object and one complete transcript note, and links to the ticket', async () => {
    const { emulator, crm, config } = arrange();
    const result = expectSent(await sendConversation(conversation(), config, crm));

    expect(result.outcome).toBe('created');
    const ticket = emulator.db.get('helpdesk', result.object.id);
    expect(ticket).toMatchObject({
      title: 'Invoice shows 40 seats',
      person: IDS.jane,
      company: IDS.acme,
      coworker: IDS.anna,
    });
    expect(result.link).toBe(
      `https://crm.example/acme/webclient/object/helpdesk/${result.object.id}`,
    );

    const conversations = emulator.db.list('conversation');
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({
      conversationid: 48213,
      link: config.conversationLinkBase + '48213',
      contactid: 'c-77',
      topic: 'Support',
      helpdesk: result.object.id,
    });
    expect(new Date(String(conversations[0].startedtime)).toISOString()).toBe(
      '2026-11-21T09:58:03.000Z',
    );

    const notes = historyOf(emulator, 'helpdesk', result.object.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      type: 'limeconnect',
      conversation: conversations[0].id,
      person: IDS.jane,
      company: IDS.acme,
      coworker: IDS.anna,
    });
    const note = parseHistoryNote(String(notes[0].note));
    expect(note).toMatchObject({
      kind: 'chat-transcript',
      conversationId: '48213',
      topic: 'Support',
      contact: { name: 'Jane Doe', email: 'jane.doe@acme.example' },
      operator: { name: 'Anna Lind' },
    });
    expect(note.kind === 'chat-transcript' && note.messages.map((message) => message.body)).toEqual(
      ['Hello, I have a question.', 'Hello, **how** can I help?'],
    );
  });

  it('fills the configured properties from the conversation and fixed values', async () => {
    const { emulator, crm, config } = arrange((config) => {
      config.topics[0].properties.push(
        { property: 'statuscolor', value: { kind: 'fixed', value: 'new' } },
        {
          property: 'description',
          value: { kind: 'conversation', field: 'customFieldData.order' },
        },
      );
    });
    const result = expectSent(
      await sendConversation(conversation({ customFieldData: { order: 'A-1234' } }), config, crm),
    );
    expect(emulator.db.get('helpdesk', result.object.id)).toMatchObject({
      statuscolor: 'new',
      description: 'A-1234',
    });
  });
});

describe('sendConversation: identifying the contact', () => {
  it('finds the person by email whatever its case, and brings their company along', async () => {
    const { crm, config } = arrange();
    const result = expectSent(await sendConversation(conversation(), config, crm));
    expect(result.identified).toEqual({
      person: { limetype: 'person', id: IDS.jane },
      company: { limetype: 'company', id: IDS.acme },
      coworker: { limetype: 'coworker', id: IDS.anna },
      ambiguous: false,
    });
  });

  it('finds the person by a differently written mobile number', async () => {
    const { crm, config } = arrange();
    const contact = {
      name: 'Mo',
      email: null,
      mobileNumber: '+46 73 987 65 43',
      phoneNumber: null,
    };
    const result = expectSent(await sendConversation(conversation({ contact }), config, crm));
    expect(result.identified.person).toEqual({ limetype: 'person', id: IDS.mo });
    expect(result.identified.company).toBeUndefined();
  });

  it('finds the person by phone number', async () => {
    const { crm, config } = arrange();
    const contact = { name: 'Per', phoneNumber: '+46 8 555 123 45' };
    const result = expectSent(await sendConversation(conversation({ contact }), config, crm));
    expect(result.identified.person).toEqual({ limetype: 'person', id: IDS.per });
    expect(result.identified.company).toEqual({ limetype: 'company', id: IDS.acme });
  });

  it('finds only a company by its name when no person matches, and attaches that company', async () => {
    const { emulator, crm, config } = arrange();
    const contact = { name: 'Someone New', email: 'new@partner.example', company: 'partner ab' };
    const result = expectSent(await sendConversation(conversation({ contact }), config, crm));
    expect(result.identified.person).toBeUndefined();
    expect(emulator.db.get('helpdesk', result.object.id)).toMatchObject({
      person: null,
      company: IDS.partner,
    });
    expect(result.skipped).toEqual([
      { property: 'person', source: 'identified-person', reason: 'not-identified' },
    ]);
  });

  it('sends an anonymous conversation and says nobody was identified', async () => {
    const { emulator, crm, config } = arrange();
    const result = expectSent(
      await sendConversation(conversation({ contact: null, operator: null }), config, crm),
    );
    expect(emulator.db.get('helpdesk', result.object.id)).toMatchObject({
      person: null,
      company: null,
      coworker: null,
    });
    expect(result.skipped.map((skip) => skip.reason)).toEqual([
      'not-identified',
      'not-identified',
      'not-identified',
    ]);
  });
});

describe('sendConversation: default attachments', () => {
  it('attaches the identified person, their company, the operator and a fixed object', async () => {
    const { crm, config } = arrange((config) => {
      config.topics[0].attachments = [
        { property: 'person', source: 'identified-person' },
        { property: 'company', source: 'fixed', objectId: IDS.partner },
        { property: 'coworker', source: 'operator' },
      ];
    });
    const result = expectSent(await sendConversation(conversation(), config, crm));
    expect(result.attached).toEqual([
      {
        property: 'person',
        source: 'identified-person',
        object: { limetype: 'person', id: IDS.jane },
      },
      { property: 'company', source: 'fixed', object: { limetype: 'company', id: IDS.partner } },
      { property: 'coworker', source: 'operator', object: { limetype: 'coworker', id: IDS.anna } },
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('attaches the identified company on its own', async () => {
    const { emulator, crm, config } = arrange((config) => {
      config.topics[0].attachments = [{ property: 'company', source: 'identified-company' }];
    });
    const result = expectSent(await sendConversation(conversation(), config, crm));
    expect(emulator.db.get('helpdesk', result.object.id)).toMatchObject({
      person: null,
      company: IDS.acme,
      coworker: null,
    });
  });

  it('reports a fixed object that does not exist, and attaches the rest', async () => {
    const { emulator, crm, config } = arrange((config) => {
      config.topics[0].attachments.push({ property: 'company', source: 'fixed', objectId: 9999 });
    });
    const result = expectSent(await sendConversation(conversation(), config, crm));
    expect(result.skipped).toEqual([
      {
        property: 'company',
        source: 'fixed',
        reason: 'not-found',
        object: { limetype: 'company', id: 9999 },
      },
    ]);
    expect(emulator.db.get('helpdesk', result.object.id)).toMatchObject({
      person: IDS.jane,
      company: IDS.acme,
    });
  });
});

describe('sendConversation: object access', () => {
  it('leaves out a person the API user may not see, and attaches the rest', async () => {
    const { emulator, crm, config } = arrange();
    emulator.faults.deny('person', IDS.jane);
    const result = expectSent(await sendConversation(conversation(), config, crm));
    expect(emulator.db.get('helpdesk', result.object.id)).toMatchObject({
      person: null,
      coworker: IDS.anna,
    });
    expect(result.skipped).toContainEqual({
      property: 'person',
      source: 'identified-person',
      reason: 'not-identified',
    });
    expect(historyOf(emulator, 'helpdesk', result.object.id)[0]).toMatchObject({
      person: null,
      coworker: IDS.anna,
    });
  });

  it('skips the person’s company when the CRM answers 403 for it, and says so', async () => {
    const { emulator, crm, config } = arrange();
    emulator.faults.deny('company', IDS.acme);
    const result = expectSent(await sendConversation(conversation(), config, crm));
    expect(emulator.db.get('helpdesk', result.object.id)).toMatchObject({
      person: IDS.jane,
      company: null,
      coworker: IDS.anna,
    });
    expect(result.skipped).toEqual([
      {
        property: 'company',
        source: 'identified-company',
        reason: 'forbidden',
        object: { limetype: 'company', id: IDS.acme },
      },
    ]);
    expect(historyOf(emulator, 'helpdesk', result.object.id)[0]).toMatchObject({
      person: IDS.jane,
      company: null,
    });
  });

  it('finds the operator’s coworker whatever the case of the email Lime Connect sends', async () => {
    const { crm, config } = arrange((config) => {
      config.topics[0].attachments = [{ property: 'coworker', source: 'operator' }];
    });
    const result = expectSent(
      await sendConversation(
        conversation({
          operator: { id: 'o-1', name: 'Anna Lind', email: ' Anna.Lind@LIME.example ' },
        }),
        config,
        crm,
      ),
    );
    expect(result.attached).toEqual([
      { property: 'coworker', source: 'operator', object: { limetype: 'coworker', id: IDS.anna } },
    ]);
  });

  it('leaves out the operator’s coworker when it is denied', async () => {
    const { emulator, crm, config } = arrange();
    emulator.faults.deny('coworker', IDS.anna);
    const result = expectSent(await sendConversation(conversation(), config, crm));
    expect(emulator.db.get('helpdesk', result.object.id)).toMatchObject({
      person: IDS.jane,
      company: IDS.acme,
      coworker: null,
    });
    expect(result.skipped).toEqual([
      { property: 'coworker', source: 'operator', reason: 'not-identified' },
    ]);
  });

  it('skips a fixed object the CRM answers 403 for, and says so', async () => {
    const { emulator, crm, config } = arrange((config) => {
      config.topics[0].attachments = [
        { property: 'company', source: 'fixed', objectId: IDS.partner },
      ];
    });
    emulator.faults.deny('company', IDS.partner);
    const result = expectSent(await sendConversation(conversation(), config, crm));
    expect(result.skipped).toEqual([
      {
        property: 'company',
        source: 'fixed',
        reason: 'forbidden',
        object: { limetype: 'company', id: IDS.partner },
      },
    ]);
    expect(emulator.db.get('helpdesk', result.object.id)).toMatchObject({ company: null });
  });

  it('refuses to re-send to an object the API user has no access to, and writes nothing', async () => {
    const { emulator, crm, config } = arrange();
    const first = expectSent(await sendConversation(conversation(), config, crm));
    emulator.faults.deny('helpdesk', first.object.id);
    const again = await sendConversation(conversation({ subject: 'again' }), config, crm);
    expect(again).toEqual({ ok: false, reason: 'forbidden', object: first.object });
    expect(emulator.db.list('history')).toHaveLength(1);
  });
});

describe('sendConversation: sending the same conversation again', () => {
  const later = {
    time: '2026-11-21T10:05:00Z',
    senderName: 'Jane Doe',
    senderType: 'contact' as const,
    textFormat: 'plain_text' as const,
    body: 'One more thing: the invoice number is 42.',
  };

  it('adds a new complete note to the same ticket and links to it again', async () => {
    const { emulator, crm, config } = arrange();
    const first = expectSent(await sendConversation(conversation(), config, crm));
    const again = expectSent(
      await sendConversation(
        conversation({ messages: [...conversation().messages!, later] }),
        config,
        crm,
      ),
    );

    expect(again).toMatchObject({
      outcome: 'resent',
      object: first.object,
      link: first.link,
      note: { replaced: false },
    });
    expect(
      emulator.db.list('helpdesk').filter((ticket) => ticket.title === 'Invoice shows 40 seats'),
    ).toHaveLength(1);
    expect(emulator.db.list('conversation')).toHaveLength(1);
    const notes = historyOf(emulator, 'helpdesk', first.object.id);
    expect(notes).toHaveLength(2);
    const newest = parseHistoryNote(String(notes.find((note) => note.id === again.note.id)?.note));
    expect(newest.kind === 'chat-transcript' && newest.messages).toHaveLength(3);
  });

  it('in update-note mode replaces the earlier transcript note instead of piling up another', async () => {
    const { emulator, crm, config } = arrange((config) => {
      config.resendMode = 'update-note';
    });
    const first = expectSent(await sendConversation(conversation(), config, crm));
    const again = expectSent(
      await sendConversation(
        conversation({ messages: [...conversation().messages!, later] }),
        config,
        crm,
      ),
    );

    expect(again).toMatchObject({ outcome: 'resent', note: { id: first.note.id, replaced: true } });
    const notes = historyOf(emulator, 'helpdesk', first.object.id);
    expect(notes).toHaveLength(1);
    const note = parseHistoryNote(String(notes[0].note));
    expect(note.kind === 'chat-transcript' && note.messages.at(-1)?.body).toBe(later.body);
  });

  it('in update-note mode leaves the other notes of the ticket alone', async () => {
    const { emulator, crm, config } = arrange((config) => {
      config.resendMode = 'update-note';
    });
    const first = expectSent(await sendConversation(conversation(), config, crm));
    emulator.db.create('history', {
      type: 'comment',
      note: 'Called Jane back.',
      helpdesk: first.object.id,
      conversation: first.conversationObject.id,
    });
    await sendConversation(conversation({ messages: [later] }), config, crm);
    expect(
      historyOf(emulator, 'helpdesk', first.object.id).map(
        (note) => String(note.note).split('\n')[0],
      ),
    ).toEqual([
      'Lime Connect conversation #48213 · Support · 2026-11-21T09:58:03Z',
      'Called Jane back.',
    ]);
  });
});

describe('sendConversation: a conversation connected earlier from the relation tab', () => {
  it('writes its first send to the ticket it was connected to, and completes the conversation object', async () => {
    const { emulator, crm, config } = arrange();
    const ticket = emulator.db.create('helpdesk', { title: 'Existing ticket' });
    const connected = emulator.db.create('conversation', {
      conversationid: 48213,
      helpdesk: ticket.id,
    });

    const result = expectSent(await sendConversation(conversation(), config, crm));

    expect(result).toMatchObject({
      outcome: 'sent-to-connected',
      object: { limetype: 'helpdesk', id: ticket.id },
      conversationObject: { id: connected.id },
    });
    expect(emulator.db.list('helpdesk')).toHaveLength(1);
    expect(emulator.db.get('helpdesk', ticket.id)).toMatchObject({
      title: 'Existing ticket',
      person: IDS.jane,
    });
    expect(emulator.db.get('conversation', connected.id)).toMatchObject({
      link: config.conversationLinkBase + '48213',
      topic: 'Support',
      contactid: 'c-77',
    });
    expect(historyOf(emulator, 'helpdesk', ticket.id)).toHaveLength(1);

    const again = expectSent(await sendConversation(conversation(), config, crm));
    expect(again.outcome).toBe('resent');
  });

  it('keeps what the user already chose on the connected ticket', async () => {
    const { emulator, crm, config } = arrange();
    const ticket = emulator.db.create('helpdesk', { title: 'Existing ticket', person: IDS.per });
    emulator.db.create('conversation', { conversationid: 48213, helpdesk: ticket.id });
    await sendConversation(conversation(), config, crm);
    expect(emulator.db.get('helpdesk', ticket.id)).toMatchObject({
      person: IDS.per,
      company: IDS.acme,
    });
  });

  it('reports the attachments it could not fill on a connected ticket it may not update, and still writes the note', async () => {
    const { emulator, crm, config } = arrange();
    const ticket = emulator.db.create('helpdesk', { title: 'Existing ticket' });
    emulator.db.create('conversation', { conversationid: 48213, helpdesk: ticket.id });
    emulator.faults.add({
      kind: 'error',
      status: 403,
      match: { method: 'PATCH', url: 'limeobject/helpdesk' },
      times: 1,
    });
    const result = expectSent(await sendConversation(conversation(), config, crm));
    expect(result.attached).toEqual([]);
    expect(result.skipped.map((skip) => [skip.property, skip.reason])).toEqual([
      ['person', 'forbidden'],
      ['company', 'forbidden'],
      ['coworker', 'forbidden'],
    ]);
    expect(historyOf(emulator, 'helpdesk', ticket.id)).toHaveLength(1);
  });

  it('creates a new ticket when the one it was connected to has been deleted, and links the conversation to it', async () => {
    const { emulator, crm, config } = arrange();
    const first = expectSent(await sendConversation(conversation(), config, crm));
    emulator.db.delete('helpdesk', first.object.id);
    const again = expectSent(await sendConversation(conversation(), config, crm));
    expect(again.outcome).toBe('created');
    expect(again.object.id).not.toBe(first.object.id);
    expect(again.conversationObject).toEqual(first.conversationObject);
    expect(emulator.db.get('conversation', first.conversationObject.id)).toMatchObject({
      helpdesk: again.object.id,
    });
  });

  it('finds a conversation connected to a deal even when sent under the Support topic', async () => {
    const { emulator, crm, config } = arrange();
    const deal = emulator.db.create('deal', { name: 'Seats for Acme' });
    emulator.db.create('conversation', { conversationid: 48213, deal: deal.id });
    const result = expectSent(await sendConversation(conversation(), config, crm));
    expect(result.object).toEqual({ limetype: 'deal', id: deal.id });
    expect(emulator.db.list('helpdesk')).toHaveLength(0);
  });
});

describe('sendConversation: media files', () => {
  const mediaFiles = [
    { name: 'invoice.pdf', url: 'https://files.lime-connect.example/m/1/invoice.pdf' },
    { name: 'screenshot.png', url: 'https://files.lime-connect.example/m/2/screenshot.png' },
  ];
  const withMedia = (change: (config: ConversationsConfig) => void = () => undefined) =>
    arrange((config) => {
      config.mediaImport = { enabled: true };
      config.topics[0].importMediaFiles = true;
      change(config);
    });
  // The key comes from the application configuration, which only the server side reads.
  const API_KEY = 'lc-key';

  it('imports each media file as a document on the ticket, in the task queue, after the note is written', async () => {
    const { emulator, crm, config } = withMedia();
    const result = expectSent(
      await sendConversation(conversation({ mediaFiles }), config, crm, {
        tasks: emulator.tasks,
        mediaImportApiKey: API_KEY,
      }),
    );
    expect(result.media.state).toBe('queued');
    expect(emulator.db.list('document')).toHaveLength(0);
    expect(historyOf(emulator, 'helpdesk', result.object.id)).toHaveLength(1);

    await emulator.tasks.whenIdle();
    const outcomes = result.media.state === 'queued' ? await result.media.done : [];
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true]);
    expect(
      emulator.db.list('document').map((document) => [document.comment, document.helpdesk]),
    ).toEqual([
      ['invoice.pdf', result.object.id],
      ['screenshot.png', result.object.id],
    ]);
    expect(emulator.tasks.list().map((task) => task.status)).toEqual(['success', 'success']);
  });

  it('reports a failed import and keeps the note and the other documents', async () => {
    const { emulator, crm, config } = withMedia();
    emulator.faults.add({
      kind: 'error',
      status: 500,
      match: { method: 'POST', url: 'limeobject/document' },
      times: 1,
    });
    const result = expectSent(
      await sendConversation(conversation({ mediaFiles }), config, crm, {
        tasks: emulator.tasks,
        mediaImportApiKey: API_KEY,
      }),
    );
    const outcomes = result.media.state === 'queued' ? await result.media.done : [];
    expect(outcomes[0]).toMatchObject({
      ok: false,
      file: { name: 'invoice.pdf' },
      error: { kind: 'server-error', status: 500 },
    });
    expect(outcomes[1]).toMatchObject({ ok: true });
    expect(emulator.db.list('document').map((document) => document.comment)).toEqual([
      'screenshot.png',
    ]);
    expect(historyOf(emulator, 'helpdesk', result.object.id)).toHaveLength(1);
  });

  it('does not import when the feature flag is off, or without an API key, and says which', async () => {
    const off = withMedia((config) => {
      config.mediaImport.enabled = false;
    });
    const offResult = expectSent(
      await sendConversation(conversation({ mediaFiles }), off.config, off.crm, {
        tasks: off.emulator.tasks,
        mediaImportApiKey: API_KEY,
      }),
    );
    expect(offResult.media).toEqual({
      state: 'not-imported',
      reason: 'feature-disabled',
      files: mediaFiles,
    });

    const noKey = withMedia();
    const noKeyResult = expectSent(
      await sendConversation(conversation({ mediaFiles }), noKey.config, noKey.crm, {
        tasks: noKey.emulator.tasks,
        mediaImportApiKey: ' ',
      }),
    );
    expect(noKeyResult.media).toMatchObject({ state: 'not-imported', reason: 'no-api-key' });
    await noKey.emulator.tasks.whenIdle();
    expect(noKey.emulator.db.list('document')).toHaveLength(0);
  });

  it('never takes the API key from the runtime configuration, even when an old one is left there', async () => {
    const stale = withMedia((config) => {
      Object.assign(config.mediaImport, { apiKey: 'key-left-in-runtime-config' });
    });
    const result = expectSent(
      await sendConversation(conversation({ mediaFiles }), stale.config, stale.crm, {
        tasks: stale.emulator.tasks,
      }),
    );
    expect(result.media).toMatchObject({ state: 'not-imported', reason: 'no-api-key' });
    await stale.emulator.tasks.whenIdle();
    expect(stale.emulator.db.list('document')).toHaveLength(0);
  });
});

describe('sendConversation: sending twice at once', () => {
  it('creates one ticket and one conversation object for a double click', async () => {
    const { emulator, crm, config } = arrange();
    emulator.faults.setLatency(5);
    const [first, second] = await Promise.all([
      sendConversation(conversation(), config, crm),
      sendConversation(conversation(), config, crm),
    ]);
    expect(first).toEqual(second);
    expect(emulator.db.list('helpdesk')).toHaveLength(1);
    expect(emulator.db.list('conversation')).toHaveLength(1);
    expect(emulator.db.list('history')).toHaveLength(1);
  });

  it('creates one ticket when two senders (two ports, as from two servers) race, and both link to it', async () => {
    const { emulator, config } = arrange();
    emulator.faults.setLatency(5);
    const http = emulator.platform.get('http') as HttpService;
    const ports: CrmPort[] = [createEmulatorCrmPort(http), createEmulatorCrmPort(http)];
    const results = (
      await Promise.all(ports.map((port) => sendConversation(conversation(), config, port)))
    ).map(expectSent);
    expect(emulator.db.list('helpdesk')).toHaveLength(1);
    expect(emulator.db.list('conversation')).toHaveLength(1);
    expect(results[0].object).toEqual(results[1].object);
    expect(results.map((result) => result.outcome).sort()).toEqual(['created', 'resent']);
  });

  it('sends a changed conversation after the one in flight, as a re-send', async () => {
    const { emulator, crm, config } = arrange();
    emulator.faults.setLatency(5);
    const [first, second] = (
      await Promise.all([
        sendConversation(conversation(), config, crm),
        sendConversation(conversation({ subject: 'Changed while sending' }), config, crm),
      ])
    ).map(expectSent);
    expect(first.outcome).toBe('created');
    expect(second).toMatchObject({ outcome: 'resent', object: first.object });
    expect(emulator.db.list('history')).toHaveLength(2);
  });
});

describe('sendConversation: when the CRM fails', () => {
  it('takes the ticket back when the conversation object cannot be created, so nothing is half-written', async () => {
    const { emulator, crm, config } = arrange();
    emulator.faults.setAcl('conversation', { create: false });
    const result = await sendConversation(conversation(), config, crm);
    expect(result).toMatchObject({
      ok: false,
      reason: 'crm-error',
      step: 'create-conversation',
      error: { kind: 'forbidden' },
    });
    expect(emulator.db.list('helpdesk')).toHaveLength(0);
    expect(emulator.db.list('history')).toHaveLength(0);
  });

  it('says which step failed when the CRM cannot be reached', async () => {
    const { emulator, crm, config } = arrange();
    emulator.faults.add({ kind: 'network' });
    const result = await sendConversation(conversation(), config, crm);
    expect(result).toMatchObject({
      ok: false,
      reason: 'crm-error',
      step: 'find-conversation',
      error: { kind: 'unreachable' },
    });
  });
});
