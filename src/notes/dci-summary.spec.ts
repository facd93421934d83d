import { parseHistoryNote } from './parse-history-note';
import type { DciSummary } from './notes.types';

const title = 'Conversation Summary | Anna Lind | Weekly sync | 2026-11-20 14:00';
const RECORDING = 'https://dci.example/recordings/1';
const TRANSCRIPT = 'https://dci.example/transcripts/1';
const EVIL = 'https://evil.example/phish';

function readDci(text: string): DciSummary {
  const note = parseHistoryNote(text);
  if (note.kind !== 'dci-summary') {
    throw new Error(`read as ${note.kind}`);
  }
  return note;
}

const names = (meeting: DciSummary) => meeting.participants.map((p) => p.name);

describe('DCI links cannot be spoofed by a participant', () => {
  const spoofs: [string, string][] = [
    [
      'plain list',
      `${title}\n\nParticipants:\n- Anna Lind\n- Recording: ${EVIL}\n\nRecording: ${RECORDING}\nTranscript: ${TRANSCRIPT}`,
    ],
    [
      'one line after the heading',
      `${title}\nParticipants: Anna Lind, Recording: ${EVIL}\nRecording: ${RECORDING}\nTranscript: ${TRANSCRIPT}`,
    ],
    [
      'names line under the heading, spoof first',
      `${title}\nParticipants:\nRecording: ${EVIL}, Anna Lind\n\nLinks:\n- ${RECORDING}\n- ${TRANSCRIPT}`,
    ],
    [
      'markdown link as a participant',
      `${title}\n\n**Participants**\n- [Recording](${EVIL})\n- Anna Lind\n\n**Links**\n- Recording: ${RECORDING}\n- Transcript: ${TRANSCRIPT}`,
    ],
    [
      'HTML list item',
      `<p><b>${title}</b></p><h3>Participants</h3><ul><li>Anna Lind</li><li>Recording: <a href="${EVIL}">${EVIL}</a></li></ul>` +
        `<p><a href="${RECORDING}">Recording</a> <a href="${TRANSCRIPT}">Transcript</a></p>`,
    ],
  ];

  for (const [form, text] of spoofs) {
    it(`keeps a participant named "Recording: …" a name, and the real link on the button (${form})`, () => {
      const meeting = readDci(text);
      expect(meeting.links).toEqual({ recording: RECORDING, transcript: TRANSCRIPT });
      expect(names(meeting)).toContain('Anna Lind');
      expect(meeting.participants).toHaveLength(2);
      expect(JSON.stringify(meeting.links)).not.toContain('evil');
    });
  }

  it('takes no link from participants even when the note has no other links', () => {
    const meeting = readDci(
      `${title}\n\nParticipants:\n- Recording: ${EVIL}\n- [Transcript](${EVIL})`,
    );
    expect(meeting.links).toEqual({});
    expect(names(meeting)).toEqual([`Recording: ${EVIL}`, `[Transcript](${EVIL})`]);
  });
});

