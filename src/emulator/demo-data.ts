// The demo's Lime CRM: Nordic companies, their people, tickets, deals, Lime Connect conversations
// and history notes of every kind (the shared fixtures, one hostile note, one 2,000-message chat).
import { formatTranscriptNote } from '../notes';
import type { Database } from './database';
import {
  dciSummaryMarkdownNote,
  dciSummaryPlainNote,
  hostileNote,
  plainNote,
  transcriptShortNote,
} from './fixture-notes';
import { LONG_TRANSCRIPT_CONVERSATION_ID, longTranscriptNote } from './long-transcript';

/** Where a conversation ID is appended to open it in Lime Connect. */
// The same base as the package's default configuration, so demo links look like new ones.
export const DEMO_CONVERSATION_LINK_BASE =
  'https://app.lime-connect.com/message-center/conversation/';

/** Ids of demo objects that pages and tests refer to by meaning. */
export const DEMO_IDS = {
  coworker: { annaLind: 1001, erikSvensson: 1002 },
  company: {
    acmeAb: 1001,
    nordicWidgets: 1002,
    fjallkraft: 1003,
    oresund: 1004,
    acme: 1005,
    suomi: 1006,
  },
  person: { janeDoe: 1001, johnSmith: 1002, lisaHolm: 1004 },
  helpdesk: { invoiceSeatCount: 1001, cannotLogIn: 1002 },
  deal: { nordicWidgetsPilot: 1001, acmeRenewal: 1002, acmeExtraSeats: 1003 },
  conversation: { jane48213: 1001, lisa50100: 1002, long48900: 1003 },
  history: {
    transcriptShort: 1001,
    hostile: 1002,
    longTranscript: 1003,
    dciPlain: 1004,
    dciMarkdown: 1005,
    plain: 1006,
  },
} as const;

/** The time seed objects were created: before anything created while the demo runs. */
const SEEDED_AT = '2026-11-01T08:00:00.000Z';

const conversation50100 = formatTranscriptNote({
  conversationId: '50100',
  topic: 'Support',
  startedAt: '2026-11-22T13:15:00Z',
  contact: { name: 'Lisa Holm', email: 'lisa.holm@nordicwidgets.example' },
  operator: { name: 'Erik Svensson' },
  messages: [
    {
      time: '2026-11-22T13:15:20Z',
      senderName: 'Lisa Holm',
      senderType: 'contact',
      format: 'plain_text',
      body: 'Hi! I reset my password but the login page still says "invalid credentials".',
    },
    {
      time: '2026-11-22T13:16:05Z',
      senderName: 'Erik Svensson',
      senderType: 'operator',
      format: 'markdown_v1',
      body: 'Sorry about that! Could you try a **private window**? Old sessions sometimes linger.',
    },
    {
      time: '2026-11-22T13:18:40Z',
      senderName: 'Lisa Holm',
      senderType: 'contact',
      format: 'plain_text',
      body: 'Same error. Screenshot: https://nordicwidgets.example/share/login-error.png',
    },
    {
      time: '2026-11-22T13:20:11Z',
      senderName: 'Erik Svensson',
      senderType: 'operator',
      format: 'markdown_v1',
      body: 'Thanks. I have opened a ticket and our developers are looking at it.\n\n- Ticket: *Cannot log in after password reset*\n- Next update: tomorrow 10:00',
    },
  ],
});

