// Reads one postMessage payload into a typed event or action. Never throws: whatever arrives,
// the answer is `{ ok: true, … }` or `{ ok: false, reason }`.
import type { z } from 'zod';
import {
  addonActionSchema,
  addonActionSchemas,
  addonEventSchema,
  addonEventSchemas,
  type AddonActionName,
  type AddonEventName,
} from './schemas';
import type {
  ParseActionResult,
  ParseEventResult,
  ParseFailure,
  ParseIssue,
} from './lime-connect.types';

/** Keys no Lime Connect message has, and that could reach an object's prototype when copied. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 8;
const MAX_NODES = 100_000;
const MAX_TOTAL_TEXT = 5_000_000;

/** Parses a message the Message Center sent to the add-on (`transcript`, `contact_information`, …). */
export function parseAddonEvent(data: unknown): ParseEventResult {
  const result = parseNamed(data, addonEventSchemas, addonEventSchema);
  return result.ok ? { ok: true, event: result.value } : result;
}

/** Parses a message an add-on sent to the Message Center (`ready`, `toast`, …). */
export function parseAddonAction(data: unknown): ParseActionResult {
  const result = parseNamed(data, addonActionSchemas, addonActionSchema);
  return result.ok ? { ok: true, action: result.value } : result;
}

/** True for the names of the events the Message Center sends. */
export function isAddonEventName(name: unknown): name is AddonEventName {
  return typeof name === 'string' && Object.hasOwn(addonEventSchemas, name);
}

/** True for the names of the actions an add-on sends. */
export function isAddonActionName(name: unknown): name is AddonActionName {
  return typeof name === 'string' && Object.hasOwn(addonActionSchemas, name);
}

function parseNamed<T>(
  data: unknown,
  schemas: Record<string, unknown>,
  schema: z.ZodType<T>,
): { ok: true; value: T } | ParseFailure {
  try {
    if (!isPlainRecord(data) || typeof data.name !== 'string') {
      return { ok: false, reason: 'not-a-message' };
    }
    const name = data.name.slice(0, 100);
    if (!Object.hasOwn(schemas, data.name)) {
      return { ok: false, reason: 'unknown-name', name };
    }
    const hostility = findHostility(data);
    if (hostility) {
      return { ok: false, reason: 'hostile', name, issues: [hostility] };
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      return {
        ok: false,
        reason: 'invalid-payload',
        name,
        issues: parsed.error.issues.slice(0, 10).map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        })),
      };
    }
    return { ok: true, value: parsed.data };
  } catch {
    // A getter or proxy in a same-realm object can throw while being read; that is hostile too.
    return { ok: false, reason: 'hostile' };
  }
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Walks the message once, without recursion, looking for what no honest message carries. */
function findHostility(data: unknown): ParseIssue | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [
    { value: data, depth: 0, path: '' },
  ];
  let nodes = 0;
  let totalText = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    nodes += 1;
    if (nodes > MAX_NODES) {
      return { path, message: 'Too many values' };
    }
    if (typeof value === 'string') {
      totalText += value.length;
      if (totalText > MAX_TOTAL_TEXT) {
        return { path, message: 'Too much text' };
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) {
      continue;
    }
    if (depth >= MAX_DEPTH) {
      return { path, message: 'Nested too deep' };
    }
    if (Array.isArray(value)) {
      value.forEach((child: unknown, index) =>
        stack.push({ value: child, depth: depth + 1, path: `${path}.${index}` }),
      );
      continue;
    }
    if (!isPlainRecord(value)) {
      return { path, message: 'Not plain data' };
    }
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string' || FORBIDDEN_KEYS.has(key)) {
        return { path, message: `Forbidden key ${String(key)}` };
      }
      stack.push({ value: value[key], depth: depth + 1, path: path ? `${path}.${key}` : key });
    }
  }
  return undefined;
}
