// The emulated Lime CRM over real HTTP, on loopback only: what the Portal's HTTP adapter talks to in
// the demo and in e2e, and what the REST adapter specs run against. Serves the emulator's
// `api/v1/limeobject/…` and `api/v1/query/` (plus `api/v1/limetype/<name>/`) behind bearer-JWT
// (HS256, dev secret, verified with jose) or `x-api-key` auth, with CORS admitting exactly the
// Portal's origins. Latency and faults set on the emulator apply, as over a real wire.
//
//   npx tsx scripts/api-server.ts [--port 3335]
//
// Dev-only routes (no auth; CORS for the Message Center stand-in's origins):
//   GET  /portal-config.json   the Portal's bootstrap, derived from the package config (what a host serves beside index.html)
//   POST /dev/token            { expired?: boolean, subject?: string } → { token }: the stand-in's JWTs
//   GET  /dev/faults           { latencyMs, unreachable }: the fault flags as they are
//   POST /dev/faults           { latencyMs?, fail?: { status?, times?, url? }, unreachable?: boolean, clear?: boolean }
//   POST /dev/config           replaces the package config of the emulator (e2e arranges lookup rules)
//   POST /dev/reset            back to the demo data, no faults
//   POST /dev/snapshot         { objects, config } (an emulator's `snapshot()`): replaces the database and
//                              config, so the Portal reads what the demo pages wrote in the browser
//   GET  /dev/foreign.html     a page on a foreign origin that posts junk to its sibling frames
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createEmulator, type Emulator } from '../src/emulator';
import { CONFIG_KEY, createDefaultConfig, parseConfig } from '../src/config';
import { derivePortalBootstrap } from '../src/lime-connect/portal-bootstrap';
import { DEV_API_KEY, mintDevToken, verifyDevToken } from './dev-auth';

export const DEFAULT_API_PORT = 3335;
const MAX_BODY_BYTES = 1_000_000;
// A snapshot holds every object, long transcript notes included.
const MAX_SNAPSHOT_BYTES = 32_000_000;

export interface ApiServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 unless told otherwise (and never a public address in the demo). */
  host?: string;
  /** The emulated CRM to serve; a fresh one with the demo data when absent. */
  emulator?: Emulator;
  /** Origins of the Portal page: the only ones CORS admits to `api/v1/`. */
  portalOrigins?: readonly string[];
  /** Origins of the Message Center stand-in: CORS for `/dev/*`, and the Portal's `allowedOrigins`. */
  messageCenterOrigins?: readonly string[];
  /**
   * The Portal's `webclientUrl` (may hold `{limetype}` and `{id}`). By default the demo card on the
   * Message Center's origin: the one that last pushed a snapshot (its localStorage holds the data),
   * else the first of `messageCenterOrigins`.
   */
  webclientUrl?: string;
}

export interface ApiServer {
  /** e.g. `http://127.0.0.1:3335/`; the CRM URL under which `api/v1/` lives. */
  url: string;
  emulator: Emulator;
  close(): Promise<void>;
}

export const DEMO_MESSAGE_CENTER_ORIGINS = ['http://127.0.0.1:3333', 'http://localhost:3333'];
export const DEMO_PORTAL_ORIGINS = ['http://127.0.0.1:3334', 'http://localhost:3334'];
/** The demo card, as a webclient URL template below a Message Center origin. */
export const DEMO_CARD_PATH = '/index.html?limetype={limetype}&id={id}';
export const DEMO_WEBCLIENT_URL = `http://127.0.0.1:3333${DEMO_CARD_PATH}`;

