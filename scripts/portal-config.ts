// `npm run portal-config -- <package-config.json> [--crm-url URL] [--out portal-config.json]`:
// writes the Portal's bootstrap from the package config as Lime Admin saves it. Only what the
// Portal needs goes in (never `mediaImport.apiKey` or any other secret), and it is checked the way
// the Portal will check it. Leave out --crm-url when the Portal is served by the CRM itself.
import { readFileSync, writeFileSync } from 'node:fs';
import { CONFIG_KEY, parseConfig } from '../src/config';
import {
  derivePortalBootstrap,
  parsePortalBootstrap,
  type PortalBootstrapJson,
} from '../src/lime-connect/portal-bootstrap';

export type PortalConfigResult =
  { ok: true; bootstrap: PortalBootstrapJson } | { ok: false; message: string };

/** The bootstrap for a package config (bare, or under its `limepkg_conversations` key). */
export function portalConfigFrom(packageConfig: unknown, crmUrl?: string): PortalConfigResult {
  const wrapped =
    typeof packageConfig === 'object' && packageConfig !== null && CONFIG_KEY in packageConfig
      ? (packageConfig as Record<string, unknown>)[CONFIG_KEY]
      : packageConfig;
  const config = parseConfig(wrapped);
  if (!config.ok) {
    const issue = config.issues[0];
    return { ok: false, message: `package config ${issue.path.join('.')}: ${issue.message}` };
  }
  const bootstrap = derivePortalBootstrap(config.config, crmUrl);
  // Checked as the Portal checks it, so that what is written is what the Portal accepts.
  const check = parsePortalBootstrap(bootstrap, crmUrl ?? 'https://crm.invalid/');
  return check.ok ? { ok: true, bootstrap } : { ok: false, message: check.message };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (/portal-config\.[mc]?[jt]s$/.test(process.argv[1] ?? '')) {
  const input = process.argv
    .slice(2)
    .find((each, index, all) => !each.startsWith('--') && !all[index - 1]?.startsWith('--'));
  if (!input) {
    console.error(
      'usage: npm run portal-config -- <package-config.json> [--crm-url URL] [--out portal-config.json]',
    );
    process.exit(2);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(input, 'utf8'));
  } catch (error) {
    console.error(`${input}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const result = portalConfigFrom(json, argument('crm-url'));
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  const text = `${JSON.stringify(result.bootstrap, null, 2)}\n`;
  const out = argument('out');
  if (out) {
    writeFileSync(out, text);
    console.error(`wrote ${out}`);
  } else {
    process.stdout.write(text);
  }
}
