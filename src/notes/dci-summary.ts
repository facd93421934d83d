// Dstny Conversational Intelligence meeting summaries: the writer, and a tolerant reader for the
// plain-text, markdown and HTML notes DCI writes (CRLF, headings with or without `#`, `:` or bold,
// participants on one line or as a list, labelled or bare links, any part missing).
import { htmlToMarkdown, looksLikeHtml } from './html-to-markdown';
import { normaliseLineEnds } from './transcript';
import type { DciLinks, DciParticipant, DciSummary } from './notes.types';

const TITLE = 'Conversation Summary';

type Section = 'participants' | 'links' | 'recording' | 'transcript' | 'notes' | 'summary';

const HEADING_LABELS: [RegExp, Section][] = [
  [/^(participants|attendees|deltagare)/i, 'participants'],
  [/^(links|länkar)/i, 'links'],
  [/^(recording|inspelning)/i, 'recording'],
  [/^(transcript|transkribering|transkription)/i, 'transcript'],
  [/^(manual notes|notes|anteckningar)/i, 'notes'],
  [/^(ai summary|ai-sammanfattning|summary|sammanfattning)/i, 'summary'],
];

/** Writes a meeting summary in DCI's plain-text layout; `parseHistoryNote` reads it back. */
export function formatDciSummaryNote(meeting: DciSummary): string {
  const title = [
    TITLE,
    meeting.presenter,
    meeting.meetingName,
    meeting.dateText || meeting.date || '',
  ]
    .map((field) => field.replace(/[\r\n]+/g, ' ').trim())
    .join(' | ');
  const blocks = [title];
  if (meeting.participants.length > 0) {
    blocks.push(
      ['Participants:', ...meeting.participants.map((p) => '- ' + formatParticipant(p))].join('\n'),
    );
  }
  const links = [
    meeting.links.recording ? `Recording: ${meeting.links.recording}` : '',
    meeting.links.transcript ? `Transcript: ${meeting.links.transcript}` : '',
  ].filter(Boolean);
  if (links.length > 0) {
    blocks.push(links.join('\n'));
  }
  if (meeting.notes.trim()) {
    blocks.push('Notes:\n' + normaliseLineEnds(meeting.notes));
  }
  if (meeting.summary.trim()) {
    blocks.push('Summary:\n' + normaliseLineEnds(meeting.summary));
  }
  return blocks.join('\n\n') + '\n';
}

export function formatParticipant(participant: DciParticipant): string {
  const name = participant.name.replace(/[\r\n]+/g, ' ').trim();
  return participant.email ? `${name} (${participant.email})` : name;
}

/** True when the note's first line is a DCI title line (`Conversation Summary | …`). */
export function isDciTitle(line: string): boolean {
  return /^conversation summary\b/i.test(stripHeadingMarks(line));
}

/** Reads a DCI note; `text` has `\n` line ends and starts with the title line (after blank lines). */
export function parseDciSummaryText(text: string): DciSummary {
  const lines = (looksLikeHtml(text) ? htmlToMarkdown(text) : text).split('\n');
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  const meeting: DciSummary = {
    ...parseTitle(lines[titleIndex] ?? ''),
    participants: [],
    links: {},
    notes: '',
    summary: '',
  };
  const notes: string[] = [];
  let section: Section | 'preamble' = 'preamble';
  // Only the participants heading's own line, its list, or the one line of names that follows it
  // holds participants; any other line there is read as if outside the part.
  let namesLineExpected = false;
  const summary: string[] = [];
  for (let index = titleIndex + 1; index < lines.length; index++) {
    const line = lines[index];
    if (section === 'summary') {
      // The AI summary is markdown with headings of its own: only a participants or links part
      // written after it (a heading standing alone) ends it.
      const heading = readHeading(line);
      if (heading && isPartAfterSummary(heading)) {
        section = heading.section;
        namesLineExpected = section === 'participants';
      } else {
        summary.push(line);
      }
      continue;
    }
    if (section === 'participants' && line.trim() !== '') {
      const item = stripListMarker(line);
      if (item !== undefined) {
        addParticipants(meeting, [item]);
        namesLineExpected = false;
        continue;
      }
      if (namesLineExpected && !readLinksLine(line)) {
        addParticipants(meeting, line.split(/[,;]/));
        namesLineExpected = false;
        continue;
      }
      namesLineExpected = false;
    }
    const heading = readHeading(line);
    if (heading) {
      const headingSection = heading.section;
      section = headingSection;
      namesLineExpected = headingSection === 'participants' && !heading.rest;
      if (headingSection === 'participants') {
        addParticipants(meeting, heading.rest.split(/[,;]/));
      } else if (heading.rest) {
        readSectionLine(meeting, headingSection, heading.rest, notes, true);
      }
      continue;
    }
    readSectionLine(meeting, section === 'participants' ? 'preamble' : section, line, notes, false);
  }
  meeting.notes = trimBlankLines(notes.join('\n'));
  meeting.summary = trimBlankLines(summary.join('\n'));
  return meeting;
}

