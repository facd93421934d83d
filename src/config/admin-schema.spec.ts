import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  adminConfigFiles,
  staleAdminConfigFiles,
  writeAdminConfigFiles,
} from '../../scripts/admin-config-files';
import { buildAdminJsonSchema, CONFIG_WIDGETS, defaultConfig } from '.';

describe('lime-admin-config', () => {
  it('is up to date with the schema (run `npm run build` when this fails)', () => {
    expect(staleAdminConfigFiles()).toEqual([]);
  });

  it('notices a generated file that no longer matches the schema, and one that is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'admin-config-'));
    writeAdminConfigFiles(dir);
    expect(staleAdminConfigFiles(dir)).toEqual([]);
    const schemaPath = join(dir, 'schema.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    schema.properties.defaultCountry.default = 'NO';
    writeFileSync(schemaPath, JSON.stringify(schema, null, 2));
    expect(staleAdminConfigFiles(dir)).toEqual(['schema.json']);
    expect(staleAdminConfigFiles(join(dir, 'nowhere'))).toEqual(['schema.json', 'defaults.json']);
  });

  it('writes the defaults the config starts from', () => {
    expect(JSON.parse(adminConfigFiles()['defaults.json'])).toEqual(defaultConfig);
  });
});

describe('buildAdminJsonSchema', () => {
  const schema = buildAdminJsonSchema();

  it('is JSON Schema draft-07', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('renders topics, lookup rules and Portal views with the custom widgets', () => {
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    const portal = properties.portal.properties as Record<string, Record<string, unknown>>;
    expect(properties.topics.lime).toEqual({ component: { name: CONFIG_WIDGETS.topics } });
    expect(properties.lookupRules.lime).toEqual({
      component: { name: CONFIG_WIDGETS.lookupRules },
    });
    expect(portal.views.lime).toEqual({ component: { name: CONFIG_WIDGETS.portalViews } });
  });

  it('leaves out the open additionalProperties that would render an "add key" control', () => {
    expect(JSON.stringify(schema)).not.toContain('"additionalProperties":{}');
  });
});
