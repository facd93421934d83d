import { createEmulator, type Database } from '../emulator';
import { createEmulatorCrmPort } from '../emulator/emulator-crm-port';
import type { HttpService } from '../lime';
import { parseHistoryNote } from '../notes';
import type { DciMeetingInput, DciSyncResult, ParticipantReport } from './sync.types';
import { splitName, syncDciMeeting } from './sync-dci-meeting';

const IDS = { acme: 1001, jane: 1001, per: 1002, mo: 1003 };

function seed(db: Database) {
  db.create('company', { name: 'Acme AB' });
  db.create('person', {
    firstname: 'Jane',
    lastname: 'Doe',
    email: 'jane.doe@acme.example',
    mobilephone: '+46 70-123 45 67',
    company: IDS.acme,
  });
  db.create('person', {
    firstname: 'Per',
    lastname: 'Fast',
    phone: '08-555 123 45',
    company: IDS.acme,
  });
  db.create('person', {
    firstname: 'Mo',
    lastname: 'Bile',
    mobilephone: '0739876543',
    phone: '08-555 999 00',
  });
}

function arrange() {
  const emulator = createEmulator({ seed, mountRoot: () => null });
  const crm = createEmulatorCrmPort(emulator.platform.get('http') as HttpService);
  return { emulator, crm };
}

function meeting(
  participants: DciMeetingInput['participants'],
  change: Partial<DciMeetingInput> = {},
): DciMeetingInput {
  return {
    id: 'session-7f3a91',
    presenter: 'Anna Lind',
    meetingName: 'Quarterly review with Acme',
    startTime: '2026-11-20T14:00:00+01:00',
    participants: [
      { name: 'Anna Lind', email: 'anna.lind@lime.example', external: false },
      ...(participants ?? []),
    ],
    notes: 'Send revised pricing by Friday.',
    summary: '## Key points\n- Acme wants to grow from 25 to 40 seats.',
    links: {
      recording: 'https://app.dci.example/recordings/7f3a91',
      transcript: 'https://app.dci.example/transcripts/7f3a91',
    },
    ...change,
  };
}

function reports(result: DciSyncResult): ParticipantReport[] {
  if (!result.ok) {
    throw new Error(`expected a sync, got ${JSON.stringify(result)}`);
  }
  return result.participants.filter((participant) => participant.outcome !== 'internal');
}

describe('syncDciMeeting: matching the participant', () => {
  it('matches by email first and writes one comment note on the person and their company', async () => {
    const { emulator, crm } = arrange();
    const [jane] = reports(
      await syncDciMeeting(
        meeting([
          {
            name: 'Jane Doe',
            email: 'JANE.DOE@acme.example',
            phone: '08-555 123 45',
            external: true,
          },
        ]),
        { createContacts: false },
        crm,
      ),
    );
    expect(jane).toMatchObject({
      outcome: 'note-created',
      matchedBy: 'email',
      person: { id: IDS.jane, created: false },
      company: { id: IDS.acme, created: false },
    });
    const notes = emulator.db.list('history');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ type: 'comment', person: IDS.jane, company: IDS.acme });
    expect(String(notes[0].note).split('\n')[0]).toBe(
      'Conversation Summary | Anna Lind | Quarterly review with Acme | 2026-11-20T14:00:00+01:00',
    );
    expect(parseHistoryNote(String(notes[0].note))).toMatchObject({
      kind: 'dci-summary',
      presenter: 'Anna Lind',
      meetingName: 'Quarterly review with Acme',
      participants: [
        { name: 'Anna Lind', email: 'anna.lind@lime.example' },
        { name: 'Jane Doe', email: 'JANE.DOE@acme.example' },
      ],
      links: {
        recording: 'https://app.dci.example/recordings/7f3a91',
        transcript: 'https://app.dci.example/transcripts/7f3a91',
      },
      notes: 'Send revised pricing by Friday.',
      summary: '## Key points\n- Acme wants to grow from 25 to 40 seats.',
    });
  });

  it('falls back to the mobile phone when the email finds nobody', async () => {
    const { crm } = arrange();
    const [mo] = reports(
      await syncDciMeeting(
        meeting([
          { name: 'Mo', email: 'unknown@x.example', phone: '+46 73 987 65 43', external: true },
        ]),
        { createContacts: false },
        crm,
      ),
    );
    expect(mo).toMatchObject({
      outcome: 'note-created',
      matchedBy: 'mobilephone',
      person: { id: IDS.mo },
      companySkipped: 'no-company',
    });
  });

  it('prefers the mobile phone over the phone of another person', async () => {
    const { emulator, crm } = arrange();
    emulator.db.create('person', { firstname: 'Other', lastname: 'Person', phone: '0739876543' });
    const [mo] = reports(
      await syncDciMeeting(
        meeting([{ name: 'Mo', phone: '073-987 65 43', external: true }]),
        { createContacts: false },
        crm,
      ),
    );
    expect(mo.person?.id).toBe(IDS.mo);
  });

  it('falls back to the phone when neither email nor mobile phone matches', async () => {
    const { crm } = arrange();
    const [per] = reports(
      await syncDciMeeting(
        meeting([{ name: 'Per Fast', phone: '+46855512345', external: true }]),
        { createContacts: false },
        crm,
      ),
    );
    expect(per).toMatchObject({
      outcome: 'note-created',
      matchedBy: 'phone',
      person: { id: IDS.per },
      company: { id: IDS.acme },
    });
  });

  it('writes no note for internal participants', async () => {
    const { emulator, crm } = arrange();
    const result = await syncDciMeeting(meeting([]), { createContacts: true }, crm);
    expect(result).toEqual({
      ok: true,
      participants: [{ name: 'Anna Lind', outcome: 'internal' }],
    });
    expect(emulator.db.list('history')).toHaveLength(0);
    expect(emulator.db.list('person')).toHaveLength(3);
  });

  it('writes a note for each matched external participant', async () => {
    const { emulator, crm } = arrange();
    const result = reports(
      await syncDciMeeting(
        meeting([
          { name: 'Jane Doe', email: 'jane.doe@acme.example', external: true },
          { name: 'Per Fast', phone: '08-555 123 45', external: true },
        ]),
        { createContacts: false },
        crm,
      ),
    );
    expect(result.map((each) => each.outcome)).toEqual(['note-created', 'note-created']);
    expect(emulator.db.list('history').map((note) => note.person)).toEqual([IDS.jane, IDS.per]);
  });
});

