// Jest global setup for e2e runs: the Portal's second origin and the emulated CRM over HTTP.
// Stencil's e2e server (its URL is in __STENCIL_BROWSER_URL__) plays Lime Connect's Message Center;
// this starts, on free loopback ports, a static server of www/ for the Portal page (another origin)
// and the API server, and tells the tests where they are through environment variables.
import { startApiServer } from './api-server';
import { startStaticServer } from './static-server';

export const E2E_API_URL = 'LIMEPKG_E2E_API_URL';
export const E2E_PORTAL_URL = 'LIMEPKG_E2E_PORTAL_URL';

declare global {
  // Handed from setup to teardown (same process).
  var limepkgE2eServers: { close(): Promise<void> }[] | undefined;
}

export default async function globalSetup(): Promise<void> {
  const browserUrl = process.env.__STENCIL_BROWSER_URL__;
  if (!browserUrl) {
    return; // a spec-only run: no browser, no servers
  }
  const messageCenter = new URL(browserUrl).origin;
  const portal = await startStaticServer({ root: 'www', port: 0, frameAncestors: [messageCenter] });
  const portalOrigin = new URL(portal.url).origin;
  const api = await startApiServer({
    port: 0,
    portalOrigins: [portalOrigin],
    messageCenterOrigins: [messageCenter],
    webclientUrl: `${messageCenter}/index.html?limetype={limetype}&id={id}`,
  });
  process.env[E2E_PORTAL_URL] = `${portal.url}portal.html`;
  process.env[E2E_API_URL] = api.url;
  globalThis.limepkgE2eServers = [portal, api];
}
