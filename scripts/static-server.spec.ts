import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer, type StaticServer } from './static-server';

/** A raw GET, so that the malformed path reaches the server as written. */
function get(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(new URL(url), { path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('the static server', () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'static-server-'));
    writeFileSync(join(root, 'index.html'), '<p>hello</p>');
    server = await startStaticServer({ root, frameAncestors: ['http://127.0.0.1:1'] });
  });

  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers 400 to a malformed URL, and goes on serving', async () => {
    expect((await get(server.url, '/%E0%A4%A')).status).toBe(400);
    expect(await get(server.url, '/index.html')).toEqual({ status: 200, body: '<p>hello</p>' });
  });

  it('refuses paths out of its root and says 404 for what is not there', async () => {
    expect((await get(server.url, '/..%2f..%2fetc%2fpasswd')).status).toBe(403);
    expect((await get(server.url, '/nothing.js')).status).toBe(404);
  });
});
