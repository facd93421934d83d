// What the lookup bench runs, imported in one go: the real engine over the emulated CRM.
export { runLookupSequence } from '../../src/lookup/lookup-sequence';
export { Database } from '../../src/emulator/database';
export { executeQuery } from '../../src/emulator/query';
export { createLimeTypes } from '../../src/emulator/schema';
export { seedDemoData } from '../../src/emulator/demo-data';
export { normalizePhone } from '../../src/lookup/normalize';
export { LOOKUP_CANDIDATE_PAGE } from '../../src/lookup/lookup-sequence';
export { ok } from '../../src/crm/port';
