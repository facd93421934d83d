import fc from 'fast-check';
import type { LookupRule } from '../config/config.types';
import { DEFAULT_LOOKUP_RULES } from '../config/demo-defaults';
import { Database } from '../emulator/database';
import { seedDemoData } from '../emulator/demo-data';
import { executeQuery as emulatorQuery } from '../emulator/query';
import { createLimeTypes } from '../emulator/schema';
import { fail, ok } from '../crm';
import type { LimeQuery, LimeQueryResponse } from '../lime/types';
import {
  dciLookupRules,
  LOOKUP_CANDIDATE_PAGE,
  normalizeEmail,
  normalizePhone,
  runLookupSequence,
  type ExecuteQuery,
} from '.';

const limetypes = createLimeTypes();

function demoDatabase() {
  const db = new Database(limetypes);
  const lime = db.create('company', { name: 'Lime Technologies' });
  db.create('person', {
    firstname: 'Jane',
    lastname: 'Doe',
    email: 'Jane.Doe@Example.com',
    mobilephone: '+46 70-123 45 67',
    phone: '046-270 48 00',
    company: lime.id,
  });
  db.create('person', { firstname: 'Sven', lastname: 'Ek', mobilephone: '0709876543' });
  db.create('person', { firstname: 'Anna', lastname: 'Ek', phone: '08-555 123 45' });
  db.create('person', { firstname: 'Bo', lastname: 'Ek', phone: '08555 12345' });
  return db;
}

/** The emulator's query evaluation, recording every query it was given. */
function emulatorExecutor(db = demoDatabase()) {
  const queries: LimeQuery[] = [];
  const execute: ExecuteQuery = async (query) => {
    queries.push(query);
    return ok(emulatorQuery(db, limetypes, query));
  };
  return { execute, queries };
}

const emptyContact = {
  email: null,
  mobileNumber: null,
  phoneNumber: null,
  name: null,
  company: null,
  customFieldData: {},
};

