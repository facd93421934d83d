// The add-on side of the Lime Connect postMessage protocol. The window is injected, so this file
// knows no DOM: the Portal passes `window`, the specs pass a fake.
//
// Which origin to post to: the parent's origin is not readable from inside a cross-origin frame.
// The component passes hints (the first of `location.ancestorOrigins`, the referrer's origin);
// the first hint that is exactly one of `allowedOrigins` is the target. Without a usable hint,
// the client posts to each allowed origin in turn: each post names its origin explicitly, and the
// browser delivers only the one that matches the parent (never `*`). The first accepted message
// from the parent then fixes the origin for good.
import type { RejectReason } from './lime-connect.types';
import { parseAddonEvent } from './parse';
import {
  addonActionSchema,
  type AddonActionInput,
  type AddonEvent,
  type AddonEventName,
} from './schemas';

/** What the client needs of a `message` event. */
export interface AddonMessageEvent {
  origin: string;
  source: unknown;
  data: unknown;
}

/** What the client needs of `window`: its message events and its parent. */
export interface AddonHostWindow {
  addEventListener(type: 'message', listener: (event: AddonMessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: AddonMessageEvent) => void): void;
  parent: { postMessage(message: unknown, targetOrigin: string): void };
}

export interface AddonLogger {
  warn(message: string, details?: unknown): void;
}

export interface AddonClientOptions {
  window: AddonHostWindow;
  /** Origins of the Message Center, compared exactly (`https://app.lime-connect.com`). */
  allowedOrigins: readonly string[];
  /** Where the parent probably is (`ancestorOrigins[0]`, the referrer's origin); only allowed ones count. */
  parentOriginHints?: readonly (string | null | undefined)[];
  /** Told once per kind of ignored message, never once per message. */
  logger?: AddonLogger;
  /** How long `requestJwt()` waits for the `jwt_token` event. */
  jwtTimeoutMs?: number;
}

/** Why a message was ignored: the parser's reasons, or where it came from. */
export type IgnoreReason = RejectReason | 'foreign-origin' | 'foreign-source';

export type SendResult = { ok: true } | { ok: false; reason: 'invalid-action' | 'not-started' };

export type JwtFailureReason = 'timeout' | 'refused' | 'stopped' | 'not-started';

/** `requestJwt()` rejects with this. */
export class AddonJwtError extends Error {
  constructor(
    readonly reason: JwtFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'AddonJwtError';
  }
}

export interface AddonClient {
  /** Listens for the Message Center's events and sends `ready`. */
  start(): void;
  /** Stops listening; a pending `requestJwt()` rejects. */
  stop(): void;
  /** Calls `listener` with every accepted event; returns the unsubscribe. */
  subscribe(listener: (event: AddonEvent) => void): () => void;
  /** Validates and posts an action to the Message Center. */
  send(action: AddonActionInput): SendResult;
  /** Asks the Message Center for a fresh JWT. Concurrent calls share one request. */
  requestJwt(): Promise<string>;
  /** The parent's origin, once known. */
  readonly parentOrigin: string | undefined;
  /** How many messages were ignored, by reason. */
  readonly ignored: Readonly<Partial<Record<IgnoreReason, number>>>;
}

export const DEFAULT_JWT_TIMEOUT_MS = 10_000;

