import { parseHistoryNote } from '../notes';
import { createEmulator, DEMO_IDS, FIXTURE_NOTES, LONG_TRANSCRIPT_MESSAGE_COUNT } from '.';

describe('the demo data', () => {
  const emulator = createEmulator();
  const { db } = emulator;

  it('has ticket 1001 "Invoice shows wrong seat count" for Jane Doe at Acme AB, ongoing', () => {
    const ticket = db.get('helpdesk', 1001);
    expect(ticket).toMatchObject({
      title: 'Invoice shows wrong seat count',
      statuscolor: 'ongoing',
    });
    expect(db.get('person', Number(ticket?.person))).toMatchObject({
      name: 'Jane Doe',
      email: 'jane@example.com',
      mobilephone: '+46 70-123 45 67',
    });
    expect(db.get('company', Number(ticket?.company))?.name).toBe('Acme AB');
  });

  it('connects conversation 48213 to ticket 1001 and 50100 to ticket 1002', () => {
    const conversations = db.list('conversation');
    expect(conversations.find((each) => each.conversationid === 48213)?.helpdesk).toBe(1001);
    expect(conversations.find((each) => each.conversationid === 50100)?.helpdesk).toBe(1002);
    expect(new Set(conversations.map((each) => each.conversationid)).size).toBe(
      conversations.length,
    );
  });

  it('has the coworkers Anna Lind and Erik Svensson, and companies named "Acme AB" and "Acme"', () => {
    expect(db.get('coworker', DEMO_IDS.coworker.annaLind)).toMatchObject({
      name: 'Anna Lind',
      email: 'anna.lind@lime.example',
    });
    expect(db.get('coworker', DEMO_IDS.coworker.erikSvensson)?.name).toBe('Erik Svensson');
    expect(db.list('company').map((company) => company.name)).toEqual(
      expect.arrayContaining(['Acme AB', 'Acme']),
    );
  });

  it('gives persons email, phone and mobile numbers in varied formats', () => {
    const persons = db.list('person');
    expect(persons.length).toBeGreaterThanOrEqual(12);
    const mobiles = persons.map((person) => person.mobilephone).filter(Boolean);
    expect(mobiles).toEqual(expect.arrayContaining(['+46 70-123 45 67', '0739876543']));
    expect(
      persons.every((person) => typeof person.email === 'string' && person.email.includes('@')),
    ).toBe(true);
  });

  it('keeps every fixture note verbatim in the history, with a type that fits', () => {
    const history = db.list('history');
    const typeOf = (note: string) => history.find((each) => each.note === note)?.type;
    expect(typeOf(FIXTURE_NOTES['transcript-short.txt'])).toBe('limeconnect');
    expect(typeOf(FIXTURE_NOTES['hostile-note.txt'])).toBe('limeconnect');
    // DCI summaries are comments (seed 001): the standard database has no DCI history type.
    expect(typeOf(FIXTURE_NOTES['dci-summary-plain.txt'])).toBe('comment');
    expect(typeOf(FIXTURE_NOTES['dci-summary-markdown.txt'])).toBe('comment');
    expect(['comment', 'talkedto']).toContain(typeOf(FIXTURE_NOTES['plain-note.txt']));
    const onTicket = history.filter((each) => each.helpdesk === 1001).map((each) => each.note);
    expect(onTicket).toEqual(
      expect.arrayContaining([
        FIXTURE_NOTES['transcript-short.txt'],
        FIXTURE_NOTES['hostile-note.txt'],
      ]),
    );
  });

  it('has one transcript of exactly 2,000 messages on ticket 1001 that reads back as a transcript', () => {
    const long = db.get('history', DEMO_IDS.history.longTranscript);
    expect(long).toMatchObject({ helpdesk: 1001, type: 'limeconnect' });
    const parsed = parseHistoryNote(String(long?.note));
    expect(parsed.kind).toBe('chat-transcript');
    if (parsed.kind === 'chat-transcript') {
      expect(parsed.messages).toHaveLength(LONG_TRANSCRIPT_MESSAGE_COUNT);
      expect(
        parsed.messages.some((message) => message.body.startsWith('[2026-11-02T08:00:00Z]')),
      ).toBe(true);
      expect(new Set(parsed.messages.map((message) => message.format))).toEqual(
        new Set(['markdown_v1', 'plain_text']),
      );
    }
  });

  it('is the same on every load', () => {
    expect(createEmulator().snapshot()).toEqual(createEmulator().snapshot());
  });

  it('only relates objects that exist', () => {
    for (const [name, meta] of Object.entries(emulator.limetypes)) {
      for (const object of db.list(name)) {
        for (const property of Object.values(meta.properties)) {
          const id = object[property.name];
          if (property.type === 'belongsto' && id !== null) {
            expect({
              at: `${name} ${object.id}.${property.name}`,
              found: !!db.get(property.relation?.limetype ?? '', Number(id)),
            }).toEqual({
              at: `${name} ${object.id}.${property.name}`,
              found: true,
            });
          }
        }
      }
    }
  });
});