export function isPartAfterSummary(heading: { section: Section; rest: string }): boolean {
  return heading.rest === '' && (heading.section === 'participants' || heading.section === 'links');
}

function addParticipants(meeting: DciSummary, names: string[]) {
  for (const name of names) {
    const participant = parseParticipant(name);
    if (participant.name) {
      meeting.participants.push(participant);
    }
  }
}

/** A section's line outside the participants part (which the reading loop handles itself). */
function readSectionLine(
  meeting: DciSummary,
  section: Exclude<Section, 'participants'> | 'preamble',
  line: string,
  notes: string[],
  onHeadingLine: boolean,
) {
  if (section === 'notes') {
    notes.push(line);
    return;
  }
  if (line.trim() === '') {
    return;
  }
  const labelled = readLabelledLink(line) ?? readLinksLine(line);
  if (labelled) {
    for (const link of Array.isArray(labelled) ? labelled : [labelled]) {
      setLink(meeting.links, link.kind, link.url);
    }
    return;
  }
  if (section === 'recording' || section === 'transcript') {
    // `Recording: <link>`, or `Recording:` with the link on the next line.
    const url = readUrl(line);
    if (
      onHeadingLine ||
      (meeting.links[section] === undefined && url && /:\/\/|^www\./i.test(url))
    ) {
      setLink(meeting.links, section, url);
      return;
    }
  }
  // Links, and anything before the first heading: bare links in order.
  if (section === 'links') {
    const url = readUrl(stripListMarker(line) ?? line);
    if (url) {
      const guess = /transcript|transkri/i.test(url)
        ? 'transcript'
        : /record|inspelning/i.test(url)
          ? 'recording'
          : undefined;
      setLink(
        meeting.links,
        guess ?? (meeting.links.recording === undefined ? 'recording' : 'transcript'),
        url,
      );
    }
  } else {
    notes.push(line);
  }
}

function setLink(links: DciLinks, kind: 'recording' | 'transcript', url: string | undefined) {
  if (url && links[kind] === undefined) {
    links[kind] = url;
  }
}

/** `- Recording: url`, `[Recording](url)`, `**Transcript:** <url>`. */
export function readLabelledLink(
  line: string,
): { kind: 'recording' | 'transcript'; url: string } | undefined {
  const text = stripListMarker(line) ?? line.trim();
  const markdownLink = /^\[([^\]]*)\]\(([^()\s]*)\)$/.exec(text);
  if (markdownLink) {
    const heading = readHeading(markdownLink[1]);
    if (heading && (heading.section === 'recording' || heading.section === 'transcript')) {
      return { kind: heading.section, url: markdownLink[2] };
    }
    return undefined;
  }
  const heading = readHeading(text);
  if (
    heading &&
    (heading.section === 'recording' || heading.section === 'transcript') &&
    heading.rest
  ) {
    const url = readUrl(heading.rest);
    return url ? { kind: heading.section, url } : undefined;
  }
  return undefined;
}

type LabelledLink = { kind: 'recording' | 'transcript'; url: string };

const LINKS_LINE_TOKEN =
  /\[([^\]]{0,100})\]\(([^()\s]*)\)|<[^<>\s]*>|https?:\/\/[^\s<>()[\]]+|[\s|·•,;–-]+/y;
const MAX_LINKS_LINE = 2000;

/**
 * A line of nothing but links, `[Recording](url) | [Transcript](url)` (an HTML paragraph of links
 * reads so): its links labelled Recording or Transcript; undefined for any other line.
 */
function readLinksLine(line: string): LabelledLink[] | undefined {
  const text = line.trim();
  if (text === '' || text.length > MAX_LINKS_LINE) {
    return undefined;
  }
  const links: LabelledLink[] = [];
  LINKS_LINE_TOKEN.lastIndex = 0;
  while (LINKS_LINE_TOKEN.lastIndex < text.length) {
    const token = LINKS_LINE_TOKEN.exec(text);
    if (!token) {
      return undefined;
    }
    const heading = token[1] === undefined ? undefined : readHeading(token[1]);
    if (heading && (heading.section === 'recording' || heading.section === 'transcript')) {
      links.push({ kind: heading.section, url: token[2] });
    }
  }
  return links.length > 0 ? links : undefined;
}

/** The link in `url`, `<url>` or `[label](url)`; the text itself when it is one word. */
function readUrl(text: string): string | undefined {
  const trimmed = text.trim();
  const markdownLink = /^\[[^\]]*\]\(([^()\s]*)\)$/.exec(trimmed);
  if (markdownLink) {
    return markdownLink[1] || undefined;
  }
  const bracketed = /^<([^<>\s]+)>$/.exec(trimmed);
  if (bracketed) {
    return bracketed[1];
  }
  if (/^\S+$/.test(trimmed)) {
    return trimmed;
  }
  const bare = /https?:\/\/[^\s<>()[\]]+/i.exec(trimmed);
  return bare ? bare[0] : undefined;
}

