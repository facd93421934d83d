import { fail, ok } from '../crm';
import type { ExecuteQuery } from '../lookup';
import { createEmulator, type Emulator } from '../emulator';
import { LimeQueryOperator, type LimeQuery } from '../lime/types';
import type { PortalView } from '../config';
import {
  limetypeLabel,
  loadPortalRecord,
  portalLimetypeSchema,
  sectionQuery,
} from './portal-record';

const personView: PortalView = {
  limetype: 'person',
  properties: ['email', 'mobilephone', 'company', 'helpdesk', 'nosuchproperty'],
  aggregations: [
    { title: 'Helpdesk tickets', relation: 'helpdesk', limit: 2 },
    { title: 'Deals', relation: 'deal', limit: 5 },
    { title: 'Broken', relation: 'nosuchrelation', limit: 5 },
  ],
};

function arrange() {
  const emulator: Emulator = createEmulator();
  const queries: LimeQuery[] = [];
  const executeQuery = async (query: LimeQuery) => {
    queries.push(query);
    return ok(emulator.executeQuery(query));
  };
  const getLimetype = async (name: string) =>
    ok(portalLimetypeSchema.parse(emulator.limetypes[name]));
  return { emulator, queries, executeQuery, getLimetype };
}

describe('loadPortalRecord', () => {
  it('reads the header, the overview with the company by name, and each section with its count', async () => {
    const { emulator, executeQuery, getLimetype } = arrange();
    const jane = emulator.db.list('person').find((person) => person.email === 'jane@example.com')!;
    const result = await loadPortalRecord({
      executeQuery,
      getLimetype,
      limetype: 'person',
      id: jane.id,
      view: personView,
    });
    if (!result.ok) {
      throw new Error(JSON.stringify(result));
    }
    const { record } = result;
    expect(record.descriptive).toBe('Jane Doe');
    expect(limetypeLabel(record.limetype)).toBe('Person');
    expect(record.overview.map((field) => field.property)).toEqual([
      'email',
      'mobilephone',
      'company',
    ]);
    const company = emulator.db.get('company', Number(jane.company))!;
    expect(record.overview[2].related).toEqual({
      limetype: 'company',
      id: company.id,
      descriptive: company._descriptive,
    });
    const tickets = emulator.db.list('helpdesk').filter((ticket) => ticket.person === jane.id);
    const deals = emulator.db.list('deal').filter((deal) => deal.person === jane.id);
    expect(record.sections[0]).toMatchObject({
      status: 'ok',
      limetype: 'helpdesk',
      total: tickets.length,
    });
    expect(record.sections[0].status === 'ok' && record.sections[0].items.length).toBe(
      Math.min(2, tickets.length),
    );
    expect(record.sections[1]).toMatchObject({ status: 'ok', total: deals.length });
    expect(record.sections[2]).toMatchObject({ status: 'error', reason: 'unknown-relation' });
  });

  it('asks one query for the object and one per section, counting without loading every object', async () => {
    const { executeQuery, getLimetype, queries } = arrange();
    await loadPortalRecord({
      executeQuery,
      getLimetype,
      limetype: 'person',
      id: 1001,
      view: personView,
    });
    expect(queries).toHaveLength(3);
    const helpdesk = queries.find((query) => query.limetype === 'helpdesk')!;
    expect(helpdesk).toMatchObject({
      limit: 2,
      responseFormat: { aggregates: { total: { op: 'COUNT' } } },
    });
  });

  it('says the object is not found when the CRM has no such id (or hides it)', async () => {
    const { emulator, executeQuery, getLimetype } = arrange();
    emulator.faults.deny('person', 1001);
    const result = await loadPortalRecord({
      executeQuery: async (query) => ok(emulator.executeQuery(query)),
      getLimetype,
      limetype: 'person',
      id: 1001,
      view: personView,
    });
    expect(result).toMatchObject({ ok: false, reason: 'not-found' });
    await expect(
      loadPortalRecord({
        executeQuery,
        getLimetype,
        limetype: 'person',
        id: 999999,
        view: personView,
      }),
    ).resolves.toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('keeps the record when one section fails, and says which', async () => {
    const { executeQuery, getLimetype } = arrange();
    const failing: ExecuteQuery = async (query: LimeQuery) => {
      if (query.limetype === 'deal') {
        return fail({ kind: 'server-error', status: 500, message: 'HTTP 500' });
      }
      return executeQuery(query);
    };
    const result = await loadPortalRecord({
      executeQuery: failing,
      getLimetype,
      limetype: 'person',
      id: 1001,
      view: personView,
    });
    expect(result.ok && result.record.sections.map((section) => section.status)).toEqual([
      'ok',
      'error',
      'error',
    ]);
  });

  it('fails as a whole when the object itself cannot be read', async () => {
    const { getLimetype } = arrange();
    const result = await loadPortalRecord({
      executeQuery: async () => fail({ kind: 'unreachable', message: 'unreachable' }),
      getLimetype,
      limetype: 'person',
      id: 1001,
      view: personView,
    });
    expect(result).toMatchObject({ ok: false, reason: 'failed', error: { kind: 'unreachable' } });
  });

  it('narrows a section with its configured filter', async () => {
    const { emulator } = arrange();
    const person = portalLimetypeSchema.parse(emulator.limetypes.person);
    const built = sectionQuery(person, 1001, {
      title: 'Open tickets',
      relation: 'helpdesk',
      limit: 5,
      filter: { key: 'statuscolor', op: LimeQueryOperator.NOT, exp: 'finished' },
    });
    expect(built.ok).toBe(true);
    if (built.ok) {
      const all = emulator.db.list('helpdesk').filter((t) => t.person === 1001);
      const open = all.filter((t) => t.statuscolor !== 'finished');
      expect(emulator.executeQuery(built.query).aggregates).toEqual({ total: open.length });
    }
  });
});
