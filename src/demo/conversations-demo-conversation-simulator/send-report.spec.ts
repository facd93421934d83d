import type { SendConversationResult } from '../../sync';
import { describeMediaImport, describeSend } from './send-report';

const names = {
  limetype: (name: string) =>
    ({ helpdesk: 'Helpdesk ticket', person: 'Person', company: 'Company' })[name] ?? name,
  object: (limetype: string, id: number) =>
    limetype === 'person' && id === 1001 ? 'Jane Doe' : '',
};

const sent: SendConversationResult = {
  ok: true,
  outcome: 'created',
  link: 'index.html?limetype=helpdesk&id=1007',
  object: { limetype: 'helpdesk', id: 1007 },
  conversationObject: { limetype: 'conversation', id: 1005 },
  note: { id: 1020, replaced: false },
  attached: [
    { property: 'person', source: 'identified-person', object: { limetype: 'person', id: 1001 } },
  ],
  skipped: [
    {
      property: 'company',
      source: 'identified-company',
      reason: 'forbidden',
      object: { limetype: 'company', id: 1001 },
    },
  ],
  identified: { person: { limetype: 'person', id: 1001 }, ambiguous: false },
  media: {
    state: 'not-imported',
    reason: 'no-api-key',
    files: [{ name: 'a.png', url: 'https://x.example/a.png' }],
  },
};

describe('describeSend', () => {
  it('says what was created, links to it, and lists what was attached and what was not', () => {
    expect(describeSend(sent, names)).toEqual({
      tone: 'warning',
      headline: {
        key: 'sync.sent.created',
        params: { limetype: 'Helpdesk ticket', object: 'Helpdesk ticket 1007' },
      },
      details: [
        { key: 'sync.attached', params: { objects: 'Jane Doe' } },
        { key: 'sync.skipped.forbidden', params: { property: 'company', object: 'Company 1001' } },
        { key: 'sync.media.not_imported.no_api_key', params: { count: 1 } },
      ],
      link: 'index.html?limetype=helpdesk&id=1007',
    });
  });

  it('tells a replaced note from an added one on re-send', () => {
    const replaced = describeSend(
      { ...sent, outcome: 'resent', note: { id: 1020, replaced: true }, skipped: [] },
      names,
    );
    expect(replaced).toMatchObject({
      tone: 'success',
      headline: { key: 'sync.sent.resent_replaced' },
    });
    expect(describeSend({ ...sent, outcome: 'resent' }, names).headline.key).toBe(
      'sync.sent.resent',
    );
  });

  it('names the unknown topic and the configured ones in a refusal, without a link', () => {
    expect(
      describeSend(
        {
          ok: false,
          reason: 'unknown-topic',
          topics: ['Billing'],
          configuredTopics: ['Support', 'Sales'],
        },
        names,
      ),
    ).toEqual({
      tone: 'error',
      headline: {
        key: 'sync.refused.unknown_topic',
        params: { topic: 'Billing', topics: 'Support, Sales' },
      },
      details: [],
    });
  });

  it('says which step failed when the CRM failed', () => {
    const report = describeSend(
      {
        ok: false,
        reason: 'crm-error',
        step: 'create-conversation',
        error: { kind: 'forbidden', message: 'No access' },
      },
      names,
    );
    expect(report.headline).toEqual({ key: 'sync.failed.create_conversation' });
    expect(report.details).toEqual([
      { key: 'crm.failure.forbidden', params: { message: 'No access' } },
    ]);
  });
});

describe('describeMediaImport', () => {
  const file = { name: 'invoice.pdf', url: 'https://x.example/invoice.pdf' };

  it('says a file was imported, or why not', () => {
    expect(
      describeMediaImport({ file, ok: true, document: { limetype: 'document', id: 1 } }),
    ).toEqual([{ key: 'sync.media.imported', params: { name: 'invoice.pdf' } }]);
    expect(
      describeMediaImport({
        file,
        ok: false,
        error: { kind: 'server-error', status: 500, message: 'Disk full' },
      }),
    ).toEqual([
      { key: 'sync.media.failed', params: { name: 'invoice.pdf' } },
      { key: 'crm.failure.server_error', params: { message: 'Disk full', status: 500 } },
    ]);
  });
});
