import { AddonJwtError, createAddonClient, type AddonMessageEvent } from './client';
import type { AddonEvent } from './schemas';
import { seedContactEvent, seedOperatorEvent } from './seed-examples';

const LIME_CONNECT = 'https://app.lime-connect.com';

function fakeWindow() {
  const posted: { message: unknown; targetOrigin: string }[] = [];
  const parent = {
    postMessage: (message: unknown, targetOrigin: string) => posted.push({ message, targetOrigin }),
  };
  const listeners = new Set<(event: AddonMessageEvent) => void>();
  const host = {
    parent,
    addEventListener: (_type: 'message', listener: (event: AddonMessageEvent) => void) =>
      listeners.add(listener),
    removeEventListener: (_type: 'message', listener: (event: AddonMessageEvent) => void) =>
      listeners.delete(listener),
  };
  const deliver = (data: unknown, origin = LIME_CONNECT, source: unknown = parent) =>
    listeners.forEach((listener) => listener({ data, origin, source }));
  return { host, parent, posted, deliver, listeners };
}

function startedClient(overrides: { hints?: string[]; allowed?: string[] } = {}) {
  const fake = fakeWindow();
  const warnings: string[] = [];
  const client = createAddonClient({
    window: fake.host,
    allowedOrigins: overrides.allowed ?? [LIME_CONNECT],
    parentOriginHints: overrides.hints,
    logger: { warn: (message) => warnings.push(message) },
    jwtTimeoutMs: 1_000,
  });
  const events: AddonEvent[] = [];
  client.subscribe((event) => events.push(event));
  client.start();
  return { ...fake, client, events, warnings };
}

