import { createEmulator, type Emulator } from '../emulator';
import { createWebclientCrmPort, HttpClient, type HttpService } from '../lime';
import type { ConnectRequest, ConversationPorts } from './conversations.types';
import { connectConversation, createConnector } from './connect';
import { conversationPorts } from './conversation-ports';
import { belongstoRelations } from './parent-relation';

const LINK_BASE = 'https://app.lime-connect.com/conversation/';

function setup() {
  const emulator = createEmulator({ language: 'en' });
  emulator.faults.timeoutMs = 20;
  const http = emulator.platform.get(HttpClient) as HttpService;
  const ports = conversationPorts(createWebclientCrmPort({ http }), {
    limetype: 'conversation',
    idProperty: 'conversationid',
    linkProperty: 'link',
    relations: belongstoRelations(emulator.limetypes, 'conversation'),
  });
  return { emulator, ports };
}

function toHelpdesk(helpdeskId: number, conversationId: number): ConnectRequest {
  return {
    conversationId,
    parentProperty: 'helpdesk',
    parent: { limetype: 'helpdesk', id: helpdeskId },
    link: `${LINK_BASE}${conversationId}`,
  };
}

function holding(emulator: Emulator, conversationId: number) {
  return emulator.db
    .list('conversation')
    .filter((object) => object.conversationid === conversationId);
}

/** Counts the requests a port makes, by kind. */
function counted(ports: ConversationPorts) {
  const calls = { find: 0, create: 0, remove: 0 };
  const wrapped: ConversationPorts = {
    findByConversationId: (id) => {
      calls.find += 1;
      return ports.findByConversationId(id);
    },
    create: (conversation) => {
      calls.create += 1;
      return ports.create(conversation);
    },
    remove: (id) => {
      calls.remove += 1;
      return ports.remove(id);
    },
    describe: (object) => ports.describe(object),
  };
  return { calls, ports: wrapped };
}

