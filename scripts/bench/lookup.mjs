// The lookup-sequence engine (src/lookup/) against the emulated CRM with 50 ms per query: five
// rules where only the last one matches, the engine's concurrent-but-in-order run against the same
// rules tried one after the other (the naive way), in the same run. Runs in node: the real engine.
import { tsImport } from 'tsx/esm/api';

export const name = 'lookup';

const QUERY_LATENCY_MS = 50;
const RUNS = 20;

// The contact Lime Connect could send: nothing matches until the custom field holding the CRM email.
const CONTACT = {
  email: 'jane.doe@private.example',
  mobileNumber: '0700000001',
  phoneNumber: '08-000 00 01',
  company: 'No Such Company AB',
  customFieldData: { crmEmail: 'Jane@Example.com' },
};

const RULES = [
  { contactField: 'email', limetype: 'person', property: 'email', match: 'case-insensitive' },
  { contactField: 'mobileNumber', limetype: 'person', property: 'mobilephone', match: 'phone' },
  { contactField: 'phoneNumber', limetype: 'person', property: 'phone', match: 'phone' },
  { contactField: 'company', limetype: 'company', property: 'name', match: 'case-insensitive' },
  {
    contactField: 'customFieldData.crmEmail',
    limetype: 'person',
    property: 'email',
    match: 'case-insensitive',
  },
];

function delay(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    medianMs: Number(at(0.5).toFixed(1)),
    p95Ms: Number(at(0.95).toFixed(1)),
    minMs: Number(sorted[0].toFixed(1)),
  };
}

export async function run({ log }) {
  const { runLookupSequence, Database, executeQuery, createLimeTypes, seedDemoData, ok } =
    await tsImport('./lookup-setup.ts', import.meta.url);

  const limetypes = createLimeTypes();
  const db = new Database(limetypes);
  seedDemoData(db);
  let queries = 0;
  const execute = async (query, signal) => {
    queries += 1;
    // The CRM port's shape: an answer or a failure, as a value.
    const answered = await delay(QUERY_LATENCY_MS, signal).then(
      () => true,
      () => false,
    );
    return answered
      ? ok(executeQuery(db, limetypes, query))
      : { ok: false, error: { kind: 'aborted', message: 'aborted' } };
  };

  // The naive way: one rule, wait for its answer, then the next.
  const sequential = async () => {
    for (const [index, rule] of RULES.entries()) {
      const result = await runLookupSequence([rule], CONTACT, execute);
      if (result.found) {
        return { ...result, ruleIndex: index };
      }
    }
    return { found: false };
  };
  const concurrent = () => runLookupSequence(RULES, CONTACT, execute);

  const measure = async (label, lookup) => {
    const samples = [];
    let answer;
    queries = 0;
    for (let index = 0; index < RUNS; index++) {
      const started = performance.now();
      answer = await lookup();
      samples.push(performance.now() - started);
    }
    if (!answer.found || answer.objects[0]?.descriptive !== 'Jane Doe') {
      throw new Error(`${label} did not find Jane Doe by the last rule`);
    }
    return {
      ...stats(samples),
      queriesPerLookup: queries / RUNS,
      matchedRule: answer.ruleIndex + 1,
    };
  };

  const engine = await measure('engine', concurrent);
  const naive = await measure('sequential', sequential);
  log(`lookup: engine ${engine.medianMs} ms, sequential ${naive.medianMs} ms (median of ${RUNS})`);
  return {
    rules: RULES.length,
    queryLatencyMs: QUERY_LATENCY_MS,
    runs: RUNS,
    concurrentInOrder: engine,
    sequential: naive,
    speedup: Number((naive.medianMs / engine.medianMs).toFixed(2)),
  };
}
