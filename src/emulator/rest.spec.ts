import { createEmulator, type Emulator } from '.';

describe('the REST API of the emulated Lime CRM', () => {
  let emulator: Emulator;
  beforeEach(() => {
    emulator = createEmulator({ seed: false });
    const acme = emulator.db.create('company', { name: 'Acme AB', visitingcity: 'Stockholm' }).id;
    emulator.db.create('company', { name: 'Nordic Widgets AB', visitingcity: 'Göteborg' });
    emulator.db.create('person', { firstname: 'Jane', lastname: 'Doe', company: acme });
    emulator.db.create('person', { firstname: 'John', lastname: 'Smith', company: acme });
    emulator.db.create('person', { firstname: 'Lisa', lastname: 'Holm', company: null });
  });

  const request = (method: string, path: string, body?: unknown, query?: Record<string, string>) =>
    emulator.handleRestRequest({ method, path, body, query });
  const listed = (response: { body: unknown }) =>
    (
      response.body as { _embedded: { limeobjects: { _descriptive: string }[] } }
    )._embedded.limeobjects.map((object) => object._descriptive);

  it('lists a limetype under _embedded.limeobjects, each with _id, _descriptive, times and properties', () => {
    const response = request('GET', 'api/v1/limeobject/person/');
    expect(response.status).toBe(200);
    expect(listed(response)).toEqual(['Jane Doe', 'John Smith', 'Lisa Holm']);
    const [jane] = (response.body as { _embedded: { limeobjects: Record<string, unknown>[] } })
      ._embedded.limeobjects;
    expect(jane).toMatchObject({
      _id: 1001,
      _descriptive: 'Jane Doe',
      firstname: 'Jane',
      company: 1001,
      email: null,
      _createdtime: expect.any(String),
      _timestamp: expect.any(String),
    });
    expect(jane).not.toHaveProperty('history'); // hasmany relations are links, not values
  });

  it('filters a list by ?property=value, from the path or the query parameters', () => {
    expect(listed(request('GET', 'api/v1/limeobject/person/?company=1001'))).toEqual([
      'Jane Doe',
      'John Smith',
    ]);
    expect(
      listed(request('GET', 'api/v1/limeobject/person/', undefined, { firstname: 'Lisa' })),
    ).toEqual(['Lisa Holm']);
    expect(listed(request('GET', 'api/v1/limeobject/person/?company='))).toEqual(['Lisa Holm']);
  });

  it('pages a list with _limit and _offset and sorts it with _sort', () => {
    expect(listed(request('GET', 'api/v1/limeobject/person/?_limit=1&_offset=1'))).toEqual([
      'John Smith',
    ]);
    expect(listed(request('GET', 'api/v1/limeobject/person/?_sort=-firstname'))).toEqual([
      'Lisa Holm',
      'John Smith',
      'Jane Doe',
    ]);
    expect(request('GET', 'api/v1/limeobject/person/?_limit=-1').status).toBe(400);
  });

  it('tolerates a leading slash and a full https://host/ prefix', () => {
    expect(request('GET', '/api/v1/limeobject/company/1001/').status).toBe(200);
    expect(request('GET', 'https://crm.example.com/api/v1/limeobject/company/1001').status).toBe(
      200,
    );
  });

  it('gets one object, and answers 404 for one that does not exist', () => {
    expect(request('GET', 'api/v1/limeobject/company/1002/').body).toMatchObject({
      _id: 1002,
      name: 'Nordic Widgets AB',
    });
    const missing = request('GET', 'api/v1/limeobject/company/4242/');
    expect(missing).toEqual({
      status: 404,
      body: { message: 'There is no company with id 4242.' },
    });
    expect(request('GET', 'api/v1/limeobject/spaceship/').status).toBe(404);
  });

  it('creates an object with POST (201) and it is in the database afterwards', () => {
    const response = request('POST', 'api/v1/limeobject/conversation/', {
      conversationid: 48213,
      topic: 'Support',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      _id: 1001,
      conversationid: 48213,
      topic: 'Support',
      helpdesk: null,
    });
    expect(emulator.db.get('conversation', 1001)).toMatchObject({ conversationid: 48213 });
  });

  it('refuses to create with an unknown property or a wrongly typed value (400), and says which', () => {
    const unknown = request('POST', 'api/v1/limeobject/conversation/', { conversation_id: 1 });
    expect(unknown).toEqual({
      status: 400,
      body: { message: 'Unknown property "conversation_id" on limetype "conversation".' },
    });
    const wrongType = request('POST', 'api/v1/limeobject/conversation/', {
      conversationid: '48213',
    });
    expect(wrongType.status).toBe(400);
    expect((wrongType.body as { message: string }).message).toMatch(
      /conversation\.conversationid.*integer/,
    );
    const badRelation = request('POST', 'api/v1/limeobject/conversation/', { helpdesk: 999 });
    expect((badRelation.body as { message: string }).message).toMatch(/no helpdesk with id 999/);
    expect(emulator.db.list('conversation')).toEqual([]);
  });

  it('updates with PATCH, changing only what is sent and moving _timestamp on', () => {
    const before = emulator.db.get('company', 1001);
    const response = request('PATCH', 'api/v1/limeobject/company/1001/', { visitingcity: 'Malmö' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'Acme AB', visitingcity: 'Malmö' });
    const after = emulator.db.get('company', 1001);
    expect(Date.parse(String(after?._timestamp))).toBeGreaterThan(
      Date.parse(String(before?._timestamp)),
    );
    expect(after?._createdtime).toBe(before?._createdtime);
    expect(request('PATCH', 'api/v1/limeobject/company/4242/', { city: 'x' }).status).toBe(404);
  });

  it('deletes with DELETE (204) and clears relations that pointed at the object', () => {
    expect(request('DELETE', 'api/v1/limeobject/company/1001/')).toEqual({
      status: 204,
      body: null,
    });
    expect(request('GET', 'api/v1/limeobject/company/1001/').status).toBe(404);
    expect(emulator.db.get('person', 1001)?.company).toBeNull();
    expect(request('DELETE', 'api/v1/limeobject/company/1001/').status).toBe(404);
  });

  it('answers a Lime Query posted to api/v1/query/', () => {
    const response = request('POST', 'api/v1/query/', {
      limetype: 'person',
      filter: { key: 'company.name', op: '=', exp: 'Acme AB' },
      responseFormat: {
        object: { name: null },
        aggregates: { total: { op: 'COUNT', key: '_id' } },
      },
      limit: 1,
    });
    expect(response).toEqual({
      status: 200,
      body: { objects: [{ name: 'Jane Doe' }], aggregates: { total: 2 } },
    });
    expect(
      request('POST', 'api/v1/query/', {
        limetype: 'person',
        filter: { key: 'x', op: '=', exp: 1 },
      }).status,
    ).toBe(400);
  });

  it('answers 404 for an unknown endpoint and 405 for a method an endpoint does not take', () => {
    expect(request('GET', 'api/v1/nothing/').status).toBe(404);
    expect(request('GET', 'api/v1/query/').status).toBe(405);
    expect(request('DELETE', 'api/v1/limeobject/person/').status).toBe(405);
  });

  it('gives "created later" a strict order, even within one millisecond', () => {
    const first = request('POST', 'api/v1/limeobject/conversation/', { conversationid: 1 })
      .body as { _createdtime: string };
    const second = request('POST', 'api/v1/limeobject/conversation/', { conversationid: 1 })
      .body as { _createdtime: string };
    expect(Date.parse(second._createdtime)).toBeGreaterThan(Date.parse(first._createdtime));
  });
});