describe('connectConversation over the emulated Lime CRM', () => {
  it('connects a free ID: creates one conversation with the ID, the link and the ticket', async () => {
    const { emulator, ports } = setup();

    const outcome = await connectConversation(toHelpdesk(1001, 61234), ports);

    const [created] = holding(emulator, 61234);
    expect(outcome).toEqual({ outcome: 'connected', conversationId: 61234, objectId: created.id });
    expect(created).toMatchObject({
      conversationid: 61234,
      link: 'https://app.lime-connect.com/conversation/61234',
      helpdesk: 1001,
      deal: null,
    });
    expect(holding(emulator, 61234)).toHaveLength(1);
  });

  it('says an ID already connected to this ticket is connected here, and creates nothing', async () => {
    const { emulator, ports } = setup();
    const before = emulator.db.list('conversation').length;

    const outcome = await connectConversation(toHelpdesk(1001, 48213), ports);

    expect(outcome).toEqual({
      outcome: 'already-connected-here',
      conversationId: 48213,
      objectId: 1001,
    });
    expect(emulator.db.list('conversation')).toHaveLength(before);
  });

  it('refuses an ID already connected to another ticket, and names it', async () => {
    const { emulator, ports } = setup();
    const before = emulator.db.list('conversation').length;
    const otherTicket = emulator.db.get('helpdesk', 1002);

    const outcome = await connectConversation(toHelpdesk(1001, 50100), ports);

    expect(outcome).toEqual({
      outcome: 'connected-elsewhere',
      conversationId: 50100,
      owner: { limetype: 'helpdesk', id: 1002, descriptive: otherTicket?.title },
    });
    expect(typeof otherTicket?.title).toBe('string');
    expect(emulator.db.list('conversation')).toHaveLength(before);
  });

  it('refuses an ID connected to a deal from a ticket, naming the deal', async () => {
    const { ports } = setup();

    const outcome = await connectConversation(toHelpdesk(1001, 50233), ports);

    expect(outcome).toMatchObject({
      outcome: 'connected-elsewhere',
      owner: { limetype: 'deal', id: 1001 },
    });
  });

  it('refuses without naming an object the user may not read', async () => {
    const { emulator, ports } = setup();
    emulator.faults.deny('helpdesk', 1002);

    const outcome = await connectConversation(toHelpdesk(1001, 50100), ports);

    expect(outcome).toEqual({
      outcome: 'connected-elsewhere',
      conversationId: 50100,
      owner: { limetype: 'helpdesk', id: 1002 },
    });
  });

  it('reports 403 as forbidden and creates nothing', async () => {
    const { emulator, ports } = setup();
    emulator.faults.setAcl('conversation', { create: false });

    const outcome = await connectConversation(toHelpdesk(1001, 61234), ports);

    expect(outcome).toEqual({
      outcome: 'failed',
      conversationId: 61234,
      failure: expect.objectContaining({ kind: 'forbidden' }),
    });
    expect(holding(emulator, 61234)).toHaveLength(0);
  });

  it('reports a 500 as a server failure and creates nothing', async () => {
    const { emulator, ports } = setup();
    emulator.faults.add({ kind: 'error', status: 500, match: { method: 'POST' } });

    const outcome = await connectConversation(toHelpdesk(1001, 61234), ports);

    expect(outcome).toEqual({
      outcome: 'failed',
      conversationId: 61234,
      failure: expect.objectContaining({ kind: 'server-error' }),
    });
    expect(holding(emulator, 61234)).toHaveLength(0);
  });

  it('reports a failed lookup without creating anything', async () => {
    const { emulator, ports } = setup();
    emulator.faults.add({ kind: 'network', match: { method: 'GET' } });

    const outcome = await connectConversation(toHelpdesk(1001, 61234), ports);

    expect(outcome).toEqual({
      outcome: 'failed',
      conversationId: 61234,
      failure: expect.objectContaining({ kind: 'unreachable' }),
    });
    expect(holding(emulator, 61234)).toHaveLength(0);
  });

  it('reports a timeout, and removes the object when the server did create it', async () => {
    const { emulator, ports } = setup();
    emulator.faults.add({ kind: 'timeout', match: { method: 'POST' }, times: 1, handled: true });

    const outcome = await connectConversation(toHelpdesk(1001, 61234), ports);

    expect(outcome).toEqual({
      outcome: 'failed',
      conversationId: 61234,
      failure: expect.objectContaining({ kind: 'timeout' }),
    });
    expect(holding(emulator, 61234)).toHaveLength(0);
  });

  it('reports a timeout that created nothing as a timeout', async () => {
    const { emulator, ports } = setup();
    emulator.faults.add({ kind: 'timeout', match: { method: 'POST' }, times: 1 });

    const outcome = await connectConversation(toHelpdesk(1001, 61234), ports);

    expect(outcome).toEqual({
      outcome: 'failed',
      conversationId: 61234,
      failure: expect.objectContaining({ kind: 'timeout' }),
    });
    expect(holding(emulator, 61234)).toHaveLength(0);
  });

  it('removes what it created when the read back fails, so nothing unchecked remains', async () => {
    const { emulator, ports } = setup();
    // The lookup succeeds, the read back (the second GET) fails.
    let gets = 0;
    const flaky: ConversationPorts = {
      ...ports,
      findByConversationId: (id) => {
        gets += 1;
        if (gets === 2) {
          emulator.faults.add({ kind: 'network', match: { method: 'GET' }, times: 1 });
        }
        return ports.findByConversationId(id);
      },
    };

    const outcome = await connectConversation(toHelpdesk(1001, 61234), flaky);

    expect(outcome).toEqual({
      outcome: 'failed',
      conversationId: 61234,
      failure: expect.objectContaining({ kind: 'unreachable' }),
    });
    expect(holding(emulator, 61234)).toHaveLength(0);
  });

  it('says which object stayed when the read back and the clean-up both fail', async () => {
    const { emulator, ports } = setup();
    let gets = 0;
    const flaky: ConversationPorts = {
      ...ports,
      findByConversationId: (id) => {
        gets += 1;
        if (gets === 2) {
          emulator.faults.add({ kind: 'network' });
        }
        return ports.findByConversationId(id);
      },
    };

    const outcome = await connectConversation(toHelpdesk(1001, 61234), flaky);

    const [left] = holding(emulator, 61234);
    expect(outcome).toEqual({
      outcome: 'failed',
      conversationId: 61234,
      failure: expect.objectContaining({ kind: 'unreachable' }),
      leftover: left.id,
    });
    // What stayed is whole: a retry finds it connected here.
    emulator.faults.clear();
    expect(await connectConversation(toHelpdesk(1001, 61234), ports)).toMatchObject({
      outcome: 'already-connected-here',
      objectId: left.id,
    });
  });

  it('ends two concurrent connects of one ID to two tickets with exactly one object', async () => {
    const { emulator, ports } = setup();
    emulator.faults.setLatency(5);
    // Two users in two browsers: each has its own in-flight guard.
    const [first, second] = await Promise.all([
      createConnector()(toHelpdesk(1001, 61234), ports),
      createConnector()(toHelpdesk(1003, 61234), ports),
    ]);

    const survivors = holding(emulator, 61234);
    expect(survivors).toHaveLength(1);
    const outcomes = [first, second].map((outcome) => outcome.outcome).sort();
    expect(outcomes).toEqual(['conflict', 'connected']);
    const loser = [first, second].find((outcome) => outcome.outcome === 'conflict');
    expect(loser).toMatchObject({
      ownerIsParent: false,
      owner: { limetype: 'helpdesk', id: survivors[0].helpdesk },
    });
  });

  it('ends two users connecting one ID to the same ticket at once with one object', async () => {
    const { emulator, ports } = setup();
    emulator.faults.setLatency(5);

    const outcomes = await Promise.all([
      createConnector()(toHelpdesk(1001, 61234), ports),
      createConnector()(toHelpdesk(1001, 61234), ports),
    ]);

    expect(holding(emulator, 61234)).toHaveLength(1);
    expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual(['conflict', 'connected']);
    expect(outcomes.find((outcome) => outcome.outcome === 'conflict')).toMatchObject({
      ownerIsParent: true,
    });
  });

  it('creates one object for two quick submits of the same ID', async () => {
    const { emulator, ports } = setup();
    emulator.faults.setLatency(5);
    const { calls, ports: countedPorts } = counted(ports);
    const connect = createConnector();

    const [first, second] = await Promise.all([
      connect(toHelpdesk(1001, 61234), countedPorts),
      connect(toHelpdesk(1001, 61234), countedPorts),
    ]);

    expect(first).toEqual(second);
    expect(first.outcome).toBe('connected');
    expect(calls.create).toBe(1);
    expect(holding(emulator, 61234)).toHaveLength(1);
  });

  it('lets the same ID be tried again once the first attempt is over', async () => {
    const { emulator, ports } = setup();
    const connect = createConnector();
    emulator.faults.add({ kind: 'error', status: 500, match: { method: 'POST' }, times: 1 });

    expect(await connect(toHelpdesk(1001, 61234), ports)).toMatchObject({ outcome: 'failed' });
    expect(await connect(toHelpdesk(1001, 61234), ports)).toMatchObject({ outcome: 'connected' });
    expect(holding(emulator, 61234)).toHaveLength(1);
  });

  it('rejects, rather than hides, a bug in a port', async () => {
    const { ports } = setup();
    const broken: ConversationPorts = {
      ...ports,
      findByConversationId: () => Promise.reject(new TypeError('x is undefined')),
    };

    await expect(createConnector()(toHelpdesk(1001, 61234), broken)).rejects.toThrow(TypeError);
  });
});
