// The production Portal alone: `stencil.config.portal.ts` builds it (what `npm run build` writes to
// dist/portal/), a plain static server serves that directory and nothing else, a parent page on
// another origin frames it and plays Lime Connect, and it matches a contact against the emulated
// CRM over HTTP. Nothing from www/, no dev URL, no query string.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newE2EPage, type E2EPage } from '@stencil/core/testing';
import type { Frame, Page } from 'puppeteer-core';
import { startApiServer, type ApiServer } from '../../../scripts/api-server';
import { startStaticServer, type StaticServer } from '../../../scripts/static-server';

const PORTAL = 'lwc-limepkg-conversations-portal';
const COMPONENTS_DTS = join('src', 'components.d.ts');

/** Builds the production Portal into `dir`, leaving the dev build's generated types as they were. */
function buildPortal(dir: string) {
  const types = existsSync(COMPONENTS_DTS) ? readFileSync(COMPONENTS_DTS, 'utf8') : undefined;
  try {
    const result = spawnSync('npx', ['stencil', 'build', '--config', 'stencil.config.portal.ts'], {
      env: { ...process.env, LIMEPKG_PORTAL_OUT_DIR: dir },
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`the Portal build failed:\n${result.stdout}\n${result.stderr}`);
    }
  } finally {
    if (types !== undefined) {
      writeFileSync(COMPONENTS_DTS, types);
    }
  }
}

/** Lime Connect's Message Center, reduced to what the add-on protocol needs (seed 002). */
function parentPage(portalUrl: string, apiUrl: string, contact: unknown): string {
  const portalOrigin = new URL(portalUrl).origin;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lime Connect</title></head>
<body><iframe id="portal" title="Portal" src="${portalUrl}" width="360" height="800"></iframe>
<script>
const origin = ${JSON.stringify(portalOrigin)};
const frame = () => document.getElementById('portal').contentWindow;
window.received = [];
window.addEventListener('message', async (event) => {
  if (event.origin !== origin) return;
  window.received.push(event.data && event.data.name);
  if (event.data.name === 'ready') {
    frame().postMessage({ name: 'contact_information', payload: ${JSON.stringify(contact)} }, origin);
  } else if (event.data.name === 'generate_jwt_token') {
    const answer = await fetch(${JSON.stringify(`${apiUrl}dev/token`)}, { method: 'POST' });
    const { token } = await answer.json();
    frame().postMessage({ name: 'jwt_token', payload: { type: 'success', token } }, origin);
  }
});
</script></body></html>`;
}

describe('the built Portal, served alone', () => {
  const dirs: string[] = [];
  let portalServer: StaticServer;
  let parentServer: StaticServer;
  let api: ApiServer;
  let portalDir: string;

  beforeAll(async () => {
    portalDir = mkdtempSync(join(tmpdir(), 'limepkg-portal-'));
    const parentDir = mkdtempSync(join(tmpdir(), 'limepkg-parent-'));
    dirs.push(portalDir, parentDir);
    buildPortal(portalDir);
    parentServer = await startStaticServer({ root: parentDir });
    const parentOrigin = new URL(parentServer.url).origin;
    portalServer = await startStaticServer({ root: portalDir, frameAncestors: [parentOrigin] });
    api = await startApiServer({
      portalOrigins: [new URL(portalServer.url).origin],
      messageCenterOrigins: [parentOrigin],
      webclientUrl: 'https://crm.example.com/lime/webclient/{limetype}/{id}',
    });
    // Hosted on another host than the CRM: portal-config.json names the CRM.
    const bootstrap = await (await fetch(new URL('portal-config.json', api.url))).json();
    writeFileSync(join(portalDir, 'portal-config.json'), JSON.stringify(bootstrap));
    writeFileSync(
      join(parentDir, 'index.html'),
      parentPage(`${portalServer.url}index.html`, api.url, {
        id: '77',
        name: 'F. Ali',
        email: null,
        locale: 'en',
        mobileNumber: null,
        // Stored in the CRM as +4631123456.
        phoneNumber: '031-12 34 56',
        salutation: null,
        street: null,
        city: null,
        country: null,
        company: null,
        gender: null,
        customFieldData: {},
      }),
    );
  }, 300_000);

  afterAll(async () => {
    await Promise.all([portalServer?.close(), parentServer?.close(), api?.close()]);
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it('holds index.html, its own bundle and lime-elements, and no dev URL or query-string config', () => {
    const html = readFileSync(join(portalDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/127\.0\.0\.1|localhost|:333\d|location\.search|URLSearchParams/);
    expect(existsSync(join(portalDir, 'build', 'limepkg-conversations-portal.esm.js'))).toBe(true);
    expect(existsSync(join(portalDir, 'lime-elements', 'lime-elements.esm.js'))).toBe(true);
  });

  it('matches the contact Lime Connect sends against the CRM, framed on another origin', async () => {
    // A plain page of the e2e browser: Stencil's E2EPage only opens its own server's pages.
    const e2ePage = (await newE2EPage()) as E2EPage;
    const puppeteerPage = await (e2ePage as unknown as Page).browser().newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    puppeteerPage.on('request', (request) => requests.push(request.url()));
    puppeteerPage.on('pageerror', (error) => errors.push(String(error)));
    await puppeteerPage.goto(parentServer.url);
    const portal = (): Frame => {
      const frame = puppeteerPage.frames().find((each) => each.url().startsWith(portalServer.url));
      if (!frame) {
        throw new Error('The Portal frame is not there');
      }
      return frame;
    };
    await puppeteerPage.waitForFunction(
      (url) => [...document.querySelectorAll('iframe')].some((frame) => frame.src.startsWith(url)),
      {},
      portalServer.url,
    );
    await portal().waitForFunction(
      (tag) =>
        document.querySelector(tag)?.shadowRoot?.querySelector('.descriptive')?.textContent ===
        'Fatima Ali',
      { timeout: 30_000 },
      PORTAL,
    );
    const link = await portal().evaluate(
      (tag) =>
        document.querySelector(tag)?.shadowRoot?.querySelector('a[href^="https://crm.example.com"]')
          ?.textContent,
      PORTAL,
    );
    expect(link).toBeTruthy();
    expect(
      await puppeteerPage.evaluate(() => (window as unknown as { received: string[] }).received),
    ).toEqual(expect.arrayContaining(['ready', 'generate_jwt_token']));
    // Everything came from the Portal's own directory, the parent, or the CRM.
    const origins = new Set(requests.map((url) => new URL(url).origin));
    expect([...origins].sort()).toEqual(
      [parentServer.url, portalServer.url, api.url].map((url) => new URL(url).origin).sort(),
    );
    expect(errors).toEqual([]);
    await puppeteerPage.close();
    await e2ePage.close();
  });
});
