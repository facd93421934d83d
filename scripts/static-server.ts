// A small static file server for a second local origin: the demo serves www/ once through Stencil's
// dev server (the Message Center stand-in, :3333) and once through this (the Portal, :3334), so the
// two talk across origins as Lime Connect and a hosted Portal do. Loopback only.
//
//   npx tsx scripts/static-server.ts [--port 3334] [--root www] [--frame-ancestors "http://127.0.0.1:3333 …"]
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServerOptions {
  root: string;
  port?: number;
  host?: string;
  /** Origins allowed to frame these pages (`Content-Security-Policy: frame-ancestors`). */
  frameAncestors?: readonly string[];
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const host = options.host ?? '127.0.0.1';
  const csp = options.frameAncestors?.length
    ? `frame-ancestors ${options.frameAncestors.join(' ')}`
    : undefined;
  const server: Server = createServer(async (request, response) => {
    const path = requestPath(request.url);
    if (path === undefined) {
      response.writeHead(400, { 'Content-Type': 'text/plain' }).end('Malformed URL');
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) {
        file = join(file, 'index.html');
      }
      await stat(file);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ...(csp ? { 'Content-Security-Policy': csp } : {}),
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((onListening, onError) => {
    server.once('error', onError);
    server.listen(options.port ?? 0, host, () => onListening());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // A browser keeps idle keep-alive connections open, which would hold close() forever.
        server.closeAllConnections();
      }),
  };
}

/** The decoded path of a request URL; `undefined` when it is malformed (e.g. `/%E0%A4%A`). */
export function requestPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
  } catch {
    return undefined;
  }
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

// Run directly (not imported by a test or another script): serve.
if (/static-server\.[mc]?[jt]s$/.test(process.argv[1] ?? '')) {
  startStaticServer({
    root: argument('root') ?? 'www',
    port: Number(argument('port') ?? 3334),
    frameAncestors: (argument('frame-ancestors') ?? 'http://127.0.0.1:3333 http://localhost:3333')
      .split(/\s+/)
      .filter(Boolean),
  }).then(
    (served) => console.log(`Portal origin: ${served.url}portal.html`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