export function createAddonClient(options: AddonClientOptions): AddonClient {
  const { window: host, logger } = options;
  const allowed = new Set(options.allowedOrigins.filter((origin) => origin && origin !== '*'));
  const jwtTimeoutMs = options.jwtTimeoutMs ?? DEFAULT_JWT_TIMEOUT_MS;
  const listeners = new Set<(event: AddonEvent) => void>();
  const ignored: Partial<Record<IgnoreReason, number>> = {};
  let parentOrigin = (options.parentOriginHints ?? []).find(
    (hint): hint is string => typeof hint === 'string' && allowed.has(hint),
  );
  let started = false;
  let pendingJwt:
    | {
        promise: Promise<string>;
        resolve: (token: string) => void;
        reject: (error: AddonJwtError) => void;
        timer: ReturnType<typeof setTimeout>;
      }
    | undefined;

  const ignore = (reason: IgnoreReason, details: Record<string, unknown>) => {
    const count = (ignored[reason] ?? 0) + 1;
    ignored[reason] = count;
    if (count === 1) {
      logger?.warn(
        `Lime Connect add-on: ignoring messages (${reason}); further ones silently`,
        details,
      );
    }
  };

  const post = (message: unknown) => {
    const targets = parentOrigin ? [parentOrigin] : [...allowed];
    for (const targetOrigin of targets) {
      host.parent.postMessage(message, targetOrigin);
    }
  };

  const settleJwt = (event: Extract<AddonEvent, { name: 'jwt_token' }>) => {
    if (!pendingJwt) {
      return;
    }
    const { resolve, reject, timer } = pendingJwt;
    pendingJwt = undefined;
    clearTimeout(timer);
    if (event.payload.type === 'success') {
      resolve(event.payload.token);
    } else {
      reject(new AddonJwtError('refused', event.payload.error));
    }
  };

  const onMessage = (message: AddonMessageEvent) => {
    const origin = typeof message.origin === 'string' ? message.origin : '';
    if (!allowed.has(origin) || (parentOrigin !== undefined && origin !== parentOrigin)) {
      ignore('foreign-origin', { origin: origin.slice(0, 200) });
      return;
    }
    if (message.source !== host.parent) {
      ignore('foreign-source', { origin });
      return;
    }
    const parsed = parseAddonEvent(message.data);
    if (!parsed.ok) {
      ignore(parsed.reason, { name: parsed.name, issues: parsed.issues });
      return;
    }
    parentOrigin = origin;
    if (parsed.event.name === 'jwt_token') {
      settleJwt(parsed.event);
    }
    for (const listener of [...listeners]) {
      try {
        listener(parsed.event);
      } catch (error) {
        // One listener's bug must not keep the event from the others.
        logger?.warn('Lime Connect add-on: an event listener failed', error);
      }
    }
  };

  const send = (action: AddonActionInput): SendResult => {
    if (!started) {
      return { ok: false, reason: 'not-started' };
    }
    const parsed = addonActionSchema.safeParse(action);
    if (!parsed.success) {
      return { ok: false, reason: 'invalid-action' };
    }
    post(parsed.data);
    return { ok: true };
  };

  const requestJwt = (): Promise<string> => {
    if (!started) {
      return Promise.reject(new AddonJwtError('not-started', 'The add-on client is not started'));
    }
    if (pendingJwt) {
      return pendingJwt.promise;
    }
    let resolve!: (token: string) => void;
    let reject!: (error: AddonJwtError) => void;
    const promise = new Promise<string>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    const timer = setTimeout(() => {
      pendingJwt = undefined;
      reject(new AddonJwtError('timeout', `No jwt_token within ${jwtTimeoutMs} ms`));
    }, jwtTimeoutMs);
    pendingJwt = { promise, resolve, reject, timer };
    send({ name: 'generate_jwt_token', payload: {} });
    return promise;
  };

  return {
    start() {
      if (started) {
        return;
      }
      started = true;
      host.addEventListener('message', onMessage);
      send({ name: 'ready', payload: {} });
    },
    stop() {
      if (!started) {
        return;
      }
      started = false;
      host.removeEventListener('message', onMessage);
      if (pendingJwt) {
        clearTimeout(pendingJwt.timer);
        pendingJwt.reject(new AddonJwtError('stopped', 'The add-on client stopped'));
        pendingJwt = undefined;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send,
    requestJwt,
    get parentOrigin() {
      return parentOrigin;
    },
    get ignored() {
      return { ...ignored };
    },
  };
}

/** Narrows an event by name, for listeners that care about one kind. */
export function isEvent<N extends AddonEventName>(
  event: AddonEvent,
  name: N,
): event is Extract<AddonEvent, { name: N }> {
  return event.name === name;
}
