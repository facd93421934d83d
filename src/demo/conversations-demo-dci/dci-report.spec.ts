import type { ConnectionTest } from '../../sync';
import { describeConnectionTest, describeDciSync } from './dci-report';

const KNOWN: Record<string, string> = {
  'person:1001': 'Jane Doe',
  'person:1013': 'Sam Stranger',
  'company:1007': 'New Co AB',
};

const names = {
  object: (limetype: string, id: number) => KNOWN[`${limetype}:${id}`] ?? '',
  link: (limetype: string, id: number) => `index.html?limetype=${limetype}&id=${id}&tab=history`,
};

describe('describeDciSync', () => {
  it('links each written note to the person’s history and says how they were found or created', () => {
    const report = describeDciSync(
      {
        ok: true,
        participants: [
          {
            name: 'Jane Doe',
            outcome: 'note-created',
            matchedBy: 'email',
            person: { limetype: 'person', id: 1001, created: false },
            note: { limetype: 'history', id: 5 },
          },
          {
            name: 'Sam Stranger',
            outcome: 'note-created',
            person: { limetype: 'person', id: 1013, created: true },
            company: { limetype: 'company', id: 1007, created: true },
            note: { limetype: 'history', id: 6 },
          },
          { name: 'Kim', outcome: 'no-match' },
        ],
      },
      names,
    );
    expect(report).toEqual({
      ok: true,
      participants: [
        {
          key: 'sync.dci.outcome.note_created',
          params: { name: 'Jane Doe', person: 'Jane Doe', company: '' },
          tone: 'success',
          details: [
            {
              key: 'sync.dci.matched_by.email',
              params: { name: 'Jane Doe', person: 'Jane Doe', company: '' },
            },
          ],
          link: 'index.html?limetype=person&id=1001&tab=history',
        },
        {
          key: 'sync.dci.outcome.note_created',
          params: { name: 'Sam Stranger', person: 'Sam Stranger', company: 'New Co AB' },
          tone: 'success',
          details: [
            {
              key: 'sync.dci.person_created',
              params: { name: 'Sam Stranger', person: 'Sam Stranger', company: 'New Co AB' },
            },
            {
              key: 'sync.dci.company_created',
              params: { name: 'Sam Stranger', person: 'Sam Stranger', company: 'New Co AB' },
            },
          ],
          link: 'index.html?limetype=person&id=1013&tab=history',
        },
        {
          key: 'sync.dci.outcome.no_match',
          params: { name: 'Kim', person: 'Kim', company: '' },
          tone: 'warning',
          details: [],
          link: undefined,
        },
      ],
    });
  });
});

describe('describeConnectionTest', () => {
  it.each<[ConnectionTest, unknown]>([
    [{ ok: true } satisfies ConnectionTest, { ok: true, line: { key: 'sync.connection.ok' } }],
    [
      { ok: false, reason: 'unauthorized', message: 'x' } satisfies ConnectionTest,
      { ok: false, line: { key: 'sync.connection.unauthorized' } },
    ],
    [
      {
        ok: false,
        reason: 'missing-permission',
        limetypes: ['company', 'history'],
      } satisfies ConnectionTest,
      {
        ok: false,
        line: {
          key: 'sync.connection.missing_permission',
          params: { limetypes: 'company, history' },
        },
      },
    ],
    [
      { ok: false, reason: 'unreachable', message: 'ECONNREFUSED' } satisfies ConnectionTest,
      {
        ok: false,
        line: { key: 'sync.connection.unreachable', params: { message: 'ECONNREFUSED' } },
      },
    ],
  ])('gives one clear answer for %j', (result, expected) => {
    expect(describeConnectionTest(result)).toEqual(expected);
  });
});
