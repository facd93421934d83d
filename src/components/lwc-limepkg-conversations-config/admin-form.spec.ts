import { CONFIG_WIDGETS, buildAdminJsonSchema, type Issue } from '../../config';
import { formErrorTree, localizeSchema, widgetIssues, widgetOf } from './admin-form';

const t = (key: string) =>
  ({
    'config.schema.topics': 'Ämnen',
    'config.schema.portal.views': 'Vyer i Portalen',
    'config.schema.defaultCountry.description': 'Landskod',
    'config.issue.unknown-limetype': 'Ingen sådan limetyp',
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

  it('knows which widget renders a field', () => {
    const properties = schema.properties as Record<string, unknown>;
    expect(widgetOf(properties.lookupRules)).toBe(CONFIG_WIDGETS.lookupRules);
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