describe('normalizePhone', () => {
  it.each(['+46 70-123 45 67', '070-123 45 67', '0701234567', '+46701234567', '0046 70 123 45 67'])(
    'reads %s as the Swedish mobile +46701234567',
    (input) => expect(normalizePhone(input, 'SE')).toBe('+46701234567'),
  );

  it('reads a number without country code by the default country', () => {
    expect(normalizePhone('0401234567', 'FI')).toBe('+358401234567');
  });

  it('gives null for what is not a phone number', () => {
    expect(normalizePhone('', 'SE')).toBeNull();
    expect(normalizePhone('call me', 'SE')).toBeNull();
    expect(normalizePhone('12', 'SE')).toBeNull();
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases, and gives null for nothing', () => {
    expect(normalizeEmail('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
    expect(normalizeEmail('   ')).toBeNull();
    expect(normalizeEmail(null)).toBeNull();
  });
});

describe('runLookupSequence against the emulated CRM', () => {
  it('finds a person by email, whatever its case', async () => {
    const { execute } = emulatorExecutor();
    const result = await runLookupSequence(
      DEFAULT_LOOKUP_RULES,
      { ...emptyContact, email: ' jane.doe@example.COM ' },
      execute,
    );
    expect(result).toMatchObject({
      found: true,
      ruleIndex: 0,
      limetype: 'person',
      ambiguous: false,
      objects: [{ id: 1001, descriptive: 'Jane Doe', value: 'Jane.Doe@Example.com' }],
    });
  });

  it('finds a person by a differently formatted phone number (+46 70-123 45 67 = 0701234567)', async () => {
    const { execute, queries } = emulatorExecutor();
    const result = await runLookupSequence(
      DEFAULT_LOOKUP_RULES,
      { ...emptyContact, mobileNumber: '0701234567' },
      execute,
    );
    expect(result).toMatchObject({ found: true, ruleIndex: 1, objects: [{ id: 1001 }] });
    // Only what the comparison needs is asked for.
    expect(queries[0].responseFormat.object).toEqual({
      _id: null,
      _descriptive: null,
      mobilephone: null,
    });
  });

  it('says which rules it skipped for empty fields and what the others tried', async () => {
    const { execute } = emulatorExecutor();
    const result = await runLookupSequence(
      DEFAULT_LOOKUP_RULES,
      { ...emptyContact, email: 'nobody@example.com', phoneNumber: '  ', company: 'Acme' },
      execute,
    );
    expect(result).toEqual({
      found: false,
      tried: [
        {
          ruleIndex: 0,
          contactField: 'email',
          limetype: 'person',
          property: 'email',
          value: 'nobody@example.com',
          matches: 0,
        },
        {
          ruleIndex: 1,
          contactField: 'mobileNumber',
          limetype: 'person',
          property: 'mobilephone',
          skipped: 'empty-field',
        },
        {
          ruleIndex: 2,
          contactField: 'phoneNumber',
          limetype: 'person',
          property: 'phone',
          skipped: 'empty-field',
        },
        {
          ruleIndex: 3,
          contactField: 'company',
          limetype: 'company',
          property: 'name',
          value: 'Acme',
          matches: 0,
        },
      ],
    });
  });

  it('says so when one rule matches several objects, and lists them all', async () => {
    const { execute } = emulatorExecutor();
    const result = await runLookupSequence(
      [{ contactField: 'phoneNumber', limetype: 'person', property: 'phone', match: 'phone' }],
      { ...emptyContact, phoneNumber: '+46855512345' },
      execute,
    );
    expect(result).toMatchObject({ found: true, ambiguous: true });
    expect(result.found && result.objects.map((object) => object.descriptive)).toEqual([
      'Anna Ek',
      'Bo Ek',
    ]);
  });

  it('matches DCI participants by email, then mobilephone, then phone', async () => {
    const { execute } = emulatorExecutor();
    const byMobile = await runLookupSequence(
      dciLookupRules,
      { email: 'sven@elsewhere.se', phoneNumber: '+46 709 87 65 43' },
      execute,
    );
    expect(byMobile).toMatchObject({ found: true, ruleIndex: 1, objects: [{ id: 1002 }] });
    const byPhone = await runLookupSequence(
      dciLookupRules,
      { phoneNumber: '046-2704800' },
      execute,
    );
    expect(byPhone).toMatchObject({ found: true, ruleIndex: 2, objects: [{ id: 1001 }] });
  });

  it('matches exactly when told to', async () => {
    const { execute } = emulatorExecutor();
    const rule: LookupRule = {
      contactField: 'name',
      limetype: 'company',
      property: 'name',
      match: 'exact',
    };
    expect(await runLookupSequence([rule], { name: 'Lime Technologies' }, execute)).toMatchObject({
      found: true,
      objects: [{ descriptive: 'Lime Technologies' }],
    });
    expect(await runLookupSequence([rule], { name: 'Lime' }, execute)).toMatchObject({
      found: false,
    });
  });

  it('brings in the same query what the caller asks of each found object', async () => {
    const { execute, queries } = emulatorExecutor();
    const result = await runLookupSequence(
      [{ contactField: 'email', limetype: 'person', property: 'email', match: 'exact' }],
      { email: 'Jane.Doe@Example.com' },
      execute,
      { responseFormat: () => ({ company: { _id: null, _descriptive: null } }) },
    );
    expect(queries).toHaveLength(1);
    expect(result).toMatchObject({
      found: true,
      objects: [{ row: { company: { _descriptive: 'Lime Technologies' } } }],
    });
  });

  it('reads customFieldData.<key> from the contact', async () => {
    const { execute } = emulatorExecutor();
    const rule: LookupRule = {
      contactField: 'customFieldData.work_email',
      limetype: 'person',
      property: 'email',
      match: 'case-insensitive',
    };
    const result = await runLookupSequence(
      [rule],
      { customFieldData: { work_email: ['', 'jane.doe@example.com'] } },
      execute,
    );
    expect(result).toMatchObject({ found: true, objects: [{ id: 1001 }] });
  });
});

/** A fake CRM: each rule's query answers after its own delay, with its own objects. */
function delayedExecutor(plan: Record<string, { delay: number; ids?: number[]; fail?: string }>) {
  const log: string[] = [];
  const aborted: string[] = [];
  const execute: ExecuteQuery = (query, signal) => {
    const property = Object.keys(query.responseFormat.object ?? {}).find(
      (key) => !key.startsWith('_'),
    );
    const step = plan[property ?? ''];
    log.push(`start ${property}`);
    return new Promise((resolve) => {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        log.push(`end ${property}`);
        if (step.fail) {
          resolve(fail({ kind: 'server-error', status: 500, message: step.fail }));
          return;
        }
        const objects = (step.ids ?? []).map((id) => ({
          _id: id,
          _descriptive: `#${id}`,
          [property ?? '']: 'jane@example.com',
        }));
        resolve(ok({ objects, aggregates: {} }));
      }, step.delay);
      signal?.addEventListener('abort', () => {
        if (settled) {
          return;
        }
        clearTimeout(timer);
        aborted.push(property ?? '');
        resolve(fail({ kind: 'aborted', message: 'Aborted' }));
      });
    });
  };
  return { execute, log, aborted };
}

