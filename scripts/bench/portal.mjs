// Bench: the Portal, from `contact_information` to the rendered match, with 3 lookup rules (only the
// last one matches) and 50 ms latency on every CRM request, over real HTTP with JWT auth; the
// Portal is framed from another origin and talked to with postMessage, as Lime Connect does.
// Baseline, in the same run against the same server: the naive way (rules one after another, then
// the object, then per section its items and a separate COUNT query, one at a time).
import { tsImport } from 'tsx/esm/api';

export const name = 'portal';

const LATENCY_MS = 50;
const ITERATIONS = 12;
const RULES = [
  { contactField: 'email', limetype: 'person', property: 'email', match: 'case-insensitive' },
  { contactField: 'mobileNumber', limetype: 'person', property: 'mobilephone', match: 'phone' },
  { contactField: 'phoneNumber', limetype: 'person', property: 'phone', match: 'phone' },
];
// Two contacts only the third rule finds, written differently than the CRM stores them.
const CONTACTS = [
  {
    expected: 'Lisa Holm',
    contact: contact('nobody-1@example.com', '+46 70 999 88 01', '+46 31 123 45 67'),
  },
  {
    expected: 'Lars Öberg',
    contact: contact('nobody-2@example.com', '+46 70 999 88 02', '+46 46 18 00 10'),
  },
];

function contact(email, mobileNumber, phoneNumber) {
  return {
    id: '1111',
    name: null,
    email,
    locale: 'en_US',
    mobileNumber,
    phoneNumber,
    salutation: null,
    street: null,
    city: null,
    country: null,
    company: null,
    gender: null,
    customFieldData: {},
  };
}

export async function run({ page, baseUrl, benchPage, log }) {
  const { startApiServer } = await tsImport('../api-server.ts', import.meta.url);
  const { startStaticServer } = await tsImport('../static-server.ts', import.meta.url);
  const { mintDevToken, DEV_API_KEY } = await tsImport('../dev-auth.ts', import.meta.url);
  const messageCenter = new URL(baseUrl).origin;
  const portalServer = await startStaticServer({
    root: 'www',
    port: 0,
    frameAncestors: [messageCenter],
  });
  const portalOrigin = new URL(portalServer.url).origin;
  const api = await startApiServer({
    port: 0,
    portalOrigins: [portalOrigin],
    messageCenterOrigins: [messageCenter],
  });
  try {
    api.emulator.setConfig({ lookupRules: RULES });
    api.emulator.faults.setLatency(LATENCY_MS);
    const token = await mintDevToken();
    const portalUrl = `${portalServer.url}portal.html?config=${encodeURIComponent(`${api.url}portal-config.json`)}`;

    await page.goto(`${baseUrl}${benchPage}`);
    await page.evaluate(installMessageCenter, { portalUrl, portalOrigin, token });
    await page.waitForFunction(() => window.__messageCenter.ready, { timeout: 20_000 });
    const frame = page.frames().find((each) => each.url().startsWith(portalServer.url));

    await frame.evaluate(installProbe);
    const portalMs = [];
    const harnessMs = [];
    for (let i = 0; i < ITERATIONS; i += 1) {
      const { expected, contact } = CONTACTS[i % CONTACTS.length];
      await frame.evaluate((name) => window.__probe.arm(name), expected);
      const started = performance.now();
      await page.evaluate((payload) => window.__messageCenter.send(payload), contact);
      const inFrame = await frame
        .evaluate(() => window.__probe.result)
        .catch(async (error) => {
          const shown = await frame.evaluate(
            () =>
              document.querySelector('lwc-limepkg-conversations-portal')?.shadowRoot?.textContent,
          );
          throw new Error(`The Portal did not show ${expected}; it shows: ${shown}`, {
            cause: error,
          });
        });
      harnessMs.push(performance.now() - started);
      portalMs.push(inFrame);
    }

    const naiveMs = [];
    for (let i = 0; i < ITERATIONS; i += 1) {
      const { expected, contact } = CONTACTS[i % CONTACTS.length];
      const started = performance.now();
      const found = await naiveLookup(api.url, DEV_API_KEY, contact);
      if (found !== expected) {
        throw new Error(`The naive baseline found ${found}, not ${expected}`);
      }
      naiveMs.push(performance.now() - started);
    }
    log(
      `portal ${portalMs.map(Math.round).join(', ')} ms (with the harness ${harnessMs.map(Math.round).join(', ')}); naive ${naiveMs.map(Math.round).join(', ')} ms`,
    );
    return {
      rules: RULES.length,
      matchingRule: 3,
      queryLatencyMs: LATENCY_MS,
      iterations: ITERATIONS,
      portal: summary(portalMs.slice(1)),
      portalFirstContactMs: Math.round(portalMs[0]),
      portalWithHarness: summary(harnessMs.slice(1)),
      naiveSequentialBaseline: summary(naiveMs.slice(1)),
      speedup: Number((median(naiveMs.slice(1)) / median(portalMs.slice(1))).toFixed(2)),
      note:
        'portal: in the cross-origin Portal frame, from contact_information received to the DOM mutation that ' +
        'shows the match with every section count (Stencil writes in an animation frame, painted as it ends); ' +
        'first contact (token + limetype metadata) reported apart. ' +
        'portalWithHarness: the same, timed from the bench, with puppeteer round trips to both frames. ' +
        'naive: rules in sequence, then the object, then per section its items and a separate COUNT, one ' +
        'request at a time (data only, no rendering).',
    };
  } finally {
    await api.close();
    await portalServer.close();
  }
}