describe('syncDciMeeting: no matching person', () => {
  it('sends nothing for that participant when creating contacts is off, and says so', async () => {
    const { emulator, crm } = arrange();
    const before = emulator.snapshot();
    const [stranger] = reports(
      await syncDciMeeting(
        meeting([
          { name: 'Sam Stranger', email: 'sam@new.example', companyName: 'New Co', external: true },
        ]),
        { createContacts: false },
        crm,
      ),
    );
    expect(stranger).toEqual({ name: 'Sam Stranger', outcome: 'no-match' });
    expect(emulator.snapshot()).toEqual(before);
  });

  it('finds the existing company whatever the case and spacing DCI writes its name in', async () => {
    const { emulator, crm } = arrange();
    const [sam] = reports(
      await syncDciMeeting(
        meeting([
          {
            name: 'Sam Stranger',
            email: 'sam@acme.example',
            companyName: '  acme ab ',
            external: true,
          },
        ]),
        { createContacts: true },
        crm,
      ),
    );
    expect(sam).toMatchObject({
      outcome: 'note-created',
      company: { id: IDS.acme, created: false },
    });
    expect(emulator.db.list('company')).toHaveLength(1);
  });

  it('creates the person in the existing company found by its name', async () => {
    const { emulator, crm } = arrange();
    const [sam] = reports(
      await syncDciMeeting(
        meeting([
          {
            name: 'Sam Anders Stranger',
            email: 'sam@acme.example',
            phone: '070-111 22 33',
            companyName: 'Acme AB',
            external: true,
          },
        ]),
        { createContacts: true },
        crm,
      ),
    );
    expect(sam).toMatchObject({
      outcome: 'note-created',
      person: { created: true },
      company: { id: IDS.acme, created: false },
    });
    expect(emulator.db.list('company')).toHaveLength(1);
    expect(emulator.db.get('person', sam.person!.id)).toMatchObject({
      firstname: 'Sam Anders',
      lastname: 'Stranger',
      email: 'sam@acme.example',
      phone: '070-111 22 33',
      mobilephone: '070-111 22 33',
      company: IDS.acme,
    });
    expect(emulator.db.list('history')[0]).toMatchObject({
      person: sam.person!.id,
      company: IDS.acme,
      type: 'comment',
    });
  });

  it('creates a new company and the person in it, and links the note to both', async () => {
    const { emulator, crm } = arrange();
    const [sam] = reports(
      await syncDciMeeting(
        meeting([
          { name: 'Sam Stranger', email: 'sam@new.example', companyName: 'New Co', external: true },
        ]),
        { createContacts: true },
        crm,
      ),
    );
    expect(sam).toMatchObject({
      outcome: 'note-created',
      person: { created: true },
      company: { created: true },
    });
    expect(emulator.db.get('company', sam.company!.id)).toMatchObject({ name: 'New Co' });
    expect(emulator.db.list('history')[0]).toMatchObject({
      person: sam.person!.id,
      company: sam.company!.id,
    });
  });

  it('creates a new company once for two participants from it', async () => {
    const { emulator, crm } = arrange();
    await syncDciMeeting(
      meeting([
        { name: 'Sam Stranger', email: 'sam@new.example', companyName: 'New Co', external: true },
        { name: 'Kim Stranger', email: 'kim@new.example', companyName: 'New Co', external: true },
      ]),
      { createContacts: true },
      crm,
    );
    expect(emulator.db.list('company').filter((company) => company.name === 'New Co')).toHaveLength(
      1,
    );
  });

  it('creates a person without a company when DCI gives no company name', async () => {
    const { emulator, crm } = arrange();
    const [sam] = reports(
      await syncDciMeeting(
        meeting([{ name: 'Sam', email: 'sam@new.example', external: true }]),
        { createContacts: true },
        crm,
      ),
    );
    expect(sam).toMatchObject({ outcome: 'note-created', companySkipped: 'no-company' });
    expect(emulator.db.get('person', sam.person!.id)).toMatchObject({
      firstname: 'Sam',
      lastname: '',
      company: null,
    });
  });
});

