// The platform contract: limetypes and application state built here by hand in the shapes
// lime-web-components 2.1.0 publishes (typed by its interfaces, not by our types, and not made by
// our emulator), run through everything that reads them: config validation, the pickers, the
// connect flow's parent-relation discovery and ports, and the Portal's record loader.
import type {
  Acl,
  LimeWebComponentPlatform,
  Limetype,
  Property,
  PropertyType,
  TranslateService,
} from '@limetech/lime-web-components-interfaces';
import { defaultConfig } from '../config/defaults';
import {
  aggregationRelationOptions,
  attachmentPropertyOptions,
  historyTypeOptions,
  limetypeOptions,
  lookupPropertyOptions,
} from '../config/limetype-options';
import { validateConfig } from '../config/validate';
import { connectConversation } from '../conversations/connect';
import { belongstoRelations, findParentRelation } from '../conversations/parent-relation';
import { conversationPorts } from '../conversations/conversation-ports';
import { ok } from '../crm';
import { loadPortalRecord } from '../lime-connect/portal-record';
import { createEmulator } from '../emulator';
import { createWebclientCrmPort } from './crm-transport';
import { currentLanguage, languageOfApplication } from './language';
import { limetypesFromPlatform, subscribeLimetypes } from './limetypes';
import { bundledTextsReady, translator } from './translate';
import type { ApplicationState, HttpService, LimeQuery, LimeTypes } from './types';

const ACL: Acl = { read: true, create: true, update: true, delete: true };

type Spec =
  | PropertyType
  | { type: 'option'; options: string[] }
  | { type: 'belongsto' | 'hasmany'; to: string; back: string };

/**
 * Published limetypes from a compact description: every `Property` field 2.1.0 requires, and
 * relations as functions over the same record, as the webclient's state gives them.
 */
function publishedLimetypes(
  description: Record<string, Record<string, Spec>>,
): Record<string, Limetype> {
  const limetypes: Record<string, Limetype> = {};
  for (const [name, properties] of Object.entries(description)) {
    const published: Record<string, Property> = {};
    Object.entries(properties).forEach(([propertyName, spec], fieldorder) => {
      const type = typeof spec === 'string' ? spec : spec.type;
      const property: Property = {
        acl: ACL,
        defaultvalue: null,
        fieldorder,
        // Lime's `label` is an internal code; people read `localname`.
        label: `${propertyName}_code`,
        localname: `${propertyName[0].toUpperCase()}${propertyName.slice(1)}`,
        name: propertyName,
        required: false,
        type,
      };
      if (typeof spec === 'object' && spec.type === 'option') {
        property.options = spec.options.map((key) => ({ key, text: key, inactive: false }));
      }
      if (typeof spec === 'object' && spec.type !== 'option') {
        property.relation = {
          getLimetype: () => limetypes[spec.to],
          getBackreference: () => limetypes[spec.to].properties[spec.back],
        };
      }
      published[propertyName] = property;
    });
    limetypes[name] = {
      name,
      label: name,
      acl: ACL,
      localname: { singular: `${name[0].toUpperCase()}${name.slice(1)}`, plural: `${name}s` },
      properties: published,
    };
  }
  return limetypes;
}

const belongsto = (to: string, back: string): Spec => ({ type: 'belongsto', to, back });
const hasmany = (to: string, back: string): Spec => ({ type: 'hasmany', to, back });

