import { createEmulator, HttpError, type Emulator } from '.';
import type { HttpService, LimeObjectData, QueryService } from '../lime';

describe('access control in the emulated Lime CRM', () => {
  let emulator: Emulator;
  let http: HttpService;
  let query: QueryService;
  beforeEach(() => {
    emulator = createEmulator({ seed: false });
    const acme = emulator.db.create('company', { name: 'Acme AB' }).id;
    emulator.db.create('helpdesk', { title: 'Visible', company: acme });
    emulator.db.create('helpdesk', { title: 'Secret', company: acme });
    http = emulator.platform.get('http');
    query = emulator.platform.get('query');
    emulator.faults.deny('helpdesk', 1002);
  });

  const statusOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error: HttpError) => error.status,
    );

  it('answers 403 to GET, PATCH and DELETE of an object the user may not read', async () => {
    await expect(statusOf(http.get('api/v1/limeobject/helpdesk/1002/'))).resolves.toBe(403);
    await expect(
      statusOf(http.patch('api/v1/limeobject/helpdesk/1002/', { title: 'x' })),
    ).resolves.toBe(403);
    await expect(statusOf(http.delete('api/v1/limeobject/helpdesk/1002/'))).resolves.toBe(403);
    expect(emulator.db.get('helpdesk', 1002)?.title).toBe('Secret');
  });

  it('leaves denied objects out of lists, queries, counts and related objects', async () => {
    const list = await http.get('api/v1/limeobject/helpdesk/');
    expect(list._embedded.limeobjects.map((object: { title: string }) => object.title)).toEqual([
      'Visible',
    ]);
    const result = await query.execute({
      limetype: 'company',
      responseFormat: { object: { name: null, helpdesk: { title: null } } },
    });
    expect(result.objects).toEqual([{ name: 'Acme AB', helpdesk: [{ title: 'Visible' }] }]);
    const count = await query.execute({
      limetype: 'helpdesk',
      responseFormat: { aggregates: { total: { op: 'COUNT', key: '_id' } } },
    });
    expect(count.aggregates).toEqual({ total: 1 });
  });

  it('leaves denied objects out of the limeobjects state, and brings them back when allowed', () => {
    const seen: LimeObjectData[][] = [];
    emulator.platform
      .get('state.limeobjects')
      .subscribe((state: Record<string, LimeObjectData[]>) => seen.push(state.helpdesk));
    expect(seen[0].map((object) => object.title)).toEqual(['Visible']);
    emulator.faults.allow('helpdesk', 1002);
    emulator.platform.get('state.limeobjects').loadObject('helpdesk', 1002);
    expect(seen[seen.length - 1].map((object) => object.title)).toEqual(['Visible', 'Secret']);
  });

  it('enforces the limetype ACL: no create means 403 on POST, and the limetypes state shows it', async () => {
    emulator.faults.setAcl('conversation', { create: false });
    await expect(
      statusOf(http.post('api/v1/limeobject/conversation/', { conversationid: 1 })),
    ).resolves.toBe(403);
    expect(emulator.db.list('conversation')).toEqual([]);
    let acl: unknown;
    emulator.platform
      .get('state.limetypes')
      .subscribe((types: Record<string, { acl: unknown }>) => {
        acl = types.conversation.acl;
      });
    expect(acl).toEqual({ read: true, create: false, update: true, delete: true });
    emulator.faults.setAcl('helpdesk', { read: false });
    await expect(
      statusOf(query.execute({ limetype: 'helpdesk', responseFormat: { object: { _id: null } } })),
    ).resolves.toBe(403);
  });

  it('lets the direct database API see everything, for arranging and asserting in tests', () => {
    expect(emulator.db.list('helpdesk').map((object) => object.title)).toEqual([
      'Visible',
      'Secret',
    ]);
  });
});
