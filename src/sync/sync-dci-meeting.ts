// DCI → Lime CRM (seed 001): for each external participant, find the person (email, then
// mobilephone, then phone), create person and company when allowed, and write the meeting summary
// as one `comment` history note, once: syncing the same meeting again changes that note, it does
// not add another.
import type { LookupRule } from '../config/config.types';
import { dciLookupRules } from '../lookup';
import { formatDciSummaryNote, parseHistoryNote } from '../notes';
import type { DciSummary } from '../notes';
import { type CrmFailure, type CrmObject, type CrmPort, type CrmValues, relationId } from '../crm';
import type { DciMeeting, DciSettings, DciSyncResult, ParticipantReport } from './sync.types';
import { type DciMeetingParticipant, dciMeetingSchema } from './dci-meeting';
import { type Found, findFirstByRule, identifyContact, readAccessible } from './identify';

export const DCI_HISTORY_TYPE = 'comment';

export interface SyncDciOptions {
  now?: () => Date;
}

/** Writes a DCI meeting summary to Lime CRM. Never throws: the result says what became of each participant. */
export async function syncDciMeeting(
  meeting: unknown,
  settings: DciSettings,
  crm: CrmPort,
  options: SyncDciOptions = {},
): Promise<DciSyncResult> {
  const parsed = dciMeetingSchema.safeParse(meeting);
  if (!parsed.success) {
    return {
      ok: false,
      reason: 'invalid-meeting',
      issues: parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'meeting'}: ${issue.message}`,
      ),
    };
  }
  const input = parsed.data;
  const summary = dciSummaryOf(input);
  const note = formatDciSummaryNote(summary);
  const reports: ParticipantReport[] = [];
  // One at a time: two participants from one new company must not create it twice.
  for (const participant of input.participants) {
    reports.push(
      participant.external
        ? await syncParticipant(participant, summary, note, settings, crm, options)
        : { name: participant.name, outcome: 'internal' },
    );
  }
  return { ok: true, participants: reports };
}

/** The meeting as the note writer takes it. */
export function dciSummaryOf(meeting: DciMeeting): DciSummary {
  return {
    presenter: meeting.presenter,
    meetingName: meeting.meetingName,
    dateText: meeting.startTime,
    date: meeting.startTime,
    participants: meeting.participants.map((participant) => ({
      name: participant.name,
      ...(participant.email ? { email: participant.email } : {}),
    })),
    links: {
      ...(meeting.links.recording ? { recording: meeting.links.recording } : {}),
      ...(meeting.links.transcript ? { transcript: meeting.links.transcript } : {}),
    },
    notes: meeting.notes,
    summary: meeting.summary,
  };
}

async function syncParticipant(
  participant: DciMeetingParticipant,
  summary: DciSummary,
  note: string,
  settings: DciSettings,
  crm: CrmPort,
  options: SyncDciOptions,
): Promise<ParticipantReport> {
  const report: ParticipantReport = { name: participant.name, outcome: 'no-match' };
  const match = await identifyContact(
    crm,
    dciLookupRules,
    { email: participant.email, phoneNumber: participant.phone },
    { defaultCountry: settings.defaultCountry },
  );
  let person: Found = match.person;
  let company: Found = match.company;
  if (person.state === 'forbidden') {
    return { ...report, outcome: 'forbidden', person: { ...person.ref, created: false } };
  }
  if (person.state === 'error') {
    return { ...report, outcome: 'failed', error: person.error };
  }
  if (person.state === 'found') {
    report.matchedBy =
      match.ruleIndex === undefined ? undefined : dciLookupRules[match.ruleIndex]?.property;
    report.person = { ...person.ref, created: false };
  } else {
    if (match.lookupError) {
      return {
        ...report,
        outcome: 'failed',
        error: { kind: 'server-error', status: 0, message: match.lookupError },
      };
    }
    if (!settings.createContacts) {
      return report;
    }
    const createdCompany = await resolveCompany(crm, participant.companyName);
    if (!createdCompany.ok) {
      return { ...report, outcome: 'failed', error: createdCompany.error };
    }
    company = createdCompany.company;
    const createdPerson = await crm.create('person', personValues(participant, company));
    if (!createdPerson.ok) {
      return { ...report, outcome: 'failed', error: createdPerson.error };
    }
    person = {
      state: 'found',
      object: createdPerson.value,
      ref: { limetype: 'person', id: createdPerson.value.id },
    };
    report.person = { ...person.ref, created: true };
    if (company.state === 'found') {
      report.company = { ...company.ref, created: createdCompany.created };
    }
  }
  if (company.state === 'found') {
    report.company ??= { ...company.ref, created: false };
  } else {
    report.companySkipped = company.state === 'forbidden' ? 'forbidden' : 'no-company';
  }

  const values: CrmValues = {
    date: (options.now ?? (() => new Date()))().toISOString(),
    type: DCI_HISTORY_TYPE,
    note,
    person: person.ref.id,
    company: company.state === 'found' ? company.ref.id : null,
  };
  const existing = await findMeetingNote(crm, person.ref.id, summary);
  if (!existing.ok) {
    return { ...report, outcome: 'failed', error: existing.error };
  }
  if (existing.note) {
    const ref = { limetype: 'history', id: existing.note.id };
    const sameNote =
      existing.note.note === note && relationId(existing.note.company) === (values.company ?? null);
    if (sameNote) {
      return { ...report, outcome: 'note-unchanged', note: ref };
    }
    // The date stays: the note is the same meeting's, only its text (or company) changed.
    const updated = await crm.update('history', existing.note.id, {
      note,
      company: values.company,
    });
    return updated.ok
      ? { ...report, outcome: 'note-updated', note: ref }
      : { ...report, outcome: 'failed', error: updated.error };
  }
  const created = await crm.create('history', values);
  return created.ok
    ? { ...report, outcome: 'note-created', note: { limetype: 'history', id: created.value.id } }
    : { ...report, outcome: 'failed', error: created.error };
}

const COMPANY_BY_NAME: LookupRule = {
  contactField: 'company',
  limetype: 'company',
  property: 'name',
  match: 'case-insensitive',
};

/** The company a new person belongs to: found by name, else created; none without a name. */
async function resolveCompany(
  crm: CrmPort,
  name: string | undefined,
): Promise<{ ok: true; company: Found; created: boolean } | { ok: false; error: CrmFailure }> {
  if (!name) {
    return { ok: true, company: { state: 'none' }, created: false };
  }
  // "Acme ab" is the company "Acme AB": names match as the lookup engine matches them.
  const found = await findFirstByRule(crm, COMPANY_BY_NAME, { company: name });
  if (!found.ok) {
    return { ok: false, error: found.error };
  }
  const existing = await readAccessible(crm, 'company', found.id);
  if (existing.state === 'found') {
    return { ok: true, company: existing, created: false };
  }
  if (existing.state === 'error') {
    return { ok: false, error: existing.error };
  }
  const created = await crm.create('company', { name });
  if (!created.ok) {
    return { ok: false, error: created.error };
  }
  return {
    ok: true,
    company: {
      state: 'found',
      object: created.value,
      ref: { limetype: 'company', id: created.value.id },
    },
    created: true,
  };
}

/** firstname/lastname split at the last space: "Anna Maria Lind" → "Anna Maria" + "Lind". */
export function splitName(name: string): { firstname: string; lastname: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) {
    return { firstname: words[0] ?? '', lastname: '' };
  }
  return { firstname: words.slice(0, -1).join(' '), lastname: words[words.length - 1] };
}

function personValues(participant: DciMeetingParticipant, company: Found): CrmValues {
  const values: CrmValues = { ...splitName(participant.name) };
  if (participant.email) {
    values.email = participant.email;
  }
  if (participant.phone) {
    // Seed 001's field mapping: the receiver's one phone number goes into both.
    values.phone = participant.phone;
    values.mobilephone = participant.phone;
  }
  if (company.state === 'found') {
    values.company = company.ref.id;
  }
  return values;
}

/**
 * This meeting's note on the person, if DCI wrote one before: same recording or transcript link,
 * or, for a meeting without links, the same title line (presenter, meeting name, time).
 */
async function findMeetingNote(
  crm: CrmPort,
  personId: number,
  summary: DciSummary,
): Promise<{ ok: true; note?: CrmObject } | { ok: false; error: CrmFailure }> {
  const notes = await crm.list('history', { person: personId, type: DCI_HISTORY_TYPE });
  if (!notes.ok) {
    return notes;
  }
  const note = notes.value.find((candidate) => {
    const parsed = parseHistoryNote(typeof candidate.note === 'string' ? candidate.note : '');
    if (parsed.kind !== 'dci-summary') {
      return false;
    }
    const { recording, transcript } = summary.links;
    if (recording || transcript) {
      return (
        (!!recording && parsed.links.recording === recording) ||
        (!!transcript && parsed.links.transcript === transcript)
      );
    }
    return (
      parsed.presenter === summary.presenter &&
      parsed.meetingName === summary.meetingName &&
      parsed.dateText === summary.dateText
    );
  });
  return { ok: true, note };
}