/**
 * A section heading: `Participants`, `## Participants`, `**Participants:**`, `Notes: text`.
 * Without a `:` the label must stand alone, so a sentence that starts with "Summary" is text.
 */
export function readHeading(line: string): { section: Section; rest: string } | undefined {
  const text = stripHeadingMarks(line);
  for (const [label, section] of HEADING_LABELS) {
    const match = label.exec(text);
    if (!match) {
      continue;
    }
    const after = /^\s*(?:\*\*|__)?\s*(:?)\s*(?:\*\*|__)?\s*/.exec(text.slice(match[0].length));
    const separator = after ? after[0] : '';
    const rest = text.slice(match[0].length + separator.length).trim();
    if (after?.[1] === ':' || rest === '') {
      return { section, rest };
    }
  }
  return undefined;
}

function stripHeadingMarks(line: string): string {
  let text = line.trim().replace(/^#{1,6}\s*/, '');
  if (text.startsWith('**') || text.startsWith('__')) {
    const mark = text.slice(0, 2);
    text = text.slice(2);
    if (text.endsWith(mark)) {
      text = text.slice(0, -2);
    }
  }
  return text.trim();
}

/** The item text of `- item`, `* item`, `+ item` or `1. item`; undefined when not a list item. */
function stripListMarker(line: string): string | undefined {
  const match = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+/.exec(line);
  return match ? line.slice(match[0].length).trim() : undefined;
}

const EMAIL = /^(?:mailto:)?([^\s<>()@,;]+@[^\s<>(),;]+)$/i;

/** `Name`, `Name (email)`, `Name <email>`, `[Name](mailto:email)`, `email`, `**Name**`. */
export function parseParticipant(text: string): DciParticipant {
  let item = text.trim();
  if (item.length > 4 && item.startsWith('**') && item.endsWith('**')) {
    item = item.slice(2, -2).trim();
  }
  const mailtoLink = /^\[([^\]]*)\]\(mailto:([^()\s]+)\)$/i.exec(item);
  if (mailtoLink) {
    return { name: mailtoLink[1].trim() || mailtoLink[2], email: mailtoLink[2] };
  }
  const close = item.slice(-1);
  if (close === ')' || close === '>') {
    const open = item.lastIndexOf(close === ')' ? '(' : '<');
    const email = open >= 0 ? EMAIL.exec(item.slice(open + 1, -1).trim()) : null;
    if (email) {
      const name = item
        .slice(0, open)
        .trim()
        .replace(/[-–,:]$/, '')
        .trim();
      return { name: name || email[1], email: email[1] };
    }
  }
  const bareEmail = EMAIL.exec(item);
  if (bareEmail) {
    return { name: bareEmail[1], email: bareEmail[1] };
  }
  return { name: item };
}

function parseTitle(
  line: string,
): Pick<DciSummary, 'presenter' | 'meetingName' | 'dateText' | 'date'> {
  const fields = stripHeadingMarks(line).split('|');
  const presenter = (fields[1] ?? '').trim();
  const meetingName = (
    fields.length > 3 ? fields.slice(2, -1).join('|') : (fields[2] ?? '')
  ).trim();
  const dateText = (fields.length > 3 ? fields[fields.length - 1] : '').trim();
  return { presenter, meetingName, dateText, date: dciDateFromText(dateText) };
}

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const DOTTED = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:,?\s+(\d{1,2})[:.](\d{2}))?$/;

/**
 * The date of a DCI title as ISO 8601: with its offset when the note gives one, else without,
 * which readers take as their own local time. Null when the text is no date we know.
 */
export function dciDateFromText(dateText: string): string | null {
  const text = dateText.trim();
  const iso = ISO_LIKE.exec(text);
  if (iso) {
    const [, year, month, day, hour, minute, second, fraction, zone] = iso;
    if (
      !isCalendarDate(+year, +month, +day) ||
      (hour !== undefined && (+hour > 23 || +minute > 59))
    ) {
      return null;
    }
    if (hour === undefined) {
      return `${year}-${month}-${day}`;
    }
    const offset =
      zone === undefined ? '' : zone.toUpperCase() === 'Z' ? 'Z' : normaliseOffset(zone);
    return `${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${fraction ?? ''}${offset}`;
  }
  const dotted = DOTTED.exec(text);
  if (dotted) {
    const [, day, month, year, hour, minute] = dotted;
    if (
      !isCalendarDate(+year, +month, +day) ||
      (hour !== undefined && (+hour > 23 || +minute > 59))
    ) {
      return null;
    }
    const date = `${year}-${pad(month)}-${pad(day)}`;
    return hour === undefined ? date : `${date}T${pad(hour)}:${minute}:00`;
  }
  return null;
}

function normaliseOffset(zone: string): string {
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function pad(value: string): string {
  return value.padStart(2, '0');
}

/** Removes whitespace-only lines at the start and end, and trailing whitespace of the last line. */
export function trimBlankLines(text: string): string {
  const lines = text.split('\n');
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  return lines.slice(start, end).join('\n');
}
