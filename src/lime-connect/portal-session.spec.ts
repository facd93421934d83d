// The Portal's session end to end in node: its bootstrap and the CRM over real HTTP (the local API
// server with the demo data), Lime Connect as a fake add-on client that hands out dev JWTs.
import { startApiServer, type ApiServer } from '../../scripts/api-server';
import { mintDevToken } from '../../scripts/dev-auth';
import type { AddonClient } from './client';
import { ok, type CrmFetch } from '../crm';
import { parseAddonEvent } from './parse';
import { seedContactEvent, seedOperatorEvent } from './seed-examples';
import { loadPortalRecord, portalLimetypeSchema } from './portal-record';
import { createPortalSession, type PortalSession, type PortalState } from './portal-session';
import type { AddonActionInput, AddonEvent } from './schemas';

const MESSAGE_CENTER = 'http://127.0.0.1:3333';

function event(raw: unknown): AddonEvent {
  const parsed = parseAddonEvent(raw);
  if (!parsed.ok) {
    throw new Error('The test event is not a valid event');
  }
  return parsed.event;
}

/** A contact as Lime Connect sends one, with only `fields` known. */
function contactEvent(fields: Record<string, string | null>): AddonEvent {
  const unknown = { name: null, email: null, mobileNumber: null, phoneNumber: null, company: null };
  return event({
    ...seedContactEvent,
    payload: { ...seedContactEvent.payload, ...unknown, ...fields },
  });
}