/** Lime's standard database as far as we meet it, plus the conversation limetype we install. */
function standardDatabase(): Record<string, Limetype> {
  return publishedLimetypes({
    company: {
      name: 'string',
      phone: 'phone',
      www: 'link',
      postalcity: 'string',
      visitingcity: 'string',
      country: 'string',
      coworker: belongsto('coworker', 'company'),
      person: hasmany('person', 'company'),
      helpdesk: hasmany('helpdesk', 'company'),
      deal: hasmany('deal', 'company'),
      history: hasmany('history', 'company'),
    },
    person: {
      firstname: 'string',
      lastname: 'string',
      name: 'string',
      email: 'link',
      phone: 'phone',
      mobilephone: 'phone',
      company: belongsto('company', 'person'),
      helpdesk: hasmany('helpdesk', 'person'),
      deal: hasmany('deal', 'person'),
      history: hasmany('history', 'person'),
    },
    coworker: {
      name: 'string',
      email: 'link',
      company: hasmany('company', 'coworker'),
      helpdesk: hasmany('helpdesk', 'coworker'),
      deal: hasmany('deal', 'coworker'),
      history: hasmany('history', 'coworker'),
    },
    helpdesk: {
      title: 'string',
      helpdeskno: 'integer',
      statuscolor: { type: 'option', options: ['new', 'ongoing', 'parked', 'finished'] },
      company: belongsto('company', 'helpdesk'),
      person: belongsto('person', 'helpdesk'),
      coworker: belongsto('coworker', 'helpdesk'),
      history: hasmany('history', 'helpdesk'),
      conversation: hasmany('conversation', 'helpdesk'),
    },
    deal: {
      name: 'string',
      value: 'decimal',
      company: belongsto('company', 'deal'),
      person: belongsto('person', 'deal'),
      coworker: belongsto('coworker', 'deal'),
      history: hasmany('history', 'deal'),
      conversation: hasmany('conversation', 'deal'),
    },
    history: {
      date: 'time',
      type: {
        type: 'option',
        options: [
          'comment',
          'customervisit',
          'talkedto',
          'salescall',
          'sentemail',
          'receivedemail',
          'noanswer',
          'limeconnect',
        ],
      },
      note: 'text',
      company: belongsto('company', 'history'),
      person: belongsto('person', 'history'),
      coworker: belongsto('coworker', 'history'),
      helpdesk: belongsto('helpdesk', 'history'),
      deal: belongsto('deal', 'history'),
      conversation: belongsto('conversation', 'history'),
    },
    conversation: {
      conversationid: 'integer',
      link: 'link',
      contactid: 'string',
      topic: 'string',
      startedtime: 'time',
      helpdesk: belongsto('helpdesk', 'conversation'),
      deal: belongsto('deal', 'conversation'),
      history: hasmany('history', 'conversation'),
    },
  });
}

function converted(published: Record<string, Limetype>): LimeTypes {
  const { limetypes, problems } = limetypesFromPlatform(published);
  expect(problems).toEqual([]);
  return limetypes;
}

const values = (options: { value: string }[]) => options.map((option) => option.value);

