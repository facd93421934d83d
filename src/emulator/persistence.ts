// Keeps the demo's database and config in localStorage, so a page reload keeps what the user did.
import { z } from 'zod';
import type { DatabaseDump } from './database';

const STORAGE_VERSION = 1;

const storedSchema = z.object({
  version: z.literal(STORAGE_VERSION),
  db: z.object({
    objects: z.record(
      z.string(),
      z.array(
        z
          .object({ id: z.number().int(), _createdtime: z.string(), _timestamp: z.string() })
          .catchall(z.unknown()),
      ),
    ),
    nextIds: z.record(z.string(), z.number().int()),
  }),
  config: z.unknown(),
});

export interface StoredState {
  db: DatabaseDump;
  config: unknown;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // some browsers throw on access when storage is disabled
  }
}

/** The state saved under `key`, or undefined when there is none or it is unreadable. */
export function loadState(key: string): StoredState | undefined {
  const store = storage();
  if (!store) {
    return undefined;
  }
  try {
    const text = store.getItem(key);
    if (!text) {
      return undefined;
    }
    const parsed = storedSchema.safeParse(JSON.parse(text));
    return parsed.success ? { db: parsed.data.db, config: parsed.data.config } : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the state; false when the browser refused (storage full or disabled). */
export function saveState(key: string, state: StoredState): boolean {
  const store = storage();
  if (!store) {
    return false;
  }
  try {
    store.setItem(key, JSON.stringify({ version: STORAGE_VERSION, ...state }));
    return true;
  } catch {
    return false;
  }
}

export function clearState(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing saved, nothing to clear
  }
}
