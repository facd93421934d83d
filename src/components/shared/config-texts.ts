// Texts the configuration widgets share: translated issues and select options.
import type { Option } from '@limetech/lime-elements';
import { CUSTOM_FIELD_PREFIX, type Issue, type NamedOption } from '../../config';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * An issue in the reader's language (by its code), its English message when untranslated. Raw
 * values in its params (a contact field, a property type) are put in words here, in one place.
 */
export function issueText(t: Translate, issue: Issue): string {
  const key = `config.issue.${issue.code}`;
  const text = t(key, readableParams(t, issue));
  return text === key ? issue.message : text;
}

function readableParams(t: Translate, issue: Issue): Record<string, string | number> | undefined {
  if (!issue.params) {
    return undefined;
  }
  const params = { ...issue.params };
  (['contactField', 'earlier', 'later'] as const).forEach((name) => {
    const value = params[name];
    if (typeof value === 'string') {
      params[name] = contactFieldLabel(t, value);
    }
  });
  const { type, expected } = params;
  if (issue.code === 'value-wrong-type' || issue.code === 'property-value-wrong-type') {
    params.expected = wordFor(t, 'config.value_type', String(expected));
  }
  if (issue.code === 'conversation-property-wrong-type') {
    params.expected = wordFor(t, 'config.property_type', String(expected));
  }
  if (typeof type === 'string') {
    params.type = wordFor(t, 'config.property_type', type);
  }
  return params;
}

/** A property type in words ("a text property"). */
export function propertyTypeText(t: Translate, type: string): string {
  return wordFor(t, 'config.property_type', type);
}

function wordFor(t: Translate, group: string, value: string): string {
  const key = `${group}.${value}`;
  const text = t(key);
  return text === key ? t(`${group}.other`) : text;
}

/**
 * A Lime Connect contact field as words inside a sentence ("email", "custom field “customerNo”"),
 * never its key.
 */
export function contactFieldLabel(t: Translate, field: string): string {
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    return t('config.contact_field.custom_named', { key: field.slice(CUSTOM_FIELD_PREFIX.length) });
  }
  const key = `config.contact_field.${field}`;
  const text = t(key);
  return text === key ? field : text.toLocaleLowerCase();
}

/** The helper text of a field: its first error, else its first warning. */
export function fieldProblem(
  t: Translate,
  errors: readonly Issue[],
  warnings: readonly Issue[],
): { invalid: boolean; text?: string } {
  if (errors.length) {
    return { invalid: true, text: issueText(t, errors[0]) };
  }
  if (warnings.length) {
    return { invalid: false, text: `⚠ ${issueText(t, warnings[0])}` };
  }
  return { invalid: false };
}

/** limel-select options from named options, keeping a stored value the CRM lacks visible. */
export function selectOptions(options: readonly NamedOption[], current?: string): Option[] {
  const list: Option[] = options.map((option) => ({ text: option.text, value: option.value }));
  if (current && !options.some((option) => option.value === current)) {
    list.unshift({ text: `${current} ?`, value: current });
  }
  return list;
}

/** The option of `options` with `value`, for limel-select's `value`. */
export function selected(
  options: readonly Option[],
  value: string | undefined,
): Option | undefined {
  return value === undefined ? undefined : options.find((option) => option.value === value);
}