describe('the platform contract: limetypes as lime-web-components 2.1.0 publishes them', () => {
  it('turns relation functions into the related limetype and back reference names', () => {
    const limetypes = converted(standardDatabase());
    expect(limetypes.person.properties.company).toMatchObject({
      type: 'belongsto',
      label: 'Company',
      relation: { limetype: 'company', backreference: 'person' },
    });
    expect(limetypes.company.properties.person.relation).toEqual({
      limetype: 'person',
      backreference: 'company',
    });
    expect(limetypes.person.properties.email.relation).toBeUndefined();
    expect(limetypes.helpdesk.label).toBe('Helpdesk');
  });

  it('validates our default config with no errors', () => {
    const { errors } = validateConfig(defaultConfig, converted(standardDatabase()));
    expect(errors).toEqual([]);
  });

  it('names the related limetype when an attachment points at the wrong relation', () => {
    const config = structuredClone(defaultConfig);
    config.topics[0].attachments[0] = { property: 'company', source: 'identified-person' };
    const { errors } = validateConfig(config, converted(standardDatabase()));
    expect(errors.map((issue) => issue.message)).toContain(
      '"company" relates to company, but identified-person is a person.',
    );
  });

  it('offers the pickers the limetypes, relations and options it publishes', () => {
    const limetypes = converted(standardDatabase());
    expect(values(limetypeOptions(limetypes))).toEqual(
      expect.arrayContaining(['company', 'conversation', 'helpdesk', 'person']),
    );
    expect(values(attachmentPropertyOptions(limetypes, 'helpdesk', 'identified-person'))).toEqual([
      'person',
    ]);
    expect(values(aggregationRelationOptions(limetypes, 'company')).sort()).toEqual(
      ['coworker', 'deal', 'helpdesk', 'history', 'person'].sort(),
    );
    expect(values(lookupPropertyOptions(limetypes, 'person', 'email'))).toContain('email');
    expect(values(lookupPropertyOptions(limetypes, 'person', 'phoneNumber'))).not.toContain(
      'email',
    );
    expect(values(historyTypeOptions(limetypes))).toContain('limeconnect');
  });

  it("finds a conversation's parent relation from the create command and from the context", () => {
    const limetypes = converted(standardDatabase());
    expect(belongstoRelations(limetypes, 'conversation')).toEqual([
      { property: 'helpdesk', limetype: 'helpdesk' },
      { property: 'deal', limetype: 'deal' },
    ]);
    expect(
      findParentRelation(limetypes, 'conversation', { initialValues: { helpdesk: 1001 } }),
    ).toEqual({ ok: true, property: 'helpdesk', parent: { limetype: 'helpdesk', id: 1001 } });
    expect(
      findParentRelation(limetypes, 'conversation', { context: { limetype: 'deal', id: 1002 } }),
    ).toEqual({ ok: true, property: 'deal', parent: { limetype: 'deal', id: 1002 } });
  });

  it('connects a conversation through ports built on the discovered relations', async () => {
    const limetypes = converted(standardDatabase());
    const emulator = createEmulator();
    const parent = findParentRelation(limetypes, 'conversation', {
      initialValues: { helpdesk: 1002 },
    });
    if (!parent.ok) {
      throw new Error(parent.reason);
    }
    const http = emulator.platform.get('http') as HttpService;
    const ports = conversationPorts(createWebclientCrmPort({ http }), {
      limetype: 'conversation',
      idProperty: 'conversationid',
      linkProperty: 'link',
      relations: belongstoRelations(limetypes, 'conversation'),
    });
    const outcome = await connectConversation(
      {
        conversationId: 70001,
        parentProperty: parent.property,
        parent: parent.parent,
        link: 'https://app.lime-connect.com/conversation/70001',
      },
      ports,
    );
    expect(outcome).toMatchObject({ outcome: 'connected', conversationId: 70001 });
    expect(
      emulator.db.list('conversation').filter((object) => object.conversationid === 70001),
    ).toEqual([expect.objectContaining({ helpdesk: 1002 })]);
    const again = await connectConversation(
      {
        conversationId: 70001,
        parentProperty: 'deal',
        parent: { limetype: 'deal', id: 1001 },
        link: 'https://app.lime-connect.com/conversation/70001',
      },
      ports,
    );
    expect(again).toMatchObject({
      outcome: 'connected-elsewhere',
      owner: { limetype: 'helpdesk', id: 1002 },
    });
  });

  it("loads the Portal's record with its sections from the published relations", async () => {
    const limetypes = converted(standardDatabase());
    const emulator = createEmulator();
    const result = await loadPortalRecord({
      executeQuery: async (query: LimeQuery) => ok(emulator.executeQuery(query)),
      getLimetype: async (name) => ok(limetypes[name]),
      limetype: 'person',
      id: 1001,
      view: {
        limetype: 'person',
        properties: ['email', 'company'],
        aggregations: [
          { title: 'Helpdesk tickets', relation: 'helpdesk', limit: 5 },
          { title: 'History', relation: 'history', limit: 5 },
        ],
      },
    });
    if (!result.ok) {
      throw new Error(JSON.stringify(result));
    }
    expect(result.record.overview.map((field) => [field.property, field.value])).toEqual([
      ['email', 'jane@example.com'],
      ['company', expect.anything()],
    ]);
    const janesTickets = emulator.db.list('helpdesk').filter((ticket) => ticket.person === 1001);
    expect(result.record.sections[0]).toMatchObject({
      status: 'ok',
      limetype: 'helpdesk',
      total: janesTickets.length,
    });
    expect(result.record.sections[1]).toMatchObject({ status: 'ok', limetype: 'history' });
  });

  it('hands subscribers the converted limetypes from a platform holding the published ones', () => {
    const published = standardDatabase();
    const platform: LimeWebComponentPlatform = {
      type: 'LimeCRMWebClient',
      has: (name) => name === 'state.limetypes',
      get: () => ({
        subscribe: (callback: (state: Record<string, Limetype>) => void) => {
          callback(published);
          return () => undefined;
        },
      }),
      register: () => undefined,
    };
    let heard: LimeTypes = {};
    subscribeLimetypes(platform, (limetypes) => {
      heard = limetypes;
    });
    expect(heard.conversation.properties.helpdesk.relation).toEqual({
      limetype: 'helpdesk',
      backreference: 'conversation',
    });
  });
});