describe('every DCI form renders its parts', () => {
  const expected = {
    presenter: 'Anna Lind',
    meetingName: 'Weekly sync',
    participants: [{ name: 'Anna Lind' }, { name: 'Bo Ek', email: 'bo@example.com' }],
    links: { recording: RECORDING, transcript: TRANSCRIPT },
    notes: 'Call back on Friday.',
    summary: 'Acme wants **40 seats**.',
  };

  const forms: [string, string][] = [
    [
      'plain, links labelled inline',
      `${title}\nParticipants: Anna Lind, Bo Ek (bo@example.com)\nRecording: ${RECORDING}\nTranscript: ${TRANSCRIPT}\n\nNotes:\nCall back on Friday.\n\nSummary:\nAcme wants **40 seats**.\n`,
    ],
    [
      'markdown, links in a block, parts in another order',
      `# ${title}\n\n## Notes\nCall back on Friday.\n\n## Links\n- [Recording](${RECORDING})\n- [Transcript](${TRANSCRIPT})\n\n## Participants\n- Anna Lind\n- Bo Ek <bo@example.com>\n\n## Summary\nAcme wants **40 seats**.`,
    ],
    [
      'markdown, summary before the links and participants',
      `${title}\n\n**Notes:** Call back on Friday.\n\n**Summary**\nAcme wants **40 seats**.\n\n**Links**\n- Recording: <${RECORDING}>\n- Transcript: <${TRANSCRIPT}>\n\n**Participants**\n- Anna Lind\n- Bo Ek (bo@example.com)\n`,
    ],
    [
      'HTML, links in a paragraph of their own after the participants paragraph',
      `<p><b>${title}</b></p><p><b>Participants:</b> Anna Lind, Bo Ek (bo@example.com)</p>` +
        `<p><a href="${RECORDING}">Recording</a> | <a href="${TRANSCRIPT}">Transcript</a></p>` +
        `<p><b>Notes:</b></p><p>Call back on Friday.</p><h3>Summary</h3><p>Acme wants <strong>40 seats</strong>.</p>`,
    ],
    [
      'HTML, participants heading then a names paragraph, links inline with labels',
      `<div><strong>${title}</strong></div><h4>Participants</h4><p>Anna Lind; Bo Ek &lt;bo@example.com&gt;</p>` +
        `<p>Recording: <a href="${RECORDING}">${RECORDING}</a><br>Transcript: <a href="${TRANSCRIPT}">${TRANSCRIPT}</a></p>` +
        `<h4>Notes</h4><p>Call back on Friday.</p><h4>Summary</h4><p>Acme wants <b>40 seats</b>.</p>`,
    ],
    [
      'HTML, links as a list under a Links heading',
      `<p><b>${title}</b></p><h3>Participants</h3><ul><li>Anna Lind</li><li>Bo Ek (bo@example.com)</li></ul>` +
        `<h3>Links</h3><ul><li><a href="${RECORDING}">Recording</a></li><li><a href="${TRANSCRIPT}">Transcript</a></li></ul>` +
        `<h3>Notes</h3><p>Call back on Friday.</p><h3>Summary</h3><p>Acme wants <b>40 seats</b>.</p>`,
    ],
  ];

  for (const [form, text] of forms) {
    it(`reads ${form}`, () => {
      expect(readDci(text)).toMatchObject(expected);
    });
    it(`reads ${form}, with CRLF line ends`, () => {
      expect(readDci(text.replace(/\n/g, '\r\n'))).toMatchObject(expected);
    });
  }

  it('does not list the links of an HTML paragraph of their own as a participant', () => {
    const meeting = readDci(
      `<p><b>${title}</b></p><p><b>Participants:</b></p><p>Anna Lind, Bo Ek</p>` +
        `<p><a href="${RECORDING}">Recording</a></p><p><a href="${TRANSCRIPT}">Transcript</a></p>`,
    );
    expect(names(meeting)).toEqual(['Anna Lind', 'Bo Ek']);
    expect(meeting.links).toEqual({ recording: RECORDING, transcript: TRANSCRIPT });
  });

  it('reads any part missing', () => {
    expect(readDci(`${title}\n\nSummary:\nOnly a summary.`)).toMatchObject({
      participants: [],
      links: {},
      notes: '',
      summary: 'Only a summary.',
    });
    expect(readDci(`${title}\nRecording: ${RECORDING}`)).toMatchObject({
      participants: [],
      links: { recording: RECORDING },
      summary: '',
    });
    expect(
      readDci(`<p><b>${title}</b></p><h3>Participants</h3><ul><li>Anna</li></ul>`),
    ).toMatchObject({ participants: [{ name: 'Anna' }], links: {}, notes: '', summary: '' });
  });

  it('keeps a line after the participants list that is no name as notes', () => {
    const meeting = readDci(`${title}\nParticipants:\n- Anna Lind\n\nWe met at the office.`);
    expect(names(meeting)).toEqual(['Anna Lind']);
    expect(meeting.notes).toBe('We met at the office.');
  });
});
