// DCI's "Test connection" (seed 001): are the base URL and API key right, and may the key read what
// the integration writes to (person, company, history)? One clear answer per way it can fail.
import type { CrmPort } from '../crm';
import type { ConnectionTest } from './sync.types';

/** The limetypes the DCI integration reads and writes. */
export const DCI_LIMETYPES = ['person', 'company', 'history'] as const;

export async function testDciConnection(crm: CrmPort): Promise<ConnectionTest> {
  const missing: string[] = [];
  for (const limetype of DCI_LIMETYPES) {
    const result = await crm.list(limetype, {}, { limit: 1 });
    if (result.ok) {
      continue;
    }
    const { error } = result;
    switch (error.kind) {
      case 'forbidden':
        missing.push(limetype);
        break;
      case 'unreachable':
      case 'timeout':
      case 'aborted':
        return { ok: false, reason: 'unreachable', message: error.message };
      case 'unauthorized':
        return { ok: false, reason: 'unauthorized', message: error.message };
      case 'not-found':
      case 'invalid-response':
      case 'rejected':
        return { ok: false, reason: 'not-lime-api', message: error.message };
      case 'server-error':
        return { ok: false, reason: 'server-error', message: error.message };
    }
  }
  return missing.length > 0
    ? { ok: false, reason: 'missing-permission', limetypes: missing }
    : { ok: true };
}