describe('createAddonClient', () => {
  it('says ready to the Message Center on start, addressed to its exact origin', () => {
    const { posted } = startedClient();
    expect(posted).toEqual([
      { message: { name: 'ready', payload: {} }, targetOrigin: LIME_CONNECT },
    ]);
  });

  it('delivers the events its parent sends from an allowed origin, parsed', () => {
    const { deliver, events } = startedClient();
    deliver(seedContactEvent);
    expect(events).toEqual([
      expect.objectContaining({
        name: 'contact_information',
        payload: expect.objectContaining({ email: 'jane@example.com', customFieldData: {} }),
      }),
    ]);
  });

  it('ignores a message from a foreign origin, even one that only starts like the allowed one', () => {
    const { deliver, events } = startedClient();
    deliver(seedContactEvent, 'https://evil.example');
    deliver(seedContactEvent, 'https://app.lime-connect.com.evil.example');
    deliver(seedContactEvent, 'http://app.lime-connect.com');
    deliver(seedContactEvent, 'null');
    expect(events).toEqual([]);
  });

  it('ignores a message from the allowed origin that does not come from the parent window', () => {
    const { deliver, events } = startedClient();
    deliver(seedContactEvent, LIME_CONNECT, { postMessage: () => undefined });
    deliver(seedContactEvent, LIME_CONNECT, null);
    expect(events).toEqual([]);
  });

  it('never trusts an allowed origin of "*"', () => {
    const { deliver, events, posted } = startedClient({ allowed: ['*'] });
    deliver(seedContactEvent, '*');
    expect(events).toEqual([]);
    expect(posted).toEqual([]);
  });

  it('logs ignored messages once per kind, not once per message', () => {
    const { deliver, warnings, client } = startedClient();
    for (let i = 0; i < 50; i += 1) {
      deliver(seedContactEvent, 'https://evil.example');
      deliver({ name: 'contact_information', payload: { email: 42 } });
      deliver({ name: 'no_such_event', payload: {} });
    }
    expect(warnings).toHaveLength(3);
    expect(client.ignored).toEqual({
      'foreign-origin': 50,
      'invalid-payload': 50,
      'unknown-name': 50,
    });
  });

  it('posts only to the origin its parent turned out to have, once a message arrived', () => {
    const other = 'https://eu.lime-connect.com';
    const { deliver, posted, client } = startedClient({ allowed: [LIME_CONNECT, other] });
    expect(posted.map((post) => post.targetOrigin)).toEqual([LIME_CONNECT, other]);
    deliver(seedOperatorEvent, other);
    posted.length = 0;
    client.send({ name: 'toast', payload: { status: 'info', message: 'Hi' } });
    expect(posted).toEqual([
      {
        message: { name: 'toast', payload: { status: 'info', message: 'Hi' } },
        targetOrigin: other,
      },
    ]);
    deliver(seedContactEvent, LIME_CONNECT);
    expect(client.ignored).toEqual({ 'foreign-origin': 1 });
  });

  it('uses a hint of the parent origin only when it is allowed', () => {
    const { posted } = startedClient({
      allowed: [LIME_CONNECT, 'https://eu.lime-connect.com'],
      hints: ['https://evil.example', 'https://eu.lime-connect.com'],
    });
    expect(posted.map((post) => post.targetOrigin)).toEqual(['https://eu.lime-connect.com']);
  });

  it('never posts to "*", whatever it is asked to send', () => {
    const { client, posted, deliver } = startedClient();
    client.send({ name: 'toast', payload: { status: 'info', message: 'x' } });
    client.send({
      name: 'replace_chat_input',
      payload: { textFormat: 'plain_text', message: 'x' },
    });
    void client.requestJwt().catch(() => undefined);
    deliver({ name: 'jwt_token', payload: { type: 'success', token: 'abc' } });
    expect(posted.length).toBeGreaterThan(2);
    expect(posted.every((post) => post.targetOrigin === LIME_CONNECT)).toBe(true);
  });

  it('refuses to send an action that does not fit the protocol', () => {
    const { client, posted } = startedClient();
    posted.length = 0;
    const result = client.send(
      JSON.parse('{"name":"toast","payload":{"status":"fatal","message":"x"}}'),
    );
    expect(result).toEqual({ ok: false, reason: 'invalid-action' });
    expect(posted).toEqual([]);
  });

  it('asks for a JWT and resolves with the token of the jwt_token answer', async () => {
    const { client, posted, deliver } = startedClient();
    const token = client.requestJwt();
    expect(posted.at(-1)).toEqual({
      message: { name: 'generate_jwt_token', payload: {} },
      targetOrigin: LIME_CONNECT,
    });
    deliver({ name: 'jwt_token', payload: { type: 'success', token: 'eyJ.token' } });
    await expect(token).resolves.toBe('eyJ.token');
  });

  it('shares one request between callers asking for a JWT at the same time', async () => {
    const { client, posted, deliver } = startedClient();
    const first = client.requestJwt();
    const second = client.requestJwt();
    expect(
      posted.filter(
        (post) => post.message && JSON.stringify(post.message).includes('generate_jwt'),
      ),
    ).toHaveLength(1);
    deliver({ name: 'jwt_token', payload: { type: 'success', token: 't1' } });
    await expect(Promise.all([first, second])).resolves.toEqual(['t1', 't1']);
  });

  it('rejects the JWT request when Lime Connect answers with an error', async () => {
    const { client, deliver } = startedClient();
    const token = client.requestJwt();
    deliver({ name: 'jwt_token', payload: { type: 'error', error: 'JWT not configured' } });
    await expect(token).rejects.toEqual(
      expect.objectContaining({ reason: 'refused', message: 'JWT not configured' }),
    );
  });

  it('rejects the JWT request when no answer comes in time', async () => {
    jest.useFakeTimers();
    try {
      const { client } = startedClient();
      const token = client.requestJwt();
      jest.advanceTimersByTime(1_001);
      await expect(token).rejects.toBeInstanceOf(AddonJwtError);
      await expect(token).rejects.toMatchObject({ reason: 'timeout' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not let a jwt_token from a foreign origin answer its request', async () => {
    jest.useFakeTimers();
    try {
      const { client, deliver } = startedClient();
      const token = client.requestJwt();
      deliver(
        { name: 'jwt_token', payload: { type: 'success', token: 'stolen' } },
        'https://evil.example',
      );
      jest.advanceTimersByTime(1_001);
      await expect(token).rejects.toMatchObject({ reason: 'timeout' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('stops listening when stopped, and rejects a pending JWT request', async () => {
    const { client, deliver, events, listeners } = startedClient();
    const token = client.requestJwt();
    client.stop();
    deliver(seedContactEvent);
    expect(events).toEqual([]);
    expect(listeners.size).toBe(0);
    await expect(token).rejects.toMatchObject({ reason: 'stopped' });
  });

  it('keeps delivering to other listeners when one of them throws', () => {
    const { client, deliver, events, warnings } = startedClient();
    client.subscribe(() => {
      throw new Error('listener bug');
    });
    deliver(seedContactEvent);
    deliver(seedOperatorEvent);
    expect(events.map((event) => event.name)).toEqual([
      'contact_information',
      'operator_information',
    ]);
    expect(warnings).toHaveLength(2);
  });
});
