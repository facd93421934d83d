import { parseAddonEvent } from '../../lime-connect';
import { limeConnectConversationSchema } from '../../sync';
import {
  contactInformationEvent,
  conversationInformationEvent,
  conversationInput,
  demoEndpoints,
  newConversation,
  operatorInformationEvent,
  transcriptEvent,
} from './message-center';

const conversation = newConversation(Date.parse('2026-11-24T09:00:00Z'), '52345');

describe("the Message Center stand-in's side of the protocol", () => {
  it('sends events the add-on protocol accepts, with empty fields as null', () => {
    const contact = contactInformationEvent(
      {
        name: 'Jane Doe',
        email: ' jane@example.com ',
        mobileNumber: '',
        phoneNumber: '',
        company: 'Acme AB',
      },
      'sv_SE',
    );
    const parsed = parseAddonEvent(contact);
    expect(parsed.ok && parsed.event.payload).toMatchObject({
      email: 'jane@example.com',
      mobileNumber: null,
      locale: 'sv_SE',
    });
    for (const event of [
      operatorInformationEvent(conversation.operator, 'en_US'),
      conversationInformationEvent(conversation, 'en_US'),
      transcriptEvent(conversation.messages),
    ]) {
      expect(parseAddonEvent(event).ok).toBe(true);
    }
  });

  it("uses npm start's ports unless the page is told others, and points the Portal at its config", () => {
    expect(demoEndpoints('')).toEqual({
      apiUrl: 'http://127.0.0.1:3335/',
      portalUrl: `http://127.0.0.1:3334/portal.html?config=${encodeURIComponent('http://127.0.0.1:3335/portal-config.json')}`,
    });
    const e2e = demoEndpoints(
      '?portal=http%3A%2F%2F127.0.0.1%3A41000%2Fportal.html&api=http%3A%2F%2F127.0.0.1%3A42000%2F',
    );
    expect(e2e.apiUrl).toBe('http://127.0.0.1:42000/');
    expect(new URL(e2e.portalUrl).searchParams.get('config')).toBe(
      'http://127.0.0.1:42000/portal-config.json',
    );
  });

  it('sends to Lime CRM the contact the add-on looks up and the messages of its transcript', () => {
    const edited = {
      ...conversation,
      contact: { ...conversation.contact, email: 'fatima.ali@nordicwidgets.example' },
      messages: [
        ...conversation.messages,
        { time: '2026-11-24T09:05:00.000Z', senderType: 'contact' as const, body: 'Thanks!' },
      ],
    };
    const contactEvent = parseAddonEvent(contactInformationEvent(edited.contact, 'en_US'));
    const transcript = parseAddonEvent(transcriptEvent(edited.messages));
    const sent = limeConnectConversationSchema.parse(conversationInput(edited, 'Visitor'));

    expect(contactEvent.ok && contactEvent.event.payload).toMatchObject({
      email: sent.contact?.email,
      name: sent.contact?.name,
      company: sent.contact?.company,
    });
    expect(
      transcript.ok &&
        transcript.event.name === 'transcript' &&
        transcript.event.payload.transcript.map((message) => [
          message.sender.type,
          message.textFormat,
          message.body,
        ]),
    ).toEqual(
      sent.messages.map((message) => [message.senderType, message.textFormat, message.body]),
    );
    expect(sent).toMatchObject({
      id: 52345,
      topics: [{ text: 'Support' }],
      operator: { name: 'Anna Lind', email: 'anna.lind@lime.example' },
    });
    expect(sent.messages.map((message) => message.senderName)).toEqual([
      'Jane Doe',
      'Anna Lind',
      'Jane Doe',
    ]);
  });

  it('names a contact without a name by email, else as a visitor', () => {
    const nameless = { ...conversation.contact, name: ' ' };
    expect(
      conversationInput({ ...conversation, contact: nameless }, 'Visitor').contact,
    ).toMatchObject({
      name: 'jane@example.com',
    });
    expect(
      conversationInput({ ...conversation, contact: { ...nameless, email: '' } }, 'Visitor')
        .contact,
    ).toMatchObject({ name: 'Visitor' });
  });
});
