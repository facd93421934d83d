// Fault injection for the emulated http and query services (latency, errors, timeouts, network
// failures) and access control (the limetype ACL and objects denied one by one).
import type { Acl, LimeTypes } from '../lime';
import type { RestAccess } from './rest';

export interface FaultMatch {
  /** HTTP method, any case; any method when absent. */
  method?: string;
  /** A text the URL contains, or a pattern it matches; any URL when absent. */
  url?: string | RegExp;
}

export type Fault =
  | {
      kind: 'error';
      match?: FaultMatch;
      /** Default 500. */
      status?: number;
      message?: string;
      /** How many requests fail; unlimited when absent. */
      times?: number;
    }
  | {
      /** The request never answers: it rejects with a `TimeoutError` after `faults.timeoutMs`. */
      kind: 'timeout';
      match?: FaultMatch;
      times?: number;
      /** The server handles the request, only the answer is lost (a write that did happen). */
      handled?: boolean;
    }
  | {
      /** The server is unreachable: rejects at once with status 0. */
      kind: 'network';
      match?: FaultMatch;
      times?: number;
      handled?: boolean;
    };

export class Faults implements RestAccess {
  /** How long a `timeout` fault waits before rejecting. */
  timeoutMs = 2000;
  private latencyMs = 0;
  private rules: { fault: Fault; remaining: number }[] = [];
  private denied = new Set<string>();
  private aclOverrides: Record<string, Partial<Acl>> = {};
  private listeners = new Set<() => void>();

  constructor(private readonly limetypes: () => LimeTypes) {}

  /** Every http and query request waits this long before it is handled. */
  setLatency(ms: number): void {
    this.latencyMs = Math.max(0, ms);
  }

  get latency(): number {
    return this.latencyMs;
  }

  /** Adds a fault; returns a function that removes it again. */
  add(fault: Fault): () => void {
    const rule = { fault, remaining: fault.times ?? Infinity };
    this.rules.push(rule);
    return () => {
      this.rules = this.rules.filter((each) => each !== rule);
    };
  }

  /** Denies access to one object: 403 on GET/PATCH/DELETE, left out of lists and queries. */
  deny(limetype: string, id: number): void {
    this.denied.add(`${limetype}:${id}`);
  }

  allow(limetype: string, id: number): void {
    this.denied.delete(`${limetype}:${id}`);
  }

  /** Overrides a limetype's ACL, e.g. `setAcl('conversation', { create: false })`. */
  setAcl(limetype: string, acl: Partial<Acl>): void {
    this.aclOverrides[limetype] = { ...this.aclOverrides[limetype], ...acl };
    this.emit();
  }

  /** The ACL of a limetype, overrides applied. */
  aclOf(limetype: string): Acl {
    const base = this.limetypes()[limetype]?.acl ?? {
      read: true,
      create: true,
      update: true,
      delete: true,
    };
    return { ...base, ...this.aclOverrides[limetype] };
  }

  /** Removes every fault, the latency, the denials and the ACL overrides. */
  clear(): void {
    const hadAcl = Object.keys(this.aclOverrides).length > 0;
    this.latencyMs = 0;
    this.rules = [];
    this.denied.clear();
    this.aclOverrides = {};
    this.timeoutMs = 2000;
    if (hadAcl) {
      this.emit();
    }
  }

  /** The fault that applies to this request, counting it as used; undefined when none. */
  take(method: string, url: string): Fault | undefined {
    const rule = this.rules.find(
      ({ fault, remaining }) => remaining > 0 && matches(fault.match, method, url),
    );
    if (!rule) {
      return undefined;
    }
    rule.remaining -= 1;
    if (rule.remaining <= 0) {
      this.rules = this.rules.filter((each) => each !== rule);
    }
    return rule.fault;
  }

  /** Calls back when the ACL changes (the limetypes state shows it). */
  onAclChange(callback: () => void): () => void {
    this.listeners.add(callback);
    return () => {
      this.listeners.delete(callback);
    };
  }

  canReadLimetype(limetype: string): boolean {
    return this.aclOf(limetype).read;
  }

  isDenied(limetype: string, id: number): boolean {
    return this.denied.has(`${limetype}:${id}`);
  }

  allows(limetype: string, action: keyof Acl): boolean {
    return this.aclOf(limetype)[action];
  }

  private emit(): void {
    for (const listener of [...this.listeners]) {
      listener();
    }
  }
}

function matches(match: FaultMatch | undefined, method: string, url: string): boolean {
  if (!match) {
    return true;
  }
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) {
    return false;
  }
  if (match.url instanceof RegExp) {
    match.url.lastIndex = 0; // a /g pattern remembers where it stopped
    return match.url.test(url);
  }
  return match.url === undefined || url.includes(match.url);
}
