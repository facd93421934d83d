// Lime Query through the webclient's query service, answered as the CRM port answers: a failure
// is a `CrmFailure` value. The service rejects with an error carrying the HTTP status (0 when the
// network failed); a timeout is an error named `TimeoutError`.
import { z } from 'zod/mini';
import { fail, failureForStatus, ok, type CrmResult } from '../crm';
import { httpFailureOf } from './http-errors';
import type { LimeQuery, LimeQueryResponse, QueryService } from './types';

const statusSchema = z.object({ status: z.number() });

/** Runs `query` on the webclient's query service; never rejects. */
export async function queryThroughService(
  service: QueryService,
  query: LimeQuery,
): Promise<CrmResult<LimeQueryResponse>> {
  try {
    return ok(await service.execute(query));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (httpFailureOf(error) === 'timeout') {
      return fail({ kind: 'timeout', message });
    }
    const status = statusSchema.safeParse(error);
    return status.success && status.data.status > 0
      ? fail(failureForStatus(status.data.status, message))
      : fail({ kind: 'unreachable', message });
  }
}