const textRule = (property: string): LookupRule => ({
  contactField: 'email',
  limetype: 'person',
  property,
  match: 'exact',
});

describe('runLookupSequence order and concurrency', () => {
  const contact = { email: 'jane@example.com' };

  it('runs the rules at once but answers as trying them in order would', async () => {
    // The third rule answers first with a match, the first one last: the first still wins.
    const { execute, log } = delayedExecutor({
      first: { delay: 60, ids: [1] },
      second: { delay: 30 },
      third: { delay: 5, ids: [3] },
    });
    const result = await runLookupSequence(
      [textRule('first'), textRule('second'), textRule('third')],
      contact,
      execute,
    );
    expect(result).toMatchObject({ found: true, ruleIndex: 0, objects: [{ id: 1 }] });
    // All three were asked before any answered: at once, not one after another.
    expect(log.slice(0, 3)).toEqual(['start first', 'start second', 'start third']);
    expect(log.indexOf('end third')).toBeLessThan(log.indexOf('end first'));
  });

  it('lets a later rule win only after every earlier rule missed', async () => {
    const { execute, log } = delayedExecutor({
      first: { delay: 40 },
      second: { delay: 20 },
      third: { delay: 5, ids: [3] },
    });
    const result = await runLookupSequence(
      [textRule('first'), textRule('second'), textRule('third')],
      contact,
      execute,
    );
    expect(result).toMatchObject({ found: true, ruleIndex: 2, objects: [{ id: 3 }] });
    expect(result.tried.map((attempt) => attempt.matches)).toEqual([0, 0, 1]);
    expect(log).toContain('end first');
  });

  it('asks every rule before the first answer, so a lookup waits for the slowest rule, not the sum', async () => {
    // How much faster that is, is measured by `npm run bench` (lookup), not here.
    const plan = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e'].map((key) => [key, { delay: 50, ids: key === 'e' ? [5] : [] }]),
    );
    const { execute, log } = delayedExecutor(plan);
    const result = await runLookupSequence(Object.keys(plan).map(textRule), contact, execute);
    expect(result).toMatchObject({ found: true, ruleIndex: 4 });
    expect(log.slice(0, 5)).toEqual(['start a', 'start b', 'start c', 'start d', 'start e']);
  });

  it('aborts the outstanding queries once the answer is known', async () => {
    const { execute, aborted, log } = delayedExecutor({
      first: { delay: 5, ids: [1] },
      second: { delay: 200, ids: [2] },
      third: { delay: 300 },
    });
    const result = await runLookupSequence(
      [textRule('first'), textRule('second'), textRule('third')],
      contact,
      execute,
    );
    expect(result).toMatchObject({ found: true, ruleIndex: 0 });
    expect(aborted).toEqual(['second', 'third']);
    expect(log).not.toContain('end second');
  });

  it('stops every query when the caller aborts, and says it was aborted', async () => {
    const { execute, aborted } = delayedExecutor({
      first: { delay: 1 },
      second: { delay: 10_000, ids: [2] },
    });
    const controller = new AbortController();
    // The caller aborts once the first rule has answered (not at a wall-clock time, which a busy
    // machine can reach before the first answer): the second is still outstanding then.
    const abortAfterFirst: ExecuteQuery = async (query, signal) => {
      const answer = await execute(query, signal);
      if (query.responseFormat.object && 'first' in query.responseFormat.object) {
        setTimeout(() => controller.abort(), 0);
      }
      return answer;
    };
    const result = await runLookupSequence(
      [textRule('first'), textRule('second')],
      contact,
      abortAfterFirst,
      { signal: controller.signal },
    );
    expect(result).toEqual({
      found: false,
      aborted: true,
      tried: [expect.objectContaining({ ruleIndex: 0, matches: 0 })],
    });
    expect(aborted).toEqual(['second']);
  });

  it('queries nothing when aborted before it starts', async () => {
    const { execute, log } = delayedExecutor({ first: { delay: 1, ids: [1] } });
    const controller = new AbortController();
    controller.abort();
    const result = await runLookupSequence([textRule('first')], contact, execute, {
      signal: controller.signal,
    });
    expect(result).toEqual({ found: false, aborted: true, tried: [] });
    expect(log).toEqual([]);
  });

  it('reports a failing query at its rule and goes on with the next', async () => {
    const { execute } = delayedExecutor({
      first: { delay: 5, fail: 'HTTP 500: Internal Server Error' },
      second: { delay: 10, ids: [2] },
    });
    const result = await runLookupSequence(
      [textRule('first'), textRule('second')],
      contact,
      execute,
    );
    expect(result).toMatchObject({ found: true, ruleIndex: 1 });
    expect(result.tried[0]).toEqual(
      expect.objectContaining({
        ruleIndex: 0,
        error: { kind: 'server-error', status: 500, message: 'HTTP 500: Internal Server Error' },
      }),
    );
  });

  it('reports a response that is not a query response as that rule failing', async () => {
    const execute: ExecuteQuery = async () =>
      ok({ objects: [{ name: 'no id' }], aggregates: {} } as LimeQueryResponse);
    const result = await runLookupSequence([textRule('first')], contact, execute);
    expect(result).toEqual({
      found: false,
      tried: [
        expect.objectContaining({
          error: {
            kind: 'invalid-response',
            message: expect.stringMatching(/unexpected response/),
          },
        }),
      ],
    });
  });

  it('skips a phone rule whose contact value is no phone number, without querying', async () => {
    const { execute, queries } = emulatorExecutor();
    const result = await runLookupSequence(
      [{ contactField: 'phoneNumber', limetype: 'person', property: 'phone', match: 'phone' }],
      { phoneNumber: 'ask reception' },
      execute,
    );
    expect(result).toEqual({
      found: false,
      tried: [expect.objectContaining({ skipped: 'not-a-phone-number', value: 'ask reception' })],
    });
    expect(queries).toEqual([]);
  });
});

