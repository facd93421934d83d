// The files Lime Admin reads the configuration form from, generated from the zod schema in
// src/config/, and the comparison that tells when the committed ones are stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildAdminDefaults, buildAdminJsonSchema } from '../src/config/admin-schema';

export const ADMIN_CONFIG_DIR = resolve(__dirname, '..', 'lime-admin-config');

/** File name → the exact text it must hold. */
export function adminConfigFiles(): Record<string, string> {
  return {
    'schema.json': toJson(buildAdminJsonSchema()),
    'defaults.json': toJson(buildAdminDefaults()),
  };
}

export function writeAdminConfigFiles(dir: string = ADMIN_CONFIG_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(adminConfigFiles()).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
}

/** The files in `dir` that are missing or differ from what the schema generates. */
export function staleAdminConfigFiles(dir: string = ADMIN_CONFIG_DIR): string[] {
  return Object.entries(adminConfigFiles())
    .filter(([name, text]) => readOrNull(join(dir, name)) !== text)
    .map(([name]) => name);
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
