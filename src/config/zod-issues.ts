// The one place where zod's own issues become ours: a code a component translates, and an English
// message of our own. zod's texts ("Too small: expected string…", "Invalid input") never reach a
// reader.
import type { z } from 'zod';
import type { Issue } from './config.types';

/** The codes a shape problem gets; each has a `config.issue.<code>` text. */
export type ShapeIssueCode =
  | 'value-required'
  | 'value-wrong-type'
  | 'value-too-small'
  | 'value-too-large'
  | 'value-not-allowed'
  | 'value-wrong-format'
  | 'invalid-value'
  | 'not-json';

/**
 * Text that is not JSON, and where it stops being JSON (line and column) when the parser says:
 * at the position it names, or at the end when the text ran out.
 */
export function notJsonIssue(text: string, error: unknown): Issue {
  const reason = error instanceof Error ? error.message : '';
  const named = /position (\d+)/.exec(reason);
  const issue: Issue = {
    path: [],
    code: 'not-json',
    message: 'This is not valid JSON: check for a missing quote, comma or bracket.',
  };
  if (!named && !/end of JSON/i.test(reason)) {
    return issue;
  }
  const offset = Math.min(named ? Number(named[1]) : text.length, text.length);
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return {
    ...issue,
    message: `This is not valid JSON (line ${line}, column ${column}): check for a missing quote, comma or bracket.`,
    params: { line, column },
  };
}

type ZodIssue = z.core.$ZodIssue;

/** Our issue for one of zod's. */
export function fromZodIssue(issue: ZodIssue): Issue {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const { code, message, params } = describe(issue);
  return params ? { path, code, message, params } : { path, code, message };
}

function describe(issue: ZodIssue): {
  code: ShapeIssueCode;
  message: string;
  params?: Record<string, string | number>;
} {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) {
        return { code: 'value-required', message: 'A value is needed here.' };
      }
      return {
        code: 'value-wrong-type',
        message: `This needs ${article(issue.expected)}.`,
        params: { expected: String(issue.expected) },
      };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) {
        return { code: 'value-required', message: 'A value is needed here.' };
      }
      return {
        code: 'value-too-small',
        message: `This is less than the smallest allowed (${String(issue.minimum)}).`,
        params: { minimum: Number(issue.minimum) },
      };
    case 'too_big':
      return {
        code: 'value-too-large',
        message: `This is more than the largest allowed (${String(issue.maximum)}).`,
        params: { maximum: Number(issue.maximum) },
      };
    case 'invalid_value':
      return { code: 'value-not-allowed', message: 'Pick one of the offered values.' };
    case 'invalid_format':
      return { code: 'value-wrong-format', message: 'This is not written the way it should be.' };
    default:
      return { code: 'invalid-value', message: 'This value is not valid here.' };
  }
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