const phoneRule = (property = 'phone'): LookupRule => ({
  contactField: 'phoneNumber',
  limetype: 'person',
  property,
  match: 'phone',
});

describe('phone lookups, bounded', () => {
  it('finds every phone number of the demo data, as written there, by its E.164 form', async () => {
    const db = new Database(limetypes);
    seedDemoData(db);
    const { execute } = emulatorExecutor(db);
    const people = db
      .list('person')
      .flatMap((person) =>
        (['phone', 'mobilephone'] as const)
          .map((property) => ({ id: person.id, property, written: person[property] }))
          .filter(({ written }) => typeof written === 'string' && normalizePhone(written)),
      );
    expect(people.length).toBeGreaterThan(10);
    for (const { id, property, written } of people) {
      const e164 = normalizePhone(String(written));
      const result = await runLookupSequence([phoneRule(property)], { phoneNumber: e164 }, execute);
      expect({ written, found: result.found && result.objects.map((object) => object.id) }).toEqual(
        { written, found: expect.arrayContaining([id]) },
      );
    }
  });

  it.each([
    '+46 70-123 45 67',
    '070-123 45 67',
    '0701234567',
    '+46701234567',
    '0046 70 123 45 67',
    '+46 (0)70 123 45 67',
    '070 12 34 567',
    '070-123.45.67',
    '070/123 4567',
    '+46 70 1234 567',
  ])('finds a mobile number stored as %s', async (written) => {
    const db = new Database(limetypes);
    const person = db.create('person', {
      firstname: 'Jane',
      lastname: 'Doe',
      mobilephone: written,
    });
    const { execute } = emulatorExecutor(db);
    const result = await runLookupSequence(
      [phoneRule('mobilephone')],
      { phoneNumber: '+46 70 123 45 67' },
      execute,
    );
    expect(result).toMatchObject({ found: true, objects: [{ id: person.id, value: written }] });
  });

  it('finds a number however its digits are grouped and separated (property)', async () => {
    const groups = fc
      .array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 5 })
      .filter((sizes) => sizes.reduce((sum, size) => sum + size, 0) >= 7);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('0', '+46 ', '+46 (0)', '0046 ', '+46-'),
        groups,
        fc.constantFrom(' ', '-', '.', '/'),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
        async (prefix, sizes, separator, digits) => {
          // A Swedish mobile (07x…) of nine national digits, grouped as `sizes` says.
          const national = `7${digits.slice(1).join('')}`;
          const parts: string[] = [];
          let at = 0;
          for (const size of sizes) {
            if (at < national.length) {
              parts.push(national.slice(at, at + size));
              at += size;
            }
          }
          parts[parts.length - 1] += national.slice(at);
          // A lone last digit is no group anyone writes: it joins the one before.
          if (parts.length > 1 && parts[parts.length - 1].length < 2) {
            const last = parts.pop() ?? '';
            parts[parts.length - 1] += last;
          }
          const written = `${prefix}${parts.join(separator)}`;
          const db = new Database(limetypes);
          const person = db.create('person', { firstname: 'P', mobilephone: written });
          const result = await runLookupSequence(
            [phoneRule('mobilephone')],
            { phoneNumber: `+46${national}` },
            emulatorExecutor(db).execute,
          );
          return result.found && result.objects[0].id === person.id;
        },
      ),
      { numRuns: 150 },
    );
  });

  it('asks one query of at most one page for a phone rule, filtering by the last four digits', async () => {
    const { execute, queries } = emulatorExecutor();
    await runLookupSequence([phoneRule()], { phoneNumber: '08-555 123 45' }, execute);
    expect(queries).toHaveLength(1);
    expect(queries[0].limit).toBeLessThanOrEqual(LOOKUP_CANDIDATE_PAGE);
    expect(queries[0].offset ?? 0).toBe(0);
    const needles = JSON.stringify(queries[0].filter);
    expect(needles).toContain('"2345"');
    expect(needles).toContain('"23 45"');
    expect(needles).not.toContain('"45"');
  });

  it('says so when the page of candidates comes back full, as a match may be beyond it', async () => {
    const db = new Database(limetypes);
    db.batch(() => {
      for (let index = 0; index < LOOKUP_CANDIDATE_PAGE + 20; index++) {
        db.create('person', { firstname: `P${index}`, mobilephone: `070-${1000 + index} 45 67` });
      }
    });
    const { execute } = emulatorExecutor(db);
    const rules = [phoneRule('mobilephone')];
    expect(await runLookupSequence(rules, { phoneNumber: '0709994567' }, execute)).toMatchObject({
      found: false,
      tried: [{ matches: 0, truncated: true }],
    });
  });

  it('does not say a page was full when it held every candidate', async () => {
    const { execute } = emulatorExecutor();
    const result = await runLookupSequence([phoneRule()], { phoneNumber: '0709994567' }, execute);
    expect(result.tried[0]).not.toHaveProperty('truncated');
  });

  it('does not take a number that only ends in the same four digits', async () => {
    const db = new Database(limetypes);
    db.create('person', { firstname: 'Other', mobilephone: '070-999 45 67' });
    const { execute } = emulatorExecutor(db);
    expect(
      await runLookupSequence([phoneRule('mobilephone')], { phoneNumber: '0701234567' }, execute),
    ).toMatchObject({ found: false, tried: [{ matches: 0 }] });
  });
});