/** Lime Connect's side: events the test emits, actions the Portal sends, dev JWTs. */
function fakeLimeConnect() {
  const listeners = new Set<(event: AddonEvent) => void>();
  const sent: AddonActionInput[] = [];
  const client: AddonClient = {
    start: () => undefined,
    stop: () => listeners.clear(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(action) {
      sent.push(action);
      return { ok: true };
    },
    requestJwt: () => mintDevToken(),
    parentOrigin: MESSAGE_CENTER,
    ignored: {},
  };
  return { client, sent, emit: (event: AddonEvent) => listeners.forEach((each) => each(event)) };
}

/** `fetch`, counting what the CRM was asked and how many round trips that took one after another. */
function recordingFetch() {
  let inFlight = 0;
  let roundTrips = 0;
  let answeredSinceLastStart = true;
  const paths: string[] = [];
  const fetchFn: CrmFetch = async (url, init) => {
    paths.push(new URL(url).pathname);
    if (answeredSinceLastStart || inFlight === 0) {
      roundTrips += 1;
      answeredSinceLastStart = false;
    }
    inFlight += 1;
    try {
      return await fetch(url, init);
    } finally {
      inFlight -= 1;
      answeredSinceLastStart = true;
    }
  };
  return {
    fetch: fetchFn,
    paths,
    /** Requests that had to wait for an earlier answer each start a new round trip. */
    get roundTrips() {
      return roundTrips;
    },
    reset() {
      paths.length = 0;
      roundTrips = 0;
    },
  };
}

describe('the Portal session', () => {
  let api: ApiServer;
  let session: PortalSession | undefined;

  beforeAll(async () => {
    api = await startApiServer({ port: 0, messageCenterOrigins: [MESSAGE_CENTER] });
  });
  afterAll(() => api.close());
  afterEach(async () => {
    session?.stop();
    session = undefined;
    await fetch(new URL('dev/reset', api.url), { method: 'POST' });
  });

  function open(configUrl = new URL('portal-config.json', api.url).toString()) {
    const recording = recordingFetch();
    const limeConnect = fakeLimeConnect();
    session = createPortalSession({
      fetch: recording.fetch,
      configUrl,
      pageUrl: api.url,
      language: 'en-US',
      connect: () => limeConnect.client,
      unreachableToast: () => 'Lime CRM is unreachable',
    });
    return { session, recording, ...limeConnect };
  }

  /** The next state in one of `phases`. */
  function settled(portal: PortalSession, ...phases: PortalState['phase'][]): Promise<PortalState> {
    return new Promise((resolve) => {
      const unsubscribe = portal.subscribe(({ state }) => {
        if (phases.includes(state.phase)) {
          unsubscribe();
          resolve(state);
        }
      });
    });
  }

  it('says what is wrong with a bootstrap it cannot read, and starts no client', async () => {
    const { session, sent } = open(new URL('no-such-config.json', api.url).toString());
    await session.start();
    expect(session.snapshot.state).toEqual({
      phase: 'config-error',
      message: expect.stringMatching(/no-such-config\.json: HTTP 4\d\d$/),
    });
    expect(sent).toEqual([]);
  });

  it("waits for Lime Connect, then shows the person matched by email, with each section's items and count", async () => {
    const { session, emit } = open();
    await session.start();
    expect(session.snapshot.state).toEqual({ phase: 'waiting' });
    const shown = settled(session, 'found', 'error', 'not-found');
    // Her company's sections run beside hers; ids are per limetype, so Acme AB may share hers.
    emit(contactEvent({ email: 'jane@example.com', company: 'Acme AB' }));
    const state = await shown;
    if (state.phase !== 'found') {
      throw new Error(`Expected a match, got ${state.phase}`);
    }
    expect(state.record.descriptive).toBe('Jane Doe');
    expect(state.record.overview.map((field) => field.property)).toEqual(
      expect.arrayContaining(['email', 'company']),
    );
    // What came with the lookup is what reading the object by its id gives.
    const bootstrap = await (await fetch(new URL('portal-config.json', api.url))).json();
    const byId = await loadPortalRecord({
      executeQuery: async (query) => {
        const response = await fetch(new URL('api/v1/query/', api.url), {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${await mintDevToken()}`,
          },
          body: JSON.stringify(query),
        });
        return ok(await response.json());
      },
      getLimetype: async () => {
        const response = await fetch(new URL('api/v1/limetype/person/', api.url), {
          headers: { Authorization: `Bearer ${await mintDevToken()}` },
        });
        return ok(portalLimetypeSchema.parse(await response.json()));
      },
      limetype: 'person',
      id: state.record.id,
      view: bootstrap.views.find((view: { limetype: string }) => view.limetype === 'person'),
    });
    expect(byId.ok && byId.record).toEqual(state.record);
    expect(state.record.sections.length).toBeGreaterThan(0);
    expect(state.record.sections.every((section) => section.status === 'ok')).toBe(true);
  });

  it('answers a contact in one round trip once the token and the limetypes are known', async () => {
    const { session, emit, recording } = open();
    await session.start();
    let shown = settled(session, 'found');
    emit(contactEvent({ email: 'jane@example.com' }));
    await shown;

    recording.reset();
    shown = settled(session, 'found');
    // Only the third rule (phone) finds her, written otherwise than the CRM stores it.
    emit(contactEvent({ email: 'nobody@example.com', mobileNumber: '+46 73 987 65 43' }));
    const state = await shown;
    expect(state.phase === 'found' && state.record.descriptive).toBe('Lisa Holm');
    expect(recording.roundTrips).toBe(1);
    expect(recording.paths.every((path) => path.endsWith('/api/v1/query/'))).toBe(true);
  });

  it('reads a section by id when the batch cannot tell the match apart, and shows the same', async () => {
    const { session, emit, recording } = open();
    await session.start();
    const shown = settled(session, 'found');
    emit(contactEvent({ email: 'jane@example.com' }));
    const first = await shown;
    recording.reset();
    // Many tickets on another candidate fill the batch's page: the match's section is read by id.
    api.emulator.db.batch(() => {
      const other = api.emulator.db.create('person', {
        firstname: 'Jane',
        lastname: 'Doe-Other',
        email: 'jane@example.com.other',
      });
      for (let index = 0; index < 60; index++) {
        api.emulator.db.create('helpdesk', { title: `Ticket ${index}`, person: other.id });
      }
    });
    const again = settled(session, 'found');
    session.retry();
    const second = await again;
    expect(recording.roundTrips).toBe(2);
    const tickets = (state: PortalState) =>
      state.phase === 'found'
        ? state.record.sections.find((section) => section.relation === 'helpdesk')
        : undefined;
    expect(tickets(second)).toEqual(tickets(first));
  });

  it('says which rules it tried when nothing matches, naming each limetype', async () => {
    const { session, emit } = open();
    await session.start();
    const shown = settled(session, 'not-found');
    emit(contactEvent({ email: 'nobody@example.com', company: 'Nonexistent Ltd' }));
    const state = await shown;
    expect(state).toMatchObject({
      phase: 'not-found',
      noRules: false,
      labels: { person: expect.any(String), company: expect.any(String) },
    });
    expect(state.phase === 'not-found' && state.tried.map((attempt) => attempt.value)).toContain(
      'nobody@example.com',
    );
  });

  it('shows a typed failure when the CRM is unreachable, tells Lime Connect, and recovers on retry', async () => {
    const { session, emit, sent } = open();
    await session.start();
    await fetch(new URL('dev/faults', api.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ unreachable: true }),
    });
    const failed = settled(session, 'error');
    emit(contactEvent({ email: 'jane@example.com' }));
    expect(await failed).toMatchObject({ phase: 'error', failure: { kind: 'unreachable' } });
    expect(sent).toContainEqual({
      name: 'toast',
      payload: { status: 'error', message: 'Lime CRM is unreachable' },
    });

    await fetch(new URL('dev/faults', api.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ clear: true }),
    });
    const recovered = settled(session, 'found');
    session.retry();
    expect(await recovered).toMatchObject({ record: { descriptive: 'Jane Doe' } });
  });

  it('lets the operator pick another of several matches, and follows their language', async () => {
    const { session, emit } = open();
    await session.start();
    api.emulator.db.create('person', {
      firstname: 'Jane',
      lastname: 'Doe-Berg',
      email: 'JANE@example.com',
    });
    emit(
      event({ ...seedOperatorEvent, payload: { ...seedOperatorEvent.payload, locale: 'sv_SE' } }),
    );
    expect(session.snapshot).toMatchObject({ language: 'sv', locale: 'sv-SE' });
    let shown = settled(session, 'found');
    emit(contactEvent({ email: 'jane@example.com' }));
    const state = await shown;
    if (state.phase !== 'found') {
      throw new Error('no match');
    }
    expect(state.lookup.ambiguous).toBe(true);
    const other = state.lookup.objects.find((object) => object.id !== state.record.id);
    shown = settled(session, 'found');
    session.pick(other!.id);
    expect(await shown).toMatchObject({ record: { descriptive: 'Jane Doe-Berg' } });
  });

  it('remembers which sections the operator closed', async () => {
    const { session } = open();
    session.setSectionOpen('deal', false);
    session.setSectionOpen('history', false);
    session.setSectionOpen('deal', true);
    expect(session.snapshot.closedSections).toEqual(['history']);
  });
});
