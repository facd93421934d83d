// What Lime CRM's REST API answers, checked before it is believed: every transport parses its
// answers here. zod/mini: the webclient transport is on the connect dialog's and the history
// note's path, which must load little (see `npm run bench -- size`).
import { z } from 'zod/mini';
import type { LimeQueryResponse } from '../lime/types';
import type { CrmFailure, CrmObject, CrmResult, ResponseSchema } from './crm.types';
import { fail, ok } from './port';

// The real API names the id `_id`; the emulator's REST also `id`. Either is accepted, `id` comes
// out. (No method calls at the top level: they would keep zod in bundles that never parse.)
const LimeObject = z.pipe(
  z.union([z.looseObject({ id: z.int() }), z.looseObject({ _id: z.int() })]),
  z.transform((object: { id: number } | { _id: number }): CrmObject => ({
    ...object,
    id: 'id' in object ? object.id : object._id,
  })),
);

const LimeObjectList = z.looseObject({
  _embedded: z.looseObject({ limeobjects: z.array(LimeObject) }),
});

const QueryAnswer = z.object({
  objects: z.array(z.record(z.string(), z.unknown())),
  aggregates: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
});

const ErrorBody = z.looseObject({
  message: z.optional(z.string()),
  error: z.optional(z.string()),
  detail: z.optional(z.string()),
});

/** `value` read with `schema`, or `invalid-response` saying what was expected. */
export function parseResponse<T>(
  schema: ResponseSchema<T>,
  value: unknown,
  what: string,
): CrmResult<T> {
  const parsed = schema.safeParse(value);
  return parsed.success ? ok(parsed.data) : fail(invalidResponse(what));
}

export function invalidResponse(what: string): CrmFailure {
  return { kind: 'invalid-response', message: `Lime CRM answered with an unexpected ${what}` };
}

export const parseObject = (value: unknown): CrmResult<CrmObject> =>
  parseResponse(LimeObject, value, 'object');

export function parseObjectList(value: unknown): CrmResult<CrmObject[]> {
  const list = parseResponse(LimeObjectList, value, 'list of objects');
  return list.ok ? ok(list.value._embedded.limeobjects) : list;
}

export function parseQueryResponse(value: unknown): CrmResult<LimeQueryResponse> {
  const answer = parseResponse(QueryAnswer, value, 'Lime Query response');
  return answer.ok
    ? ok({ objects: answer.value.objects, aggregates: answer.value.aggregates ?? {} })
    : answer;
}

/** The server's own words for a failed request, or `HTTP <status>`; never a page of HTML. */
export function errorMessageOf(body: unknown, status: number): string {
  const parsed = ErrorBody.safeParse(body);
  const fromBody = parsed.success
    ? (parsed.data.message ?? parsed.data.error ?? parsed.data.detail)
    : undefined;
  if (fromBody) {
    return fromBody;
  }
  const plain = typeof body === 'string' ? body.trim().slice(0, 200) : '';
  return plain && !plain.startsWith('<') ? plain : `HTTP ${status}`;
}
