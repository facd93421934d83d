// What the Portal reads before it can do anything: which Lime Connect origins may talk to it, the
// lookup rules, the views, the default country and the webclient link (and, when it is not served
// by the CRM itself, where the CRM is). The Portal runs outside the webclient, so it has no
// platform to ask: `portal-config.json` beside its index.html holds this, publicly. So it carries
// nothing else, and never a secret: `derivePortalBootstrap` writes it from the package config.
import { z } from 'zod';
import type { ConversationsConfig, LookupRule, PortalView } from '../config/config.types';
import { lookupRuleSchema, portalViewSchema } from '../config/schema';
import { DEFAULT_PHONE_COUNTRY } from '../lookup/normalize';

/** The Portal's bootstrap, checked, with `crmUrl` resolved. */
export interface PortalBootstrap {
  /** The CRM application's base URL, under which `api/v1/` lives. */
  crmUrl: string;
  allowedOrigins: string[];
  lookupRules: LookupRule[];
  views: PortalView[];
  defaultCountry: string;
  /** *View in CRM* links (may hold `{limetype}` and `{id}`); '' for none. Always http(s). */
  webclientUrl: string;
}

export type BootstrapResult =
  { ok: true; bootstrap: PortalBootstrap } | { ok: false; message: string };

// Keys that name a secret, wherever they are: the file is public.
const SECRET_KEY =
  /api[-_]?key|secret|token|passw(or)?d|passphrase|credential|private[-_]?key|authori[sz]ation|cookie|media[-_]?import/i;

const NOT_HTTP = 'must be an http(s) URL';
const WITH_CREDENTIALS = 'must not hold a user name or password';

function httpUrl(options: { allowEmpty: boolean }) {
  return z.string().superRefine((value, context) => {
    if (options.allowEmpty && value === '') {
      return;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: 'custom', message: `${NOT_HTTP}, not "${value}"` });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      context.addIssue({ code: 'custom', message: `${NOT_HTTP}, not ${url.protocol} "${value}"` });
    } else if (url.username || url.password) {
      context.addIssue({ code: 'custom', message: WITH_CREDENTIALS });
    }
  });
}

const originSchema = z.string().superRefine((value, context) => {
  if (value.trim() === 'null') {
    context.addIssue({
      code: 'custom',
      message:
        '"null" is the origin of sandboxed and local pages, which any page can be: list the Lime Connect origin, e.g. https://app.lime-connect.com',
    });
    return;
  }
  let origin = '';
  try {
    const url = new URL(value);
    origin = url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : '';
  } catch {
    origin = '';
  }
  if (origin !== value) {
    context.addIssue({
      code: 'custom',
      message: `"${value}" is not an origin: write scheme://host[:port] with no path, e.g. https://app.lime-connect.com`,
    });
  }
});

const bootstrapSchema = z.strictObject({
  crmUrl: httpUrl({ allowEmpty: false }).optional(),
  allowedOrigins: z
    .array(originSchema, { error: 'must list the Lime Connect origins that may frame the Portal' })
    .min(1, 'must list at least one Lime Connect origin'),
  lookupRules: z.array(lookupRuleSchema).default(() => []),
  views: z.array(portalViewSchema).default(() => []),
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO country code, e.g. SE')
    .default(DEFAULT_PHONE_COUNTRY),
  webclientUrl: httpUrl({ allowEmpty: true }).default(''),
});

/**
 * Where the CRM is when the bootstrap does not say: the application the page is served under. Lime
 * serves a package's static content below the application (`<app>/static/<package>/…`), so the
 * CRM is the path before `/static/`; elsewhere the origin's root.
 */
export function defaultCrmUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  const staticAt = url.pathname.indexOf('/static/');
  return `${url.origin}${staticAt >= 0 ? url.pathname.slice(0, staticAt + 1) : '/'}`;
}

/**
 * Checks the bootstrap JSON the Portal was served (`pageUrl` is the Portal page's own URL, for
 * the default `crmUrl`). Refuses a secret anywhere in it, anything the Portal does not need, a
 * webclient URL that is not http(s) and an origin that is not one; the message says what is wrong.
 */
export function parsePortalBootstrap(json: unknown, pageUrl: string): BootstrapResult {
  const secret = secretPath(json);
  if (secret) {
    return {
      ok: false,
      message: `${secret}: portal-config.json is public and must hold no secret; derive it from the package config with \`npm run portal-config\`.`,
    };
  }
  const parsed = bootstrapSchema.safeParse(json);
  if (!parsed.success) {
    // Stray keys first: the commonest mistake is serving the package config itself.
    const issues = parsed.error.issues;
    const issue = issues.find((each) => each.code === 'unrecognized_keys') ?? issues[0];
    const where = issue.path.join('.') || 'portal-config.json';
    if (issue.code === 'unrecognized_keys') {
      return {
        ok: false,
        message: `${where}: ${issue.keys.map((key) => `"${key}"`).join(', ')} is not for the Portal; portal-config.json holds only crmUrl, allowedOrigins, lookupRules, views, defaultCountry and webclientUrl (\`npm run portal-config\` writes it).`,
      };
    }
    return { ok: false, message: `${where}: ${issue.message}` };
  }
  const { crmUrl, ...rest } = parsed.data;
  return { ok: true, bootstrap: { ...rest, crmUrl: crmUrl ?? defaultCrmUrl(pageUrl) } };
}

/** The path of the first key that names a secret (`mediaImport.apiKey` → `mediaImport`), if any. */
function secretPath(json: unknown): string | undefined {
  // Iterative, so that no nesting depth can overflow the stack.
  const pending: { value: unknown; path: string }[] = [{ value: json, path: '' }];
  while (pending.length > 0) {
    const { value, path } = pending.pop() as { value: unknown; path: string };
    if (typeof value !== 'object' || value === null) {
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && SECRET_KEY.test(key)) {
        return childPath;
      }
      pending.push({ value: child, path: childPath });
    }
  }
  return undefined;
}

/** The bootstrap as it is written to portal-config.json: what `parsePortalBootstrap` reads. */
export interface PortalBootstrapJson {
  crmUrl?: string;
  allowedOrigins: string[];
  lookupRules: LookupRule[];
  views: PortalView[];
  defaultCountry: string;
  webclientUrl: string;
}

/**
 * The Portal's bootstrap from the package config: only what the Portal needs. Leave `crmUrl` out
 * when the Portal is served by the CRM itself (its default).
 */
export function derivePortalBootstrap(
  config: ConversationsConfig,
  crmUrl?: string,
): PortalBootstrapJson {
  return {
    ...(crmUrl ? { crmUrl } : {}),
    allowedOrigins: [...config.portal.allowedOrigins],
    lookupRules: structuredClone(config.lookupRules),
    views: structuredClone(config.portal.views),
    defaultCountry: config.defaultCountry,
    webclientUrl: config.portal.webclientUrl,
  };
}
