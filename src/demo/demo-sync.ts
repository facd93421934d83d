// What the demo's Lime Connect and DCI simulators share: the package config as the emulator holds
// it, the CRM port over the in-browser emulator, and reading values out of lime-elements events.
import { createDefaultConfig, parseConfig, type ConversationsConfig } from '../config';
import { createFetchCrmPort, type CrmFetch, type CrmPort } from '../crm';
import { cardUrl } from '../emulator';
import {
  EMULATOR_BASE_URL,
  createEmulatorCrmPort,
  emulatorFetch,
} from '../emulator/emulator-crm-port';
import { HttpClient, getService, type HttpService } from '../lime';
import { getDemoEmulator } from './demo-emulator';

/** The API URL and key DCI is given in the demo: the in-browser emulated Lime CRM. */
export const DEMO_API_URL = EMULATOR_BASE_URL;
export const DEMO_API_KEY = 'dci-demo-api-key';

/**
 * The demo's application configuration, which in Lime CRM only the server side reads: the Lime
 * Connect API key media import needs lives here, never in the runtime (package) configuration.
 */
export const DEMO_APPLICATION_CONFIG = { mediaImportApiKey: 'lime-connect-demo-api-key' };

/** The package config the emulator holds now (its defaults when none or a broken one is stored). */
export function demoConfig(): ConversationsConfig {
  const stored: unknown = getDemoEmulator().config;
  const parsed = parseConfig(stored);
  return parsed.ok ? parsed.config : createDefaultConfig();
}

export function setDemoResendMode(mode: ConversationsConfig['resendMode']): void {
  const emulator = getDemoEmulator();
  emulator.setConfig({ ...demoConfig(), resendMode: mode });
}

let limeConnectCrm: CrmPort | undefined;

/**
 * The CRM port Lime Connect's side uses in the demo: the emulator, as Lime CRM's REST API. One for
 * the page, so that two sends of one conversation at once are recognised as such.
 */
export function demoCrm(): CrmPort {
  limeConnectCrm ??= createEmulatorCrmPort(
    getService<HttpService>(getDemoEmulator().platform, HttpClient),
  );
  return limeConnectCrm;
}

/**
 * The CRM port DCI builds from the URL and key typed into its settings: the demo's URL reaches the
 * in-browser emulator (which checks the key); any other URL is fetched for real.
 */
export function demoRestCrm(baseUrl: string, apiKey: string): CrmPort {
  const http = getService<HttpService>(getDemoEmulator().platform, HttpClient);
  const toEmulator = emulatorFetch(http, { apiKey: DEMO_API_KEY });
  const demoOrigin = new URL(DEMO_API_URL).origin;
  const routed: CrmFetch = (url, init) =>
    new URL(url).origin === demoOrigin ? toEmulator(url, init) : fetch(url, init);
  return createFetchCrmPort({ baseUrl, auth: { apiKey }, fetch: routed, timeoutMs: 8000 });
}

/** The demo card's URL for an object (the webclient's object link, in the demo). */
export function demoObjectLink(object: { limetype: string; id: number }, tab?: 'history'): string {
  return cardUrl(object.limetype, object.id) + (tab ? `&tab=${tab}` : '');
}

/** The singular name of a limetype in the demo's language. */
export function limetypeName(limetype: string): string {
  return getDemoEmulator().limetypes[limetype]?.localname.singular ?? limetype;
}

/** The descriptive of an object in the emulator, '' when unknown. */
export function descriptiveOf(limetype: string, id: number): string {
  const object = getDemoEmulator().db.get(limetype, id);
  return typeof object?._descriptive === 'string' ? object._descriptive : '';
}
