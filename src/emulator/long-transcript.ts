// One long Lime Connect chat (2,000 messages) for the demo and the speed tests, generated from a
// seeded random sequence so it is the same on every load.
import {
  formatTranscriptNote,
  type TranscriptConversation,
  type TranscriptMessage,
} from '../notes';

export const LONG_TRANSCRIPT_MESSAGE_COUNT = 2000;
export const LONG_TRANSCRIPT_CONVERSATION_ID = 48900;
const STARTED_AT = Date.parse('2026-11-10T08:00:00Z');

/** mulberry32: a tiny seeded generator, good enough for varied demo text. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Body = { text: string; markdown: boolean };

const CONTACT_BODIES: Body[] = [
  { text: 'Hi again! Any news about the invoice?', markdown: false },
  { text: 'We have 25 users in Stockholm and 3 in Malmö.', markdown: false },
  { text: 'Tack så mycket! 😊', markdown: false },
  {
    text: 'Åsa at our finance department will get back to you about the credit note.',
    markdown: false,
  },
  {
    text: 'Could you check this link? https://acme.example/intranet/licenses?id=25&view=all',
    markdown: false,
  },
  {
    text: '[2026-11-02T08:00:00Z] Anna Lind (operator):\nThis line only looks like a header: I pasted it.',
    markdown: false,
  },
  { text: '[x] invoice checked\n[ ] seats reduced\n[ ] credit note sent', markdown: false },
  {
    text: 'The file is on \\\\fileserver\\finance\\invoices\\2026-11.pdf if that helps.',
    markdown: false,
  },
  { text: 'a<b and c>d is what the error says, literally.', markdown: false },
  { text: 'Sorry, I was in a meeting.\n\nWhere were we?', markdown: false },
  { text: 'Is it **really** fixed this time?', markdown: true },
  { text: 'Our IT lead asked: does the *Enterprise* plan include SSO?', markdown: true },
];

const OPERATOR_BODIES: Body[] = [
  { text: 'Hello, **how** can I help you?', markdown: true },
  { text: 'Let me check that for you, one moment.', markdown: false },
  {
    text: 'I have corrected it — see [your invoices](https://billing.example.com/invoices).',
    markdown: true,
  },
  {
    text: 'To download the invoice:\n1. Log in\n2. Open *Billing*\n3. Click **Download**',
    markdown: true,
  },
  {
    text: 'Your current plan:\n- 25 seats\n- *Professional* edition\n- renews on 2027-01-01',
    markdown: true,
  },
  {
    text: '> My invoice shows 40 seats\n\nThat was our mistake; the credit note is on its way.',
    markdown: true,
  },
  { text: 'You can set `SEAT_COUNT=25` in the admin portal yourself as well.', markdown: true },
  {
    text: '[Open the admin portal](https://admin.example.com/seats) and choose *Seats*.',
    markdown: true,
  },
  { text: 'I have forwarded this to our finance team.', markdown: false },
  { text: 'Have a nice weekend!', markdown: false },
  { text: '| Month | Seats |\n| --- | --- |\n| October | 40 |\n| November | 25 |', markdown: true },
];

/** The long conversation, as Lime Connect would send it. */
export function longConversation(): TranscriptConversation {
  const random = seededRandom(20261110);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const messages: TranscriptMessage[] = [];
  let time = STARTED_AT;
  for (let index = 1; index <= LONG_TRANSCRIPT_MESSAGE_COUNT; index += 1) {
    time += Math.round(15 + random() * 300) * 1000;
    const fromContact = random() < 0.5;
    const body = pick(fromContact ? CONTACT_BODIES : OPERATOR_BODIES);
    // Every hundredth message carries a findable marker for search tests.
    const text =
      index % 100 === 0
        ? `${body.text}\n\nCheckpoint ${index} of ${LONG_TRANSCRIPT_MESSAGE_COUNT}.`
        : body.text;
    messages.push({
      time: new Date(time).toISOString().replace('.000Z', 'Z'),
      senderName: fromContact ? 'Jane Doe' : random() < 0.85 ? 'Anna Lind' : 'Erik Svensson',
      senderType: fromContact ? 'contact' : 'operator',
      format: body.markdown ? 'markdown_v1' : 'plain_text',
      body: text,
    });
  }
  return {
    conversationId: String(LONG_TRANSCRIPT_CONVERSATION_ID),
    topic: 'Support',
    startedAt: new Date(STARTED_AT).toISOString().replace('.000Z', 'Z'),
    contact: { name: 'Jane Doe', email: 'jane@example.com' },
    operator: { name: 'Anna Lind' },
    messages,
  };
}

let cachedNote: { note: string; lastMessageAt: string } | undefined;

/** The long conversation as a history note, generated once per page load. */
export function longTranscriptNote(): { note: string; lastMessageAt: string } {
  if (!cachedNote) {
    const conversation = longConversation();
    cachedNote = {
      note: formatTranscriptNote(conversation),
      lastMessageAt: conversation.messages[conversation.messages.length - 1].time,
    };
  }
  return cachedNote;
}
