import { createEmulator } from '.';

/** An in-memory localStorage for node. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('the emulator as the demo uses it', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  beforeEach(() => {
    Object.defineProperty(globalThis, 'localStorage', {
      value: memoryStorage(),
      configurable: true,
      writable: true,
    });
  });
  afterAll(() => {
    if (original) {
      Object.defineProperty(globalThis, 'localStorage', original);
    }
  });

  it('keeps created objects and the config over a page reload when given a storageKey', () => {
    const before = createEmulator({ storageKey: 'demo', config: { initial: true } });
    before.db.create('conversation', { conversationid: 777, helpdesk: 1001 });
    before.setConfig({ edited: true });
    const after = createEmulator({ storageKey: 'demo', config: { initial: true } });
    expect(after.db.list('conversation').some((each) => each.conversationid === 777)).toBe(true);
    expect(after.config).toEqual({ edited: true });
    expect(after.snapshot()).toEqual(before.snapshot());
  });

  it('continues numbering after the restored objects, and later objects are created later', () => {
    const before = createEmulator({ storageKey: 'demo' });
    const first = before.db.create('conversation', { conversationid: 1 });
    const after = createEmulator({ storageKey: 'demo' });
    const second = after.db.create('conversation', { conversationid: 2 });
    expect(second.id).toBe(first.id + 1);
    expect(Date.parse(String(second._createdtime))).toBeGreaterThan(
      Date.parse(String(first._createdtime)),
    );
  });

  it('starts from the seed data when the stored state is unreadable', () => {
    localStorage.setItem('demo', '{not json');
    expect(createEmulator({ storageKey: 'demo' }).db.get('helpdesk', 1001)?.title).toBe(
      'Invoice shows wrong seat count',
    );
  });

  it('restores the seed data and the initial config on reset(), and clears faults and notifications', async () => {
    const emulator = createEmulator({
      storageKey: 'demo',
      config: { initial: true },
      mountRoot: () => null,
    });
    emulator.db.delete('helpdesk', 1001);
    emulator.setConfig({ edited: true });
    emulator.faults.add({ kind: 'network' });
    await emulator.platform.get('notifications').notify('hello');
    emulator.reset();
    expect(emulator.db.get('helpdesk', 1001)?.title).toBe('Invoice shows wrong seat count');
    expect(emulator.config).toEqual({ initial: true });
    expect(emulator.notifications).toEqual([]);
    await expect(
      emulator.platform.get('http').get('api/v1/limeobject/helpdesk/1001/'),
    ).resolves.toBeTruthy();
    expect(createEmulator({ storageKey: 'demo' }).db.get('helpdesk', 1001)).toBeTruthy();
  });

  it('works without a DOM or storage: no storageKey, nothing persisted', () => {
    const emulator = createEmulator();
    emulator.db.create('company', { name: 'Temporary' });
    expect(localStorage.length).toBe(0);
  });
});

describe('the task queue', () => {
  it('runs tasks one at a time, after the caller, and records success and failure', async () => {
    const { tasks } = createEmulator({ seed: false });
    const order: string[] = [];
    const ok = tasks.enqueue('import media', async () => {
      order.push('first');
      return 'imported 2 files';
    });
    const failing = tasks.enqueue('import more', () => {
      order.push('second');
      throw new Error('Lime Connect said 401');
    });
    order.push('caller');
    expect(tasks.get(ok)?.status).toBe('pending');
    await tasks.whenIdle();
    expect(order).toEqual(['caller', 'first', 'second']);
    expect(tasks.get(ok)).toMatchObject({ status: 'success', result: 'imported 2 files' });
    expect(tasks.get(failing)).toMatchObject({ status: 'failure', error: 'Lime Connect said 401' });
  });

  it('is idle at once when nothing is queued', async () => {
    await expect(createEmulator({ seed: false }).tasks.whenIdle()).resolves.toBeUndefined();
  });
});

describe('the database', () => {
  it('keeps a person\'s name as "firstname lastname"', () => {
    const { db } = createEmulator({ seed: false });
    const person = db.create('person', { firstname: 'Jane', lastname: 'Doe' });
    expect(person).toMatchObject({ name: 'Jane Doe', _descriptive: 'Jane Doe' });
    expect(db.update('person', person.id, { lastname: 'Smith' }).name).toBe('Jane Smith');
  });

  it('tells listeners about every change, and stops when unsubscribed', () => {
    const { db } = createEmulator({ seed: false });
    const changes: unknown[] = [];
    const unsubscribe = db.onChange((change) => changes.push(change));
    const company = db.create('company', { name: 'Acme AB' });
    db.update('company', company.id, { visitingcity: 'Lund' });
    db.delete('company', company.id);
    unsubscribe();
    db.create('company', { name: 'Unheard' });
    expect(changes).toEqual([
      { kind: 'create', limetype: 'company', id: 1001 },
      { kind: 'update', limetype: 'company', id: 1001 },
      { kind: 'delete', limetype: 'company', id: 1001 },
    ]);
  });

  it('refuses values of the wrong type, naming the property', () => {
    const { db } = createEmulator({ seed: false });
    expect(() => db.create('helpdesk', { statuscolor: 'unknown' })).toThrow(
      /helpdesk\.statuscolor.*"new", "ongoing"/,
    );
    expect(() => db.create('history', { date: 'yesterday' })).toThrow(/history\.date/);
    expect(() => db.create('company', { person: [1] })).toThrow(/hasmany/);
  });
});