/**
 * Runs in the Portal's frame: times each contact from the moment its `contact_information` arrives
 * (a capturing listener runs before the Portal's own) to the DOM mutation that shows the expected
 * match, not dimmed, with every section's count.
 */
function installProbe() {
  let armed;
  const portal = () => document.querySelector('lwc-limepkg-conversations-portal')?.shadowRoot;
  const shown = (name) => {
    const root = portal();
    return (
      root?.querySelector('.descriptive')?.textContent === name &&
      !root.querySelector('.portal.stale') &&
      root.querySelectorAll('.count').length >= 3
    );
  };
  const check = () => {
    if (armed?.receivedAt !== undefined && !armed.done && shown(armed.name)) {
      // Stencil writes the DOM inside an animation frame, which is painted when it ends: the
      // mutation is seen in that same frame, before its paint.
      armed.done = true;
      armed.resolve(performance.now() - armed.receivedAt);
    }
  };
  new MutationObserver(check).observe(portal(), {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
  window.addEventListener(
    'message',
    (event) => {
      if (event.data?.name === 'contact_information' && armed) {
        armed.receivedAt = performance.now();
      }
    },
    true,
  );
  window.__probe = {
    arm(name) {
      let resolve;
      const result = new Promise((done) => (resolve = done));
      armed = { name, resolve, done: false };
      window.__probe.result = Promise.race([
        result,
        new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 20_000)),
      ]);
    },
    result: undefined,
  };
}

/** Runs in the bench page: a minimal Message Center framing the Portal. */
function installMessageCenter({ portalUrl, portalOrigin, token }) {
  const frame = document.createElement('iframe');
  frame.src = portalUrl;
  frame.style.width = '350px';
  frame.style.height = '800px';
  document.body.append(frame);
  const post = (message) => frame.contentWindow.postMessage(message, portalOrigin);
  window.__messageCenter = {
    ready: false,
    send: (payload) => post({ name: 'contact_information', payload }),
  };
  window.addEventListener('message', (event) => {
    if (event.origin !== portalOrigin || event.source !== frame.contentWindow) {
      return;
    }
    if (event.data?.name === 'ready') {
      post({
        name: 'operator_information',
        payload: { id: '1', name: 'Bench', email: 'bench@example.com', locale: 'en_US' },
      });
      window.__messageCenter.ready = true;
    } else if (event.data?.name === 'generate_jwt_token') {
      post({ name: 'jwt_token', payload: { type: 'success', token } });
    }
  });
}

async function naiveLookup(apiUrl, apiKey, contact) {
  const request = async (method, path, body) => {
    const response = await fetch(new URL(path, apiUrl), {
      method,
      headers: { 'Content-Type': 'application/json', 'x-api-key': apiKey },
      body: body ? JSON.stringify(body) : undefined,
    });
    return response.json();
  };
  const query = (body) => request('POST', 'api/v1/query/', body);
  const digits = (text) =>
    String(text ?? '')
      .replace(/\D/g, '')
      .replace(/^0/, '46');
  let match;
  for (const rule of RULES) {
    const value = contact[rule.contactField];
    const filter =
      rule.match === 'phone'
        ? { key: rule.property, op: '!', exp: null }
        : { key: rule.property, op: '=', exp: value };
    const { objects } = await query({
      limetype: rule.limetype,
      filter,
      responseFormat: { object: { _id: null, _descriptive: null, [rule.property]: null } },
    });
    const hits =
      rule.match === 'phone'
        ? objects.filter((o) => digits(o[rule.property]) === digits(value))
        : objects;
    if (hits.length > 0) {
      match = { limetype: rule.limetype, id: hits[0]._id };
      break;
    }
  }
  if (!match) {
    return undefined;
  }
  await request('GET', `api/v1/limetype/${match.limetype}/`);
  const { objects } = await query({
    limetype: match.limetype,
    filter: { key: '_id', op: '=', exp: match.id },
    responseFormat: {
      object: {
        _id: null,
        _descriptive: null,
        email: null,
        phone: null,
        mobilephone: null,
        company: { _descriptive: null },
      },
    },
  });
  for (const relation of ['helpdesk', 'deal', 'history']) {
    const filter = { key: 'person', op: '=', exp: match.id };
    await query({
      limetype: relation,
      filter,
      responseFormat: { object: { _id: null, _descriptive: null } },
      limit: 5,
    });
    await query({
      limetype: relation,
      filter,
      responseFormat: { aggregates: { total: { op: 'COUNT' } } },
    });
  }
  return objects[0]?._descriptive;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summary(values) {
  return {
    medianMs: Math.round(median(values)),
    minMs: Math.round(Math.min(...values)),
    maxMs: Math.round(Math.max(...values)),
  };
}
