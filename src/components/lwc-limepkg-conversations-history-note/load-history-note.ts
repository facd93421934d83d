// Reads the `note` of a history object through the platform's http service.
// zod/mini: the history note's path must load little (see `npm run bench -- size`).
import { z } from 'zod/mini';
import { httpFailureOf } from '../../lime';
import type { HttpFailure, HttpService, LimeContext } from '../../lime';

export type HistoryNoteLoad =
  | { ok: true; text: string }
  | { ok: false; reason: 'no-history' | 'bad-response' | HttpFailure; message?: string };

const HistoryObject = z.object({ note: z.nullish(z.string()) });

/** The note text of the history object in `context`, or why there is none. Never rejects. */
export async function loadHistoryNote(
  http: HttpService | undefined,
  context: LimeContext | undefined | null,
): Promise<HistoryNoteLoad> {
  const id = context?.id;
  if (!http || typeof id !== 'number' || (context?.limetype && context.limetype !== 'history')) {
    return { ok: false, reason: 'no-history' };
  }
  try {
    const response: unknown = await http.get(`api/v1/limeobject/history/${id}/`);
    const parsed = HistoryObject.safeParse(response);
    if (!parsed.success) {
      return { ok: false, reason: 'bad-response' };
    }
    return { ok: true, text: parsed.data.note ?? '' };
  } catch (error) {
    const failure = httpFailureOf(error);
    return {
      ok: false,
      reason: failure ?? 'server',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