describe('the platform contract: bad metadata gives clear messages, never a crash', () => {
  it('keeps a relation whose getLimetype throws or gives nothing without its relation, and says so', () => {
    const published = standardDatabase();
    published.helpdesk.properties.person.relation = {
      getLimetype: () => {
        throw new Error('limetype not loaded');
      },
      getBackreference: () => published.person.properties.helpdesk,
    };
    published.helpdesk.properties.company.relation = {
      getLimetype: () => undefined as unknown as Limetype,
      getBackreference: () => undefined as unknown as Property,
    };
    const { limetypes, problems } = limetypesFromPlatform(published);
    expect(problems).toEqual([
      '"helpdesk.company": its related limetype cannot be read (it names nothing).',
      '"helpdesk.person": its related limetype cannot be read (limetype not loaded).',
    ]);
    expect(limetypes.helpdesk.properties.person.relation).toBeUndefined();
    const { errors } = validateConfig(defaultConfig, limetypes);
    expect(errors.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['topics.0.attachments.0.property']),
    );
    expect(errors.every((issue) => issue.message.length > 0)).toBe(true);
  });

  it('leaves out a property without a type, and says which', () => {
    const published = standardDatabase();
    delete (published.person.properties.email as Partial<Property>).type;
    const { limetypes, problems } = limetypesFromPlatform(published);
    expect(problems).toEqual(['"person.email" has no type; it is left out.']);
    expect(limetypes.person.properties.email).toBeUndefined();
    expect(validateConfig(defaultConfig, limetypes).errors.map((issue) => issue.message)).toContain(
      'The limetype "person" has no property "email".',
    );
  });

  it('reads no limetypes, with a message, from a state that is not an object of limetypes', () => {
    expect(limetypesFromPlatform('nonsense' as unknown as Record<string, Limetype>)).toEqual({
      limetypes: {},
      problems: ['The limetypes state is not an object of limetypes.'],
    });
    expect(limetypesFromPlatform(undefined)).toEqual({ limetypes: {}, problems: [] });
  });
});

describe('the platform contract: the application state and translations of lime-web-components 2.1.0', () => {
  /**
   * A webclient in Swedish as 2.1.0 has it: `state.application` is `{ session, currentUser,
   * applicationName }` (its `@Session` decorator reads `.session`), and a translate service that
   * knows none of our keys returns the id it was asked for.
   */
  function swedishWebclient(): LimeWebComponentPlatform {
    const application: ApplicationState = {
      session: { language: 'sv' },
      currentUser: { id: 1001, fullname: 'Anna Lind' },
      applicationName: 'crm',
    };
    const translate: TranslateService = { get: (id: string) => id };
    const services: Record<string, unknown> = {
      translate,
      'state.application': {
        subscribe: (callback: (state: ApplicationState) => void) => {
          callback(application);
          return () => undefined;
        },
      },
    };
    return {
      type: 'LimeCRMWebClient',
      has: (name) => name in services,
      get: (name) => services[name],
      register: (name, service) => {
        services[name] = service;
      },
    };
  }

  it("reads the user's language from the session", () => {
    expect(languageOfApplication({ session: { language: 'sv' } })).toBe('sv');
    expect(languageOfApplication({ currentUser: { id: 1 } })).toBeUndefined();
    expect(currentLanguage(swedishWebclient())).toBe('sv');
  });

  it('speaks Swedish from our own texts when the translate service knows none of our keys', async () => {
    const webclient = swedishWebclient();
    await bundledTextsReady(webclient);
    const t = translator(webclient);
    expect(t('connect_dialog.title')).toBe('Koppla en konversation');
    expect(t('history_note.show_more')).toBe('Visa mer');
  });
});
