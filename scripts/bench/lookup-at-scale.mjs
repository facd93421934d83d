// Phone lookups at CRM scale: the emulated CRM holds 200,000 persons whose mobile numbers are
// written in the formats people use. Per phone lookup: rows fetched and queries made, the engine's
// (src/lookup/: the last four digits in their written groupings, one capped page) beside the naive
// way it used to be done (every value containing the last two digits, paged to the end), same run.
// Runs in node: the real engine over the real emulator query evaluation.
import { tsImport } from 'tsx/esm/api';

export const name = 'lookup-at-scale';

const PERSONS = 200_000;
const LOOKUPS = 12;
const TARGET = { rows: 500, queries: 2 };

// Deterministic, so every run measures the same CRM.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** How Swedish numbers are written in a CRM: national digits `nsn` (e.g. 701234567). */
const FORMATS = [
  (n) => `+46 ${n.slice(0, 2)}-${n.slice(2, 5)} ${n.slice(5, 7)} ${n.slice(7)}`,
  (n) => `0${n.slice(0, 2)}-${n.slice(2, 5)} ${n.slice(5, 7)} ${n.slice(7)}`,
  (n) => `0${n}`,
  (n) => `+46${n}`,
  (n) => `0${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5, 7)} ${n.slice(7)}`,
  (n) => `+46 (0)${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5, 7)} ${n.slice(7)}`,
  (n) => `0046 ${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5, 7)} ${n.slice(7)}`,
  (n) => `0${n.slice(0, 2)}-${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6)}`,
  (n) => `0${n.slice(0, 2)}-${n.slice(2)}`,
  (n) => `0${n.slice(0, 2)}.${n.slice(2, 5)}.${n.slice(5, 7)}.${n.slice(7)}`,
];

function mobileNsn(next) {
  const digits = Array.from({ length: 7 }, () => Math.floor(next() * 10)).join('');
  return `7${[0, 2, 3, 6][Math.floor(next() * 4)]}${digits}`;
}

/** How phone rules were run before: last two digits, and every page until a short one. */
function naiveFilter(property, e164) {
  const [tens, ones] = e164.replace(/\D/g, '').slice(-2);
  return {
    op: 'AND',
    exp: [
      { key: property, op: '!', exp: '' },
      {
        op: 'OR',
        exp: [`${tens}${ones}`, `${tens} ${ones}`, `${tens}-${ones}`, `${tens}.${ones}`].map(
          (exp) => ({ key: property, op: '?', exp }),
        ),
      },
    ],
  };
}

async function naiveLookup(e164, execute, normalizePhone) {
  const page = 500;
  const matches = [];
  for (let offset = 0; ; offset += page) {
    const { objects } = await execute({
      limetype: 'person',
      filter: naiveFilter('mobilephone', e164),
      limit: page,
      offset,
      orderBy: [{ _id: 'ASC' }],
      responseFormat: { object: { _id: null, _descriptive: null, mobilephone: null } },
    });
    matches.push(...objects.filter((object) => normalizePhone(object.mobilephone) === e164));
    if (objects.length < page) {
      return matches.map((object) => object._id);
    }
  }
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    max: sorted[sorted.length - 1],
  };
}

export async function run({ log }) {
  const {
    runLookupSequence,
    Database,
    executeQuery,
    createLimeTypes,
    normalizePhone,
    LOOKUP_CANDIDATE_PAGE,
    ok,
  } = await tsImport('./lookup-setup.ts', import.meta.url);

  const limetypes = createLimeTypes();
  const db = new Database(limetypes);
  const next = random(20261128);
  const numbers = [];
  log(`lookup-at-scale: creating ${PERSONS} persons …`);
  db.batch(() => {
    for (let index = 0; index < PERSONS; index++) {
      const nsn = mobileNsn(next);
      const written = FORMATS[index % FORMATS.length](nsn);
      const person = db.create('person', { firstname: `P${index}`, mobilephone: written });
      numbers.push({ id: person.id, e164: `+46${nsn}` });
    }
  });

  let queries = 0;
  let rows = 0;
  const execute = async (query) => {
    queries += 1;
    const response = executeQuery(db, limetypes, query);
    rows += response.objects.length;
    return response;
  };
  const rule = {
    contactField: 'mobileNumber',
    limetype: 'person',
    property: 'mobilephone',
    match: 'phone',
  };

  const measure = async (label, lookup) => {
    const perLookup = { rows: [], queries: [], ms: [] };
    for (let index = 0; index < LOOKUPS; index++) {
      const wanted = numbers[Math.floor((index + 0.5) * (PERSONS / LOOKUPS))];
      queries = 0;
      rows = 0;
      const started = performance.now();
      const ids = await lookup(wanted.e164);
      perLookup.ms.push(performance.now() - started);
      if (!ids.includes(wanted.id)) {
        throw new Error(`${label} did not find person ${wanted.id} by ${wanted.e164}`);
      }
      perLookup.rows.push(rows);
      perLookup.queries.push(queries);
    }
    return {
      rowsFetched: summary(perLookup.rows),
      queries: summary(perLookup.queries),
      emulatorMsMedian: Number(summary(perLookup.ms).median.toFixed(1)),
    };
  };

  const engine = await measure('engine', async (e164) => {
    // The engine calls the CRM port's shape: an answer is a result value.
    const result = await runLookupSequence([rule], { mobileNumber: e164 }, async (query) =>
      ok(await execute(query)),
    );
    return result.found ? result.objects.map((object) => object.id) : [];
  });
  const naive = await measure('naive', (e164) => naiveLookup(e164, execute, normalizePhone));
  log(
    `lookup-at-scale: engine ${engine.rowsFetched.median} rows in ${engine.queries.median} ` +
      `queries, naive ${naive.rowsFetched.median} rows in ${naive.queries.median} queries`,
  );
  return {
    persons: PERSONS,
    formats: FORMATS.length,
    lookups: LOOKUPS,
    candidatePageCap: LOOKUP_CANDIDATE_PAGE,
    target: TARGET,
    engine,
    naiveLastTwoDigitsPaged: naive,
    meetsTarget: engine.rowsFetched.max <= TARGET.rows && engine.queries.max <= TARGET.queries,
  };
}
