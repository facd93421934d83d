import { createEmulator, type Emulator } from '.';

/** A small CRM: two companies, four persons, tickets with history. */
function arrange(): Emulator {
  const emulator = createEmulator({ seed: false });
  const { db } = emulator;
  const acme = db.create('company', { name: 'Acme AB', visitingcity: 'Stockholm' }).id;
  const nordic = db.create('company', { name: 'Nordic Widgets AB', visitingcity: 'Göteborg' }).id;
  db.create('company', { name: 'Acme', visitingcity: 'Lund' });
  db.create('person', {
    firstname: 'Jane',
    lastname: 'Doe',
    email: 'jane@example.com',
    company: acme,
  });
  db.create('person', {
    firstname: 'John',
    lastname: 'Smith',
    email: 'JOHN@acme.example',
    company: acme,
  });
  db.create('person', {
    firstname: 'Lisa',
    lastname: 'Holm',
    email: 'lisa@nordic.example',
    company: nordic,
  });
  db.create('person', { firstname: 'Åsa', lastname: 'Ek', email: null, company: null });
  db.create('deal', { name: 'Small', value: 100, company: acme });
  db.create('deal', { name: 'Medium', value: 500, company: acme });
  db.create('deal', { name: 'Large', value: 1000, company: nordic });
  return emulator;
}

const names = (response: { objects: { name?: unknown }[] }) =>
  response.objects.map((object) => object.name);