describe('text lookups, bounded', () => {
  const companyRule: LookupRule = {
    contactField: 'company',
    limetype: 'company',
    property: 'name',
    match: 'case-insensitive',
  };

  it('asks only for an exact match when the value is too short to begin with', async () => {
    const db = new Database(limetypes);
    db.create('company', { name: 'A' });
    db.create('company', { name: 'Acme' });
    const { execute, queries } = emulatorExecutor(db);
    const result = await runLookupSequence([companyRule], { company: 'A' }, execute);
    expect(result).toMatchObject({ found: true, objects: [{ descriptive: 'A' }] });
    expect(queries.map((query) => JSON.stringify(query.filter))).toEqual([
      JSON.stringify({ key: 'name', op: '=', exp: 'A' }),
    ]);
    expect(await runLookupSequence([companyRule], { company: 'a' }, execute)).toMatchObject({
      found: false,
    });
  });

  it('asks one query when the page of begins-with candidates holds them all', async () => {
    const db = new Database(limetypes);
    db.create('company', { name: 'Lime Technologies' });
    const { execute, queries } = emulatorExecutor(db);
    const result = await runLookupSequence(
      [companyRule],
      { company: 'lime technologies' },
      execute,
    );
    expect(result).toMatchObject({ found: true, objects: [{ value: 'Lime Technologies' }] });
    expect(queries).toHaveLength(1);
  });

  it('lists the exact match first, and finds other cases by begins-with', async () => {
    const db = new Database(limetypes);
    db.create('company', { name: 'lime technologies' });
    db.create('company', { name: 'Lime Technologies' });
    db.create('company', { name: 'Lime Technologies Norway' });
    const { execute } = emulatorExecutor(db);
    expect(
      await runLookupSequence([companyRule], { company: 'Lime Technologies' }, execute),
    ).toMatchObject({
      found: true,
      ambiguous: true,
      objects: [{ value: 'Lime Technologies' }, { value: 'lime technologies' }],
    });
  });

  it('finds the exact match even when more begins-with candidates exist than one page holds', async () => {
    const db = new Database(limetypes);
    db.batch(() => {
      for (let index = 0; index < LOOKUP_CANDIDATE_PAGE + 20; index++) {
        db.create('company', { name: `Lime ${index}` });
      }
      db.create('company', { name: 'Lime' });
    });
    const { execute } = emulatorExecutor(db);
    expect(await runLookupSequence([companyRule], { company: 'Lime' }, execute)).toMatchObject({
      found: true,
      objects: [{ value: 'Lime' }],
    });
  });

  it('fetches one page of begins-with candidates at most', async () => {
    const db = new Database(limetypes);
    db.batch(() => {
      for (let index = 0; index < LOOKUP_CANDIDATE_PAGE + 20; index++) {
        db.create('company', { name: `Lime ${index}` });
      }
    });
    const { execute, queries } = emulatorExecutor(db);
    const result = await runLookupSequence([companyRule], { company: 'LIME' }, execute);
    expect(result).toMatchObject({ found: false, tried: [{ matches: 0, truncated: true }] });
    expect(queries).toHaveLength(2);
    expect(queries.every((query) => (query.limit ?? Infinity) <= LOOKUP_CANDIDATE_PAGE)).toBe(true);
    expect(queries.every((query) => !query.offset)).toBe(true);
  });
});
