import { ConfigRepository, subscribe } from '../lime';
import { createEmulator } from '.';

describe("the emulator's restore", () => {
  it('takes over the objects and config of another emulator’s snapshot', () => {
    const browser = createEmulator();
    browser.db.create('person', {
      firstname: 'Nina',
      lastname: 'Nyström',
      email: 'nina@example.com',
    });
    browser.db.update('helpdesk', 1001, { title: 'Seat count fixed' });
    browser.db.delete('deal', 1001);
    browser.setConfig({ resendMode: 'update-note' });

    const server = createEmulator();
    expect(server.restore(browser.snapshot())).toEqual({ ok: true });

    expect(server.snapshot()).toEqual(browser.snapshot());
    expect(
      server.executeQuery({
        limetype: 'person',
        filter: { key: 'email', op: '=', exp: 'nina@example.com' },
        responseFormat: { object: { _id: null, _descriptive: null } },
      }).objects,
    ).toEqual([{ _id: expect.any(Number), _descriptive: 'Nina Nyström' }]);
    expect(server.db.get('deal', 1001)).toBeUndefined();
    expect(server.config).toEqual({ resendMode: 'update-note' });
  });

  it('numbers new objects after the restored ones', () => {
    const browser = createEmulator();
    const created = browser.db.create('helpdesk', { title: 'From the browser' });
    const server = createEmulator();
    server.restore(browser.snapshot());
    expect(server.db.create('helpdesk', { title: 'Next' }).id).toBe(created.id + 1);
  });

  it('tells its config subscribers and keeps its faults', () => {
    const server = createEmulator();
    server.faults.setLatency(25);
    const configs: unknown[] = [];
    subscribe<Record<string, unknown>>(server.platform, ConfigRepository, (state) =>
      configs.push(state.limepkg_conversations),
    );
    server.restore({ objects: {}, config: { portal: { views: [] } } });
    expect(configs.at(-1)).toEqual({ portal: { views: [] } });
    expect(server.faults.latency).toBe(25);
    expect(server.db.list('person')).toEqual([]);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'objects'],
    ['objects that are not lists', { objects: { person: 'Jane' }, config: {} }],
    ['an object without an id', { objects: { person: [{ _createdtime: 'x', _timestamp: 'x' }] } }],
    ['a negative id', { objects: { person: [{ id: -1, _createdtime: 'x', _timestamp: 'x' }] } }],
    ['an unknown limetype', { objects: { spaceship: [] }, config: {} }],
  ])('refuses %s and changes nothing', (_label, snapshot) => {
    const server = createEmulator();
    const before = server.snapshot();
    const result = server.restore(snapshot);
    expect(result).toEqual({ ok: false, reason: expect.any(String) });
    expect(server.snapshot()).toEqual(before);
  });
});