describe('Lime Query evaluation', () => {
  let emulator: Emulator;
  beforeEach(() => {
    emulator = arrange();
  });

  const run = (query: object) =>
    emulator.executeQuery({ responseFormat: { object: { name: null } }, ...query }) as {
      objects: Record<string, unknown>[];
      aggregates: Record<string, unknown>;
    };

  it('matches "=" exactly, case and all', () => {
    expect(
      names(run({ limetype: 'company', filter: { key: 'name', op: '=', exp: 'Acme' } })),
    ).toEqual(['Acme']);
    expect(
      names(run({ limetype: 'company', filter: { key: 'name', op: '=', exp: 'acme' } })),
    ).toEqual([]);
  });

  it('matches "!" as not equal, and "! null" as having a value', () => {
    expect(
      names(run({ limetype: 'company', filter: { key: 'name', op: '!', exp: 'Acme' } })),
    ).toEqual(['Acme AB', 'Nordic Widgets AB']);
    expect(
      names(run({ limetype: 'person', filter: { key: 'email', op: '!', exp: null } })),
    ).toHaveLength(3);
    expect(
      names(run({ limetype: 'person', filter: { key: 'email', op: '=', exp: null } })),
    ).toEqual(['Åsa Ek']);
  });

  it('matches "IN" against a list', () => {
    const response = run({
      limetype: 'deal',
      filter: { key: 'name', op: 'IN', exp: ['Small', 'Large', 'Missing'] },
    });
    expect(names(response)).toEqual(['Small', 'Large']);
  });

  it('matches "=?" as begins-with and "?" as contains, ignoring case', () => {
    expect(
      names(run({ limetype: 'company', filter: { key: 'name', op: '=?', exp: 'ACME' } })),
    ).toEqual(['Acme AB', 'Acme']);
    expect(
      names(run({ limetype: 'company', filter: { key: 'name', op: '?', exp: 'widget' } })),
    ).toEqual(['Nordic Widgets AB']);
    expect(
      names(run({ limetype: 'person', filter: { key: 'email', op: '?', exp: 'john@' } })),
    ).toEqual(['John Smith']);
  });

  it('compares numbers with < > <= >=', () => {
    const by = (op: string, exp: number) =>
      names(run({ limetype: 'deal', filter: { key: 'value', op, exp } }));
    expect(by('<', 500)).toEqual(['Small']);
    expect(by('<=', 500)).toEqual(['Small', 'Medium']);
    expect(by('>', 500)).toEqual(['Large']);
    expect(by('>=', 500)).toEqual(['Medium', 'Large']);
  });

  it('compares times as times, whatever their ISO spelling', () => {
    emulator.db.create('history', { date: '2026-11-20T14:00:00+01:00', note: 'early' });
    emulator.db.create('history', { date: '2026-11-20T13:30:00Z', note: 'late' });
    const response = emulator.executeQuery({
      limetype: 'history',
      filter: { key: 'date', op: '>', exp: '2026-11-20T13:15:00Z' },
      responseFormat: { object: { note: null } },
    });
    expect(response.objects).toEqual([{ note: 'late' }]);
  });

  it('nests AND and OR', () => {
    const response = run({
      limetype: 'deal',
      filter: {
        op: 'OR',
        exp: [
          {
            op: 'AND',
            exp: [
              { key: 'value', op: '>', exp: 50 },
              { key: 'value', op: '<', exp: 200 },
            ],
          },
          { key: 'name', op: '=', exp: 'Large' },
        ],
      },
    });
    expect(names(response)).toEqual(['Small', 'Large']);
  });

  it('follows nested relation keys such as company.name', () => {
    expect(
      names(run({ limetype: 'person', filter: { key: 'company.name', op: '=', exp: 'Acme AB' } })),
    ).toEqual(['Jane Doe', 'John Smith']);
    emulator.db.create('helpdesk', { title: 'Login', person: 1003 });
    const tickets = emulator.executeQuery({
      limetype: 'helpdesk',
      filter: { key: 'person.company.name', op: '=?', exp: 'nordic' },
      responseFormat: { object: { title: null } },
    });
    expect(tickets.objects).toEqual([{ title: 'Login' }]);
  });

  it('judges each object by every condition ORed on one nested key, sorted by that key too', () => {
    const response = run({
      limetype: 'deal',
      filter: {
        op: 'OR',
        exp: [
          { key: 'company.name', op: '?', exp: 'widgets' },
          { key: 'company.name', op: '=', exp: 'Acme AB' },
          { key: 'company.name', op: '=?', exp: 'nobody' },
        ],
      },
      responseFormat: {
        object: { name: null, company: null },
        aggregates: { total: { op: 'COUNT' } },
      },
      orderBy: [{ 'company.name': 'DESC' }, { value: 'DESC' }],
      limit: 2,
    });
    expect(response.objects).toEqual([
      { name: 'Large', company: 1002 },
      { name: 'Medium', company: 1001 },
    ]);
    expect(response.aggregates).toEqual({ total: 3 });
  });

  it('treats a missing relation as null in nested keys', () => {
    expect(
      names(run({ limetype: 'person', filter: { key: 'company.name', op: '=', exp: null } })),
    ).toEqual(['Åsa Ek']);
  });

  it('filters through a hasmany relation when any related object matches', () => {
    expect(
      names(run({ limetype: 'company', filter: { key: 'deal.value', op: '>', exp: 900 } })),
    ).toEqual(['Nordic Widgets AB']);
  });

  it('returns related objects as the response format asks: belongsto nested, hasmany as a list', () => {
    const response = emulator.executeQuery({
      limetype: 'person',
      filter: { key: 'firstname', op: '=', exp: 'Jane' },
      responseFormat: {
        object: {
          _id: null,
          _descriptive: null,
          company: { _id: null, name: null, deal: { name: null, value: null } },
        },
      },
    });
    expect(response.objects).toEqual([
      {
        _id: 1001,
        _descriptive: 'Jane Doe',
        company: {
          _id: 1001,
          name: 'Acme AB',
          deal: [
            { name: 'Small', value: 100 },
            { name: 'Medium', value: 500 },
          ],
        },
      },
    ]);
  });

  it('returns a relation asked for with null as the related id, and null when there is none', () => {
    const response = emulator.executeQuery({
      limetype: 'person',
      responseFormat: { object: { name: null, company: null } },
      orderBy: [{ name: 'ASC' }],
    });
    expect(response.objects).toContainEqual({ name: 'Åsa Ek', company: null });
    expect(response.objects).toContainEqual({ name: 'Jane Doe', company: 1001 });
  });

  it('counts the filtered objects, ignoring limit and offset', () => {
    const response = run({
      limetype: 'person',
      filter: { key: 'company.name', op: '=?', exp: 'acme' },
      responseFormat: {
        object: { name: null },
        aggregates: { total: { op: 'COUNT', key: '_id' } },
      },
      limit: 1,
      offset: 1,
    });
    expect(response.objects).toEqual([{ name: 'John Smith' }]);
    expect(response.aggregates).toEqual({ total: 2 });
  });

  it('sums and counts with an aggregate filter of their own', () => {
    const response = emulator.executeQuery({
      limetype: 'deal',
      responseFormat: {
        aggregates: {
          sum: { op: 'SUM', key: 'value' },
          big: { op: 'COUNT', filter: { key: 'value', op: '>=', exp: 500 } },
        },
      },
    });
    expect(response.aggregates).toEqual({ sum: 1600, big: 2 });
  });

  it('orders by several keys, nested ones too, and pages with limit and offset', () => {
    const ordered = run({
      limetype: 'person',
      orderBy: [{ 'company.name': 'DESC' }, { firstname: 'ASC' }],
    });
    expect(names(ordered)).toEqual(['Lisa Holm', 'Jane Doe', 'John Smith', 'Åsa Ek']);
    const page = run({ limetype: 'person', orderBy: [{ name: 'ASC' }], limit: 2, offset: 1 });
    expect(names(page)).toEqual(['John Smith', 'Lisa Holm']);
  });

  it('sorts Swedish letters after z', () => {
    emulator.db.create('company', { name: 'Zeta' });
    emulator.db.create('company', { name: 'Örebro Bygg' });
    expect(names(run({ limetype: 'company', orderBy: [{ name: 'DESC' }], limit: 2 }))).toEqual([
      'Örebro Bygg',
      'Zeta',
    ]);
  });

  it('refuses an unknown property, and names it and the limetype', () => {
    expect(() =>
      run({ limetype: 'person', filter: { key: 'company.nmae', op: '=', exp: 'x' } }),
    ).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(/"nmae".*"company"/) }),
    );
    expect(() => run({ limetype: 'person', responseFormat: { object: { shoe: null } } })).toThrow(
      /Unknown property "shoe"/,
    );
  });

  it('refuses an unknown limetype, an unknown operator and a key through a non-relation', () => {
    expect(() => run({ limetype: 'spaceship' })).toThrow(/Unknown limetype "spaceship"/);
    expect(() =>
      run({ limetype: 'person', filter: { key: 'name', op: 'LIKE', exp: 'x' } }),
    ).toThrow(/unknown operator "LIKE"/);
    expect(() =>
      run({ limetype: 'person', filter: { key: 'email.domain', op: '=', exp: 'x' } }),
    ).toThrow(/not a relation/);
  });
});