// A page on an origin the Portal does not allow (this server's), framed by the Message Center
// stand-in: it posts a contact and junk to every sibling frame with targetOrigin "*". The Portal
// must ignore all of it.
const FOREIGN_PAGE = `<!doctype html><meta charset="utf-8"><title>foreign</title><script>
const contact = { name: 'contact_information', payload: { id: '666', name: 'Mallory', email: 'mallory@evil.example',
  locale: null, mobileNumber: null, phoneNumber: null, salutation: null, street: null, city: null, country: null,
  company: 'Evil Corp', gender: null, customFieldData: {} } };
const junk = JSON.parse('{"name":"contact_information","payload":{"__proto__":{"polluted":true}}}');
for (let i = 0; i < parent.frames.length; i += 1) {
  if (parent.frames[i] !== window) {
    parent.frames[i].postMessage(contact, '*');
    parent.frames[i].postMessage(junk, '*');
    parent.frames[i].postMessage({ name: 'jwt_token', payload: { type: 'success', token: 'forged' } }, '*');
  }
}
</script>`;

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const emulator = options.emulator ?? createEmulator();
  const host = options.host ?? '127.0.0.1';
  const portalOrigins = new Set(options.portalOrigins ?? DEMO_PORTAL_ORIGINS);
  const messageCenterOrigins = [...(options.messageCenterOrigins ?? DEMO_MESSAGE_CENTER_ORIGINS)];
  let demoCardOrigin = messageCenterOrigins[0] ?? new URL(DEMO_WEBCLIENT_URL).origin;
  const webclientUrl = () => options.webclientUrl ?? `${demoCardOrigin}${DEMO_CARD_PATH}`;
  let unreachable = false;
  let url = '';

  const corsOrigins = (path: string): Set<string> =>
    path.startsWith('api/') ? portalOrigins : new Set([...messageCenterOrigins, ...portalOrigins]);

  // What a host serves beside the Portal's page: derived from the package config, no secret in it.
  const portalConfig = () => {
    const parsed = parseConfig(emulator.config);
    const config = parsed.ok ? parsed.config : createDefaultConfig();
    return derivePortalBootstrap(
      {
        ...config,
        portal: {
          ...config.portal,
          allowedOrigins: messageCenterOrigins,
          webclientUrl: webclientUrl(),
        },
      },
      url,
    );
  };

  const authenticate = async (request: IncomingMessage): Promise<Answer | undefined> => {
    const apiKey = request.headers['x-api-key'];
    if (apiKey !== undefined) {
      return sameSecret(String(apiKey), DEV_API_KEY)
        ? undefined
        : unauthorized('The API key is not valid.');
    }
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      return unauthorized('A bearer token or an x-api-key header is required.');
    }
    const check = await verifyDevToken(match[1]);
    if (!check.ok) {
      return unauthorized(
        check.reason === 'expired' ? 'The token has expired.' : 'The token is not valid.',
      );
    }
    return undefined;
  };

  const handleApi = async (
    method: string,
    path: string,
    search: URLSearchParams,
    body: unknown,
  ) => {
    const fault = emulator.faults.take(method, path);
    const latency = emulator.faults.latency;
    if (latency > 0) {
      await sleep(latency);
    }
    if (fault?.kind === 'error') {
      const status = fault.status ?? 500;
      return { status, body: { message: fault.message ?? `The server failed (HTTP ${status}).` } };
    }
    if (fault?.kind === 'timeout') {
      await sleep(emulator.faults.timeoutMs);
      return { status: 504, body: { message: 'The server timed out.' } };
    }
    if (fault?.kind === 'network') {
      return 'drop' as const;
    }
    const limetypeRoute = /^api\/v1\/limetype\/([^/]+)\/?$/.exec(path);
    if (limetypeRoute && method === 'GET') {
      const meta = emulator.limetypes[limetypeRoute[1]];
      return meta
        ? { status: 200, body: meta }
        : { status: 404, body: { message: `Unknown limetype "${limetypeRoute[1]}".` } };
    }
    return emulator.handleRestRequest({
      method,
      path,
      query: Object.fromEntries(search.entries()),
      body,
      headers: {},
    });
  };

  const handleDev = async (
    method: string,
    path: string,
    body: unknown,
    origin: string | undefined,
  ): Promise<Answer> => {
    if (path === 'portal-config.json' && method === 'GET') {
      return { status: 200, body: portalConfig() };
    }
    if (path === 'dev/faults' && method === 'GET') {
      return { status: 200, body: { latencyMs: emulator.faults.latency, unreachable } };
    }
    if (path === 'dev/foreign.html' && method === 'GET') {
      return {
        status: 200,
        body: FOREIGN_PAGE,
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
      };
    }
    if (method !== 'POST') {
      return { status: 405, body: { message: 'Use POST.' } };
    }
    const input = isRecord(body) ? body : {};
    if (path === 'dev/token') {
      const token = await mintDevToken({
        expired: input.expired === true,
        subject: typeof input.subject === 'string' ? input.subject : undefined,
      });
      return { status: 200, body: { token } };
    }
    if (path === 'dev/faults') {
      if (input.clear === true) {
        emulator.faults.clear();
        unreachable = false;
      }
      if (typeof input.latencyMs === 'number') {
        emulator.faults.setLatency(input.latencyMs);
      }
      if (typeof input.unreachable === 'boolean') {
        unreachable = input.unreachable;
      }
      if (isRecord(input.fail)) {
        emulator.faults.add({
          kind: 'error',
          status: typeof input.fail.status === 'number' ? input.fail.status : 500,
          times: typeof input.fail.times === 'number' ? input.fail.times : undefined,
          match: typeof input.fail.url === 'string' ? { url: input.fail.url } : undefined,
        });
      }
      return { status: 200, body: { latencyMs: emulator.faults.latency, unreachable } };
    }
    if (path === 'dev/config') {
      emulator.setConfig(input);
      return { status: 200, body: { [CONFIG_KEY]: emulator.config } };
    }
    if (path === 'dev/snapshot') {
      const restored = emulator.restore(body);
      if (!restored.ok) {
        return { status: 400, body: { message: restored.reason } };
      }
      if (origin && messageCenterOrigins.includes(origin)) {
        demoCardOrigin = origin;
      }
      return { status: 200, body: { restored: true } };
    }
    if (path === 'dev/reset') {
      emulator.reset();
      unreachable = false;
      return { status: 200, body: { reset: true } };
    }
    return { status: 404, body: { message: 'Not found.' } };
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A bug here must not take the server down: answer 500 and say what happened.
      console.error('api-server:', error);
      if (!response.headersSent) {
        send(
          response,
          { status: 500, body: { message: 'Internal error in the API server.' } },
          undefined,
        );
      }
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const method = (request.method ?? 'GET').toUpperCase();
    const requestUrl = new URL(request.url ?? '/', 'http://loopback');
    const path = requestUrl.pathname.replace(/^\/+/, '');
    const origin = request.headers.origin;
    const allowedOrigin = origin && corsOrigins(path).has(origin) ? origin : undefined;
    if (origin && !allowedOrigin) {
      // Browsers block the answer anyway; refuse early so nothing is done for a foreign page.
      send(
        response,
        { status: 403, body: { message: `Origin ${origin} is not allowed.` } },
        undefined,
      );
      return;
    }
    if (method === 'OPTIONS') {
      send(response, { status: 204, body: null }, allowedOrigin);
      return;
    }
    const body = await readJson(
      request,
      path === 'dev/snapshot' ? MAX_SNAPSHOT_BYTES : MAX_BODY_BYTES,
    );
    if (!body.ok) {
      send(response, { status: 400, body: { message: body.message } }, allowedOrigin);
      return;
    }
    if (!path.startsWith('api/')) {
      send(response, await handleDev(method, path, body.value, allowedOrigin), allowedOrigin);
      return;
    }
    if (unreachable) {
      request.socket.destroy();
      return;
    }
    const refused = await authenticate(request);
    if (refused) {
      send(response, refused, allowedOrigin);
      return;
    }
    const answer = await handleApi(method, path, requestUrl.searchParams, body.value);
    if (answer === 'drop') {
      request.socket.destroy();
      return;
    }
    send(response, answer, allowedOrigin);
  };

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((onListening, onError) => {
    server.once('error', onError);
    server.listen(options.port ?? 0, host, () => onListening());
  });
  const address = server.address() as AddressInfo;
  url = `http://${host}:${address.port}/`;
  return {
    url,
    emulator,
    close: () =>
      new Promise<void>((done) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => done());
      }),
  };
}

