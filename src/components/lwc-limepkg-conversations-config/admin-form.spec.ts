import {
  CONFIG_WIDGETS,
  buildAdminJsonSchema,
  type Issue,
  type JsonSchemaObject,
} from '../../config';
import { formErrorTree, localizeSchema, widgetIssues, widgetOf } from './admin-form';

const t = (key: string) =>
  ({
    'config.schema.topics': 'Ämnen',
    'config.schema.portal.views': 'Vyer i Portalen',
    'config.schema.defaultCountry.description': 'Landskod',
    'config.issue.unknown-limetype': 'Ingen sådan limetyp',
    'config.schema.resendMode.update-note': 'Uppdatera anteckningen',
    'config.schema.portal.allowedOrigins.items': 'Ursprung',
  })[key] ?? key;

const issue = (path: (string | number)[]): Issue => ({
  path,
  code: 'unknown-limetype',
  message: 'There is no limetype "x".',
});

describe('the admin form', () => {
  const schema = buildAdminJsonSchema();

  it('translates titles and descriptions, keeping the English where there is no translation', () => {
    const localized = localizeSchema(schema, t);
    const properties = localized.properties as Record<string, Record<string, unknown>>;
    const portal = properties.portal.properties as Record<string, Record<string, unknown>>;
    expect(properties.topics.title).toBe('Ämnen');
    expect(portal.views.title).toBe('Vyer i Portalen');
    expect(properties.defaultCountry.description).toBe('Landskod');
    expect(properties.lookupRules.title).toBe('Lookup rules');
    expect(properties.topics.lime).toEqual({ component: { name: CONFIG_WIDGETS.topics } });
  });

  it('names every value of an enum, translated, and the items of a list by their own title', () => {
    const properties = localizeSchema(schema, t).properties as Record<string, JsonSchemaObject>;
    expect(properties.resendMode.enum).toBeUndefined();
    expect(properties.resendMode.oneOf).toEqual([
      { const: 'new-note', title: 'Write a new history note' },
      { const: 'update-note', title: 'Uppdatera anteckningen' },
    ]);
    const portal = properties.portal.properties as Record<string, JsonSchemaObject>;
    expect(portal.allowedOrigins.items).toMatchObject({ type: 'string', title: 'Ursprung' });
  });

  it('knows which widget renders a field', () => {
    const properties = schema.properties as Record<string, unknown>;
    expect(widgetOf(properties.lookupRules)).toBe(CONFIG_WIDGETS.lookupRules);
    expect(widgetOf(properties.conversation)).toBe(CONFIG_WIDGETS.conversation);
    expect(widgetOf(properties.defaultCountry)).toBeUndefined();
  });

  it('gives each widget its own issues, relative to its value', () => {
    const errors = [issue(['portal', 'views', 1, 'limetype']), issue(['topics', 0, 'limetype'])];
    expect(widgetIssues(CONFIG_WIDGETS.portalViews, errors, []).errors.map((e) => e.path)).toEqual([
      [1, 'limetype'],
    ]);
    expect(widgetIssues(CONFIG_WIDGETS.lookupRules, errors, [])).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it('puts translated errors in the tree limel-form shows at the fields', () => {
    expect(formErrorTree(t, [issue(['conversation', 'limetype'])])).toEqual({
      conversation: { limetype: ['Ingen sådan limetyp'] },
    });
  });
});
