// Reads the `note` of a history object through the webclient's CRM port (its http service).
// zod/mini: the history note's path must load little (see `npm run bench -- size`).
import { z } from 'zod/mini';
import type { CrmFailure } from '../../crm/crm.types';
import { invalidResponse } from '../../crm/responses';
import { createWebclientCrmPort } from '../../lime/crm-transport';
import type { HttpService, LimeContext } from '../../lime/types';

export type HistoryNoteLoad =
  | { ok: true; text: string }
  | { ok: false; reason: 'no-history' }
  | { ok: false; reason: 'failed'; failure: CrmFailure };

const HistoryObject = z.looseObject({ note: z.nullish(z.string()) });

/** The note text of the history object in `context`, or why there is none. */
export async function loadHistoryNote(
  http: HttpService | undefined,
  context: LimeContext | undefined | null,
): Promise<HistoryNoteLoad> {
  const id = context?.id;
  if (!http || typeof id !== 'number' || (context?.limetype && context.limetype !== 'history')) {
    return { ok: false, reason: 'no-history' };
  }
  const read = await createWebclientCrmPort({ http }).get('history', id);
  if (!read.ok) {
    return { ok: false, reason: 'failed', failure: read.error };
  }
  const parsed = HistoryObject.safeParse(read.value);
  return parsed.success
    ? { ok: true, text: parsed.data.note ?? '' }
    : { ok: false, reason: 'failed', failure: invalidResponse('history note') };
}
