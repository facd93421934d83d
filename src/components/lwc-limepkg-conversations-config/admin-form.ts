// The admin page's form plumbing: the generated schema in the reader's language, which issues go
// to which custom widget, and the error tree limel-form shows at the fields.
import {
  CONFIG_WIDGETS,
  issuesUnder,
  toErrorTree,
  type ErrorTree,
  type Issue,
  type JsonSchemaObject,
} from '../../config';
import { issueText, type Translate } from '../shared/config-texts';

/** Where in the config each custom widget's value lives. */
export const WIDGET_PATHS: Record<string, (string | number)[]> = {
  [CONFIG_WIDGETS.conversation]: ['conversation'],
  [CONFIG_WIDGETS.origins]: ['portal', 'allowedOrigins'],
  [CONFIG_WIDGETS.topics]: ['topics'],
  [CONFIG_WIDGETS.lookupRules]: ['lookupRules'],
  [CONFIG_WIDGETS.portalViews]: ['portal', 'views'],
};

/** The widget a schema node is rendered with, if any. */
export function widgetOf(schema: unknown): string | undefined {
  if (!isObject(schema) || !isObject(schema.lime) || !isObject(schema.lime.component)) {
    return undefined;
  }
  const name = schema.lime.component.name;
  return typeof name === 'string' ? name : undefined;
}

/** A widget's errors and warnings, with paths relative to its value. */
export function widgetIssues(
  widget: string,
  errors: readonly Issue[],
  warnings: readonly Issue[],
): { errors: Issue[]; warnings: Issue[] } {
  const path = WIDGET_PATHS[widget];
  if (!path) {
    return { errors: [], warnings: [] };
  }
  return { errors: issuesUnder(errors, path), warnings: issuesUnder(warnings, path) };
}

/**
 * limel-form's error tree for the fields limel-form renders itself. Issues inside a custom
 * widget are shown by the widget, at its own fields; limel-form only marks the widget invalid.
 */
export function formErrorTree(t: Translate, errors: readonly Issue[]): ErrorTree {
  return toErrorTree(
    errors.filter((issue) => issue.path.length > 0),
    (issue) => issueText(t, issue),
  );
}

/**
 * The schema with titles and descriptions in the reader's language: `config.schema.<path>` and
 * `config.schema.<path>.description`, an enum value's title `config.schema.<path>.<value>`, an
 * array's items `config.schema.<path>.items`; the English of the schema where untranslated.
 */
export function localizeSchema(
  schema: JsonSchemaObject,
  t: Translate,
  path = '',
): JsonSchemaObject {
  const copy: JsonSchemaObject = { ...schema };
  {
    // The root's title is `config.schema.root`.
    const titleKey = `config.schema.${path || 'root'}`;
    const title = t(titleKey);
    if (title !== titleKey) {
      copy.title = title;
    }
    const descriptionKey = `${titleKey}.description`;
    const description = t(descriptionKey);
    if (description !== descriptionKey) {
      copy.description = description;
    }
  }
  if (path && Array.isArray(schema.oneOf)) {
    copy.oneOf = schema.oneOf.map((option) => {
      if (!isObject(option) || typeof option.const !== 'string') {
        return option;
      }
      const key = `config.schema.${path}.${option.const}`;
      const title = t(key);
      return title === key ? option : { ...option, title };
    });
  }
  if (path && isObject(schema.items)) {
    copy.items = localizeSchema(schema.items, t, `${path}.items`);
  }
  if (isObject(schema.properties)) {
    const properties: JsonSchemaObject = {};
    Object.entries(schema.properties).forEach(([key, child]) => {
      properties[key] = isObject(child)
        ? localizeSchema(child, t, path ? `${path}.${key}` : key)
        : child;
    });
    copy.properties = properties;
  }
  return copy;
}

function isObject(value: unknown): value is JsonSchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