/** Fills an empty database with the demo data. */
export function seedDemoData(db: Database): void {
  const create = (limetype: string, id: number, values: Record<string, unknown>) =>
    db.create(limetype, values, { id, createdtime: SEEDED_AT });
  db.batch(() => {
    const coworkers: [string, string, string, string | null][] = [
      ['Anna', 'Lind', 'anna.lind@lime.example', '+46 46 270 48 01'],
      ['Erik', 'Svensson', 'erik.svensson@lime.example', '+46 46 270 48 02'],
      ['Sara', 'Nilsson', 'sara.nilsson@lime.example', '+46 46 270 48 03'],
      ['Johan', 'Berg', 'johan.berg@lime.example', null],
    ];
    coworkers.forEach(([firstname, lastname, email, phone], index) =>
      create('coworker', 1001 + index, {
        firstname,
        lastname,
        email,
        phone,
      }),
    );

    const companies: [string, string, string, string, string, number][] = [
      ['Acme AB', '+46 8 555 123 00', 'https://acme.example', 'Stockholm', 'Sweden', 1001],
      [
        'Nordic Widgets AB',
        '031-123 45 00',
        'https://nordicwidgets.example',
        'Göteborg',
        'Sweden',
        1002,
      ],
      [
        'Fjällkraft Energi AB',
        '090-14 22 00',
        'https://fjallkraft.example',
        'Umeå',
        'Sweden',
        1003,
      ],
      [
        'Öresund Logistik AB',
        '+46 40 12 34 00',
        'https://oresundlogistik.example',
        'Malmö',
        'Sweden',
        1004,
      ],
      ['Acme', '046-18 00 00', 'https://acme-lund.example', 'Lund', 'Sweden', 1001],
      [
        'Suomi Software Oy',
        '+358 9 123 4567',
        'https://suomisoftware.example',
        'Helsinki',
        'Finland',
        1002,
      ],
    ];
    companies.forEach(([name, phone, www, city, country, coworker], index) =>
      create('company', 1001 + index, {
        name,
        phone,
        www,
        postalcity: city,
        visitingcity: city,
        country,
        coworker,
      }),
    );

    // Phone numbers in the formats people really type them.
    const persons: [string, string, string, string | null, string | null, string, number | null][] =
      [
        [
          'Jane',
          'Doe',
          'jane@example.com',
          '+46 8 555 123 45',
          '+46 70-123 45 67',
          'Office manager',
          1001,
        ],
        [
          'John',
          'Smith',
          'john.smith@acme.example',
          '08-555 123 40',
          '070-234 56 78',
          'Head of sales operations',
          1001,
        ],
        ['Maria', 'Berg', 'maria.berg@acme.example', null, '+46702345679', 'CFO', 1001],
        [
          'Lisa',
          'Holm',
          'lisa.holm@nordicwidgets.example',
          '031-123 45 67',
          '0739876543',
          'Operations manager',
          1002,
        ],
        [
          'Omar',
          'Haddad',
          'omar.haddad@nordicwidgets.example',
          null,
          '+46 73 555 01 02',
          'Sales representative',
          1002,
        ],
        [
          'Karin',
          'Ek',
          'karin.ek@fjallkraft.example',
          '090-14 22 10',
          '070 555 88 99',
          'IT manager',
          1003,
        ],
        [
          'Per',
          'Andersson',
          'per.andersson@oresundlogistik.example',
          '040-12 34 56',
          '+46 (0)76 123 45 67',
          'Logistics lead',
          1004,
        ],
        [
          'Sofie',
          'Dahl',
          'sofie.dahl@oresundlogistik.example',
          null,
          '0761112233',
          'Purchaser',
          1004,
        ],
        ['Lars', 'Öberg', 'lars@acme-lund.example', '046-18 00 10', null, 'CEO', 1005],
        [
          'Mikko',
          'Virtanen',
          'mikko.virtanen@suomisoftware.example',
          '+358 9 123 4570',
          '+358 40 123 4567',
          'Developer',
          1006,
        ],
        [
          'Fatima',
          'Ali',
          'fatima.ali@nordicwidgets.example',
          '+4631123456',
          null,
          'Support lead',
          1002,
        ],
        ['Ingrid', 'Holm', 'ingrid.holm@example.org', null, '+47 912 34 567', 'Consultant', null],
      ];
    persons.forEach(([firstname, lastname, email, phone, mobilephone, position, company], index) =>
      create('person', 1001 + index, {
        firstname,
        lastname,
        email,
        phone,
        mobilephone,
        position,
        company,
      }),
    );

    const tickets: [string, string, string, number, number, number][] = [
      [
        'Invoice shows wrong seat count',
        'The November invoice lists 40 seats; Acme AB has 25 users. Customer asks for a corrected invoice.',
        'ongoing',
        1001,
        1001,
        1001,
      ],
      [
        'Cannot log in after password reset',
        'Login fails with "invalid credentials" after a password reset.',
        'new',
        1002,
        1004,
        1002,
      ],
      [
        'Export to Excel drops the last column',
        'The last column of the deal export is missing.',
        'finished',
        1004,
        1007,
        1004,
      ],
      [
        'Set up single sign-on',
        'Fjällkraft wants SSO with Azure AD. Waiting for their tenant id.',
        'parked',
        1003,
        1006,
        1003,
      ],
      [
        'Onboarding for the new team in Malmö',
        'Acme AB grows from 25 to 40 seats in Q1; plan the onboarding.',
        'new',
        1001,
        1002,
        1001,
      ],
      [
        'Integration stopped syncing overnight',
        'The nightly sync has failed three nights in a row.',
        'ongoing',
        1006,
        1010,
        1002,
      ],
    ];
    tickets.forEach(([title, description, statuscolor, company, person, coworker], index) =>
      create('helpdesk', 1001 + index, {
        title,
        helpdeskno: 2026101 + index,
        description,
        statuscolor,
        company,
        person,
        coworker,
      }),
    );

    const deals: [string, number, string, number, number, number][] = [
      ['Nordic Widgets pilot', 45000, 'tender', 1002, 1004, 1002],
      ['Acme AB renewal 2027', 240000, 'tender', 1001, 1001, 1001],
      ['Acme AB – 15 extra seats', 180000, 'requirement', 1001, 1002, 1001],
      ['Fjällkraft SSO add-on', 60000, 'contact', 1003, 1006, 1003],
      ['Öresund Logistik expansion', 320000, 'rejection', 1004, 1007, 1004],
    ];
    deals.forEach(([name, value, dealstatus, company, person, coworker], index) =>
      create('deal', 1001 + index, { name, value, dealstatus, company, person, coworker }),
    );

    const conversation = (
      id: number,
      conversationid: number,
      startedtime: string,
      contactid: string,
      topic: string,
      relation: Record<string, number>,
    ) =>
      create('conversation', id, {
        conversationid,
        link: `${DEMO_CONVERSATION_LINK_BASE}${conversationid}`,
        contactid,
        topic,
        startedtime,
        ...relation,
      });
    conversation(1001, 48213, '2026-11-21T09:58:03Z', 'contact-7f3a-jane', 'Support', {
      helpdesk: 1001,
    });
    conversation(1002, 50100, '2026-11-22T13:15:00Z', 'contact-91b2-lisa', 'Support', {
      helpdesk: 1002,
    });
    conversation(
      1003,
      LONG_TRANSCRIPT_CONVERSATION_ID,
      '2026-11-10T08:00:00Z',
      'contact-7f3a-jane',
      'Support',
      {
        helpdesk: 1001,
      },
    );
    conversation(1004, 50233, '2026-11-23T10:30:00Z', 'contact-22c1-omar', 'Sales', { deal: 1001 });

    const long = longTranscriptNote();
    const history: [string, string, string, Record<string, number>][] = [
      [
        'limeconnect',
        '2026-11-21T10:02:02Z',
        transcriptShortNote,
        { helpdesk: 1001, person: 1001, company: 1001, coworker: 1001, conversation: 1001 },
      ],
      [
        'limeconnect',
        '2026-11-21T08:00:02Z',
        hostileNote,
        { helpdesk: 1001, person: 1001, company: 1001 },
      ],
      [
        'limeconnect',
        long.lastMessageAt,
        long.note,
        { helpdesk: 1001, person: 1001, company: 1001, coworker: 1001, conversation: 1003 },
      ],
      [
        // DCI summaries are comments, as seed 001 says.
        'comment',
        '2026-11-20T13:00:00Z',
        dciSummaryPlainNote,
        { person: 1002, company: 1001, coworker: 1001, deal: 1003 },
      ],
      [
        'comment',
        '2026-11-18T08:30:00Z',
        dciSummaryMarkdownNote,
        { person: 1004, company: 1002, coworker: 1002, deal: 1001 },
      ],
      [
        'talkedto',
        '2026-11-19T15:20:00Z',
        plainNote,
        { person: 1001, company: 1001, coworker: 1001, deal: 1002 },
      ],
      [
        'limeconnect',
        '2026-11-22T13:20:11Z',
        conversation50100,
        { helpdesk: 1002, person: 1004, company: 1002, coworker: 1002, conversation: 1002 },
      ],
      [
        'comment',
        '2026-11-21T10:30:00Z',
        'Checked the subscription: 40 seats were added by mistake in October.\nCredit note requested from finance.',
        { helpdesk: 1001, company: 1001, coworker: 1001 },
      ],
      [
        'customervisit',
        '2026-11-12T09:00:00Z',
        'Visited Fjällkraft in Umeå. Walked through the SSO requirements with Karin; they use Azure AD.\n\nNext: send the SSO checklist.',
        { company: 1003, person: 1006, coworker: 1003, helpdesk: 1004 },
      ],
      [
        'sentemail',
        '2026-11-14T11:45:00Z',
        'Sent the revised offer for the expansion. Valid until 2026-12-15.',
        { company: 1004, person: 1007, coworker: 1004, deal: 1005 },
      ],
      [
        'receivedemail',
        '2026-11-16T07:12:00Z',
        'Per confirms the Excel export works again after the update. Closing the ticket.',
        { company: 1004, person: 1007, helpdesk: 1003 },
      ],
      [
        'comment',
        '2026-11-23T06:40:00Z',
        'Mikko reports the nightly sync failed three nights in a row. Logs: https://suomisoftware.example/logs/sync-2026-11-23',
        { company: 1006, person: 1010, coworker: 1002, helpdesk: 1006 },
      ],
    ];
    history.forEach(([type, date, note, relations], index) =>
      create('history', 1001 + index, { type, date, note, ...relations }),
    );

    // A standard document has a description (`comment`), a type and the file.
    const documents: [string, string, string, Record<string, number>][] = [
      [
        'Invoice 2026-11 (Acme AB)',
        'other',
        'invoice-2026-11-acme-ab.pdf',
        { helpdesk: 1001, company: 1001, person: 1001 },
      ],
      [
        'Offer – Acme AB renewal 2027',
        'tender',
        'offer-acme-ab-2027.pdf',
        { deal: 1002, company: 1001 },
      ],
      [
        'SSO checklist',
        'other',
        'sso-checklist.docx',
        { helpdesk: 1004, company: 1003, person: 1006 },
      ],
    ];
    documents.forEach(([comment, type, document, relations], index) =>
      create('document', 1001 + index, { comment, type, document, ...relations }),
    );
  });
}
