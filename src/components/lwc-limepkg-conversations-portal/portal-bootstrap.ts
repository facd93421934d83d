// What the Portal reads before it can do anything: where the CRM is and the package configuration
// (allowed Lime Connect origins, lookup rules, views). The Portal runs outside the webclient, so
// it has no platform to ask: the host serves this JSON beside portal.html (`portal-config.json`).
import { z } from 'zod';
import { parseConfig, type ConversationsConfig } from '../../config';

const bootstrapSchema = z.object({
  /** The CRM application's base URL, under which `api/v1/` lives. */
  crmUrl: z.url({ protocol: /^https?$/ }),
  /** The package configuration, as Lime Admin saves it. */
  config: z.unknown(),
});

export interface PortalBootstrap {
  crmUrl: string;
  config: ConversationsConfig;
}

export type BootstrapResult =
  { ok: true; bootstrap: PortalBootstrap } | { ok: false; message: string };

/** Checks the bootstrap JSON; the message names the first thing that is wrong. */
export function parsePortalBootstrap(json: unknown): BootstrapResult {
  const parsed = bootstrapSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue.path.join('.') || 'config'}: ${issue.message}` };
  }
  const config = parseConfig(parsed.data.config ?? {});
  if (!config.ok) {
    const issue = config.issues[0];
    return { ok: false, message: `config.${issue.path.join('.')}: ${issue.message}` };
  }
  return { ok: true, bootstrap: { crmUrl: parsed.data.crmUrl, config: config.config } };
}