function send(response: ServerResponse, answer: Answer, allowedOrigin: string | undefined) {
  const headers: Record<string, string> = { Vary: 'Origin', ...answer.headers };
  if (allowedOrigin) {
    headers['Access-Control-Allow-Origin'] = allowedOrigin;
    headers['Access-Control-Allow-Headers'] = 'Authorization, Content-Type, x-api-key';
    headers['Access-Control-Allow-Methods'] = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
    headers['Access-Control-Max-Age'] = '600';
  }
  if (answer.status === 204 || answer.body === null || answer.body === undefined) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  if (typeof answer.body === 'string' && headers['Content-Type']) {
    response.writeHead(answer.status, headers).end(answer.body);
    return;
  }
  headers['Content-Type'] = 'application/json; charset=utf-8';
  response.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
}

/** Compares in constant time: equal-length digests, so neither length nor content leaks. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function unauthorized(message: string): Answer {
  return { status: 401, body: { message }, headers: { 'WWW-Authenticate': 'Bearer' } };
}

async function readJson(
  request: IncomingMessage,
  maxBytes: number,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) {
      return { ok: false, message: 'The request body is too large.' };
    }
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) {
    return { ok: true, value: undefined };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: 'The request body is not JSON.' };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

// Run directly (not imported by a test or another script): serve the demo's CRM.
if (/api-server\.[mc]?[jt]s$/.test(process.argv[1] ?? '')) {
  startApiServer({ port: Number(argument('port') ?? DEFAULT_API_PORT) }).then(
    (server) => console.log(`Lime CRM API (emulated): ${server.url}api/v1/`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