describe('syncDciMeeting: syncing the same meeting again', () => {
  const jane = { name: 'Jane Doe', email: 'jane.doe@acme.example', external: true };

  it('does not write a second note for the same meeting', async () => {
    const { emulator, crm } = arrange();
    await syncDciMeeting(meeting([jane]), { createContacts: false }, crm);
    const [again] = reports(await syncDciMeeting(meeting([jane]), { createContacts: false }, crm));
    expect(again.outcome).toBe('note-unchanged');
    expect(emulator.db.list('history')).toHaveLength(1);
  });

  it('updates the note when the summary changed, recognising the meeting by its recording link', async () => {
    const { emulator, crm } = arrange();
    await syncDciMeeting(meeting([jane]), { createContacts: false }, crm);
    const changed = meeting([jane], {
      summary: 'A better summary.',
      links: { recording: 'https://app.dci.example/recordings/7f3a91' },
    });
    const [again] = reports(await syncDciMeeting(changed, { createContacts: false }, crm));
    expect(again.outcome).toBe('note-updated');
    const notes = emulator.db.list('history');
    expect(notes).toHaveLength(1);
    expect(parseHistoryNote(String(notes[0].note))).toMatchObject({ summary: 'A better summary.' });
  });

  it('recognises a meeting without links by its title line', async () => {
    const { emulator, crm } = arrange();
    const noLinks = meeting([jane], { links: {} });
    await syncDciMeeting(noLinks, { createContacts: false }, crm);
    await syncDciMeeting({ ...noLinks, summary: 'Edited' }, { createContacts: false }, crm);
    expect(emulator.db.list('history')).toHaveLength(1);
  });

  it('writes a new note for another meeting with the same person', async () => {
    const { emulator, crm } = arrange();
    await syncDciMeeting(meeting([jane]), { createContacts: false }, crm);
    const other = meeting([jane], {
      meetingName: 'Follow-up',
      links: { recording: 'https://app.dci.example/recordings/other' },
    });
    await syncDciMeeting(other, { createContacts: false }, crm);
    expect(emulator.db.list('history')).toHaveLength(2);
  });

  it('does not create the auto-created person again on re-sync', async () => {
    const { emulator, crm } = arrange();
    const sam = {
      name: 'Sam Stranger',
      email: 'sam@new.example',
      companyName: 'New Co',
      external: true,
    };
    await syncDciMeeting(meeting([sam]), { createContacts: true }, crm);
    const [again] = reports(await syncDciMeeting(meeting([sam]), { createContacts: true }, crm));
    expect(again).toMatchObject({ outcome: 'note-unchanged', person: { created: false } });
    expect(emulator.db.list('person')).toHaveLength(4);
    expect(emulator.db.list('history')).toHaveLength(1);
  });
});

describe('syncDciMeeting: bad input and failures', () => {
  it('refuses a meeting without presenter or start time, and says what is missing', async () => {
    const { crm } = arrange();
    const result = await syncDciMeeting(
      { meetingName: 'x', startTime: 'soon', participants: [] },
      { createContacts: false },
      crm,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.join('\n')).toMatch(/presenter[\s\S]*startTime/);
  });

  it('reports a participant whose note could not be written, and goes on with the next', async () => {
    const { emulator, crm } = arrange();
    emulator.faults.add({
      kind: 'error',
      status: 500,
      match: { method: 'POST', url: 'limeobject/history' },
      times: 1,
    });
    const result = reports(
      await syncDciMeeting(
        meeting([
          { name: 'Jane Doe', email: 'jane.doe@acme.example', external: true },
          { name: 'Per Fast', phone: '08-555 123 45', external: true },
        ]),
        { createContacts: false },
        crm,
      ),
    );
    expect(result.map((each) => each.outcome)).toEqual(['failed', 'note-created']);
    expect(result[0].error).toMatchObject({ kind: 'server-error', status: 500 });
  });
});

describe('splitName', () => {
  it.each([
    ['Jane Doe', { firstname: 'Jane', lastname: 'Doe' }],
    ['  Anna  Maria Lind ', { firstname: 'Anna Maria', lastname: 'Lind' }],
    ['Cher', { firstname: 'Cher', lastname: '' }],
  ])('splits %j at the last space', (name, expected) => {
    expect(splitName(name)).toEqual(expected);
  });
});
