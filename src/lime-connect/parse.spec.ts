import { parseAddonAction, parseAddonEvent } from './parse';
import {
  seedActions,
  seedContactEvent,
  seedConversationEvent,
  seedEvents,
  seedJwtTokenEvent,
  seedOperatorEvent,
  seedTranscriptEvent,
} from './seed-examples';

const contact = seedContactEvent.payload;
const huge = 'x'.repeat(3_000);
const deep = (levels: number): unknown => (levels === 0 ? 'bottom' : { nested: deep(levels - 1) });

function withProtoKey(payload: Record<string, unknown>, at: 'top' | 'payload' | 'custom') {
  const key = '__proto__';
  const poison = JSON.parse(`{"${key}": {"polluted": true}}`);
  if (at === 'top') {
    return { ...JSON.parse(`{"${key}": {"polluted": true}}`), name: 'toast', payload };
  }
  if (at === 'payload') {
    return { name: 'contact_information', payload: { ...contact, ...poison } };
  }
  return { name: 'contact_information', payload: { ...contact, customFieldData: poison } };
}

describe('parseAddonEvent', () => {
  it.each(seedEvents.map((event) => [event.name, event]))(
    'accepts the seed example of %s exactly as printed',
    (_name, event) => {
      const result = parseAddonEvent(event);
      expect(result).toEqual({ ok: true, event: expect.objectContaining({ name: event.name }) });
    },
  );

  it('reads the contact of the seed, whose example sends custom_field_data: null', () => {
    const result = parseAddonEvent(seedContactEvent);
    expect(result.ok && result.event).toEqual({
      name: 'contact_information',
      payload: {
        id: '1111',
        name: 'Jane Doe',
        email: 'jane@example.com',
        locale: 'en_US',
        mobileNumber: '+325920392947',
        phoneNumber: '+325920392947',
        salutation: 'ms',
        street: 'Im Mediapark 8',
        city: 'Köln',
        country: 'DE',
        company: 'Lime Connect',
        gender: null,
        customFieldData: {},
      },
    });
  });

  it('keeps custom fields sent under either spelling', () => {
    const result = parseAddonEvent({
      name: 'contact_information',
      payload: {
        ...contact,
        custom_field_data: { customer_no: 'C-1' },
        customFieldData: { tags: ['vip', 'beta'], empty: null },
      },
    });
    expect(result.ok && result.event.payload).toMatchObject({
      customFieldData: { customer_no: 'C-1', tags: ['vip', 'beta'], empty: null },
    });
  });

  it('reads a contact that only has an id, everything else unknown', () => {
    const result = parseAddonEvent({ name: 'contact_information', payload: { id: 7 } });
    expect(result.ok && result.event.payload).toMatchObject({
      id: '7',
      email: null,
      phoneNumber: null,
      customFieldData: {},
    });
  });

  it('turns an unknown salutation into null instead of losing the contact', () => {
    const result = parseAddonEvent({
      name: 'contact_information',
      payload: { ...contact, salutation: 'dr' },
    });
    expect(result.ok && result.event.payload).toMatchObject({ salutation: null, name: 'Jane Doe' });
  });

  it('reads the conversation of the seed, whose example sends customFieldData: null', () => {
    const result = parseAddonEvent(seedConversationEvent);
    expect(result.ok && result.event.payload).toEqual({
      id: '1111',
      topics: [{ text: 'Support' }, { text: 'Support' }],
      locale: 'en_US',
      subject: 'IT Support',
      customFieldData: {},
      widget: { id: '111', name: 'My widget' },
    });
  });

  it('reads both answers to generate_jwt_token', () => {
    expect(parseAddonEvent(seedJwtTokenEvent)).toEqual({
      ok: true,
      event: { name: 'jwt_token', payload: { type: 'success', token: 'xxxxxxxxx...' } },
    });
    expect(
      parseAddonEvent({ name: 'jwt_token', payload: { type: 'error', error: 'Not allowed' } }),
    ).toEqual({
      ok: true,
      event: { name: 'jwt_token', payload: { type: 'error', error: 'Not allowed' } },
    });
  });

  it('names what was wrong in an invalid payload', () => {
    const result = parseAddonEvent({ name: 'operator_information', payload: { id: '1' } });
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid-payload',
      name: 'operator_information',
      issues: expect.arrayContaining([expect.objectContaining({ path: 'payload.name' })]),
    });
  });

  it('tells an unknown event from a malformed one', () => {
    expect(parseAddonEvent({ name: 'delete_everything', payload: {} })).toMatchObject({
      ok: false,
      reason: 'unknown-name',
      name: 'delete_everything',
    });
    expect(parseAddonEvent('contact_information')).toEqual({ ok: false, reason: 'not-a-message' });
  });

  it('does not take actions for events, nor events for actions', () => {
    expect(
      parseAddonEvent({ name: 'toast', payload: { status: 'info', message: 'x' } }),
    ).toMatchObject({ ok: false, reason: 'unknown-name' });
    expect(parseAddonAction(seedOperatorEvent)).toMatchObject({
      ok: false,
      reason: 'unknown-name',
    });
  });

  const hostile: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', 'contact_information'],
    ['an array', [seedContactEvent]],
    ['a function', () => seedContactEvent],
    ['a message without a name', { payload: contact }],
    ['a numeric name', { name: 1, payload: contact }],
    ['a name that is an object', { name: { toString: () => 'contact_information' }, payload: {} }],
    ['a name from the prototype chain', { name: 'constructor', payload: {} }],
    ['a name __proto__', { name: '__proto__', payload: {} }],
    ['a missing payload', { name: 'contact_information' }],
    ['a null payload', { name: 'contact_information', payload: null }],
    ['a string payload', { name: 'contact_information', payload: 'jane@example.com' }],
    [
      'a contact without id',
      { name: 'contact_information', payload: { ...contact, id: undefined } },
    ],
    [
      'an email that is a number',
      { name: 'contact_information', payload: { ...contact, email: 42 } },
    ],
    [
      'an email that is an object',
      { name: 'contact_information', payload: { ...contact, email: { a: 1 } } },
    ],
    [
      'a phone that is an array',
      { name: 'contact_information', payload: { ...contact, phoneNumber: ['+46'] } },
    ],
    ['a huge email', { name: 'contact_information', payload: { ...contact, email: huge } }],
    [
      'custom fields that are a string',
      { name: 'contact_information', payload: { ...contact, customFieldData: 'a=b' } },
    ],
    [
      'a custom field that is an object',
      { name: 'contact_information', payload: { ...contact, customFieldData: { a: { b: 1 } } } },
    ],
    ['__proto__ beside the name', withProtoKey({ status: 'info', message: 'x' }, 'top')],
    ['__proto__ in the contact', withProtoKey({}, 'payload')],
    ['__proto__ as a custom field', withProtoKey({}, 'custom')],
    [
      'constructor as a custom field',
      {
        name: 'contact_information',
        payload: { ...contact, customFieldData: { constructor: 'x' } },
      },
    ],
    [
      'prototype as a custom field',
      { name: 'contact_information', payload: { ...contact, customFieldData: { prototype: 'x' } } },
    ],
    [
      'junk nested deep in the payload',
      {
        name: 'conversation_information',
        payload: { ...seedConversationEvent.payload, widget: deep(50) },
      },
    ],
    ['a transcript that is not an array', { name: 'transcript', payload: { transcript: 'hello' } }],
    [
      'a transcript message without a sender',
      {
        name: 'transcript',
        payload: { transcript: [{ type: 'message', body: 'hi', textFormat: 'plain_text' }] },
      },
    ],
    [
      'a transcript message from a stranger',
      {
        name: 'transcript',
        payload: {
          transcript: [
            { ...seedTranscriptEvent.payload.transcript[0], sender: { type: 'system' } },
          ],
        },
      },
    ],
    [
      'a transcript message in html',
      {
        name: 'transcript',
        payload: {
          transcript: [{ ...seedTranscriptEvent.payload.transcript[0], textFormat: 'html' }],
        },
      },
    ],
    [
      'a transcript body of 200,000 characters',
      {
        name: 'transcript',
        payload: {
          transcript: [{ ...seedTranscriptEvent.payload.transcript[0], body: 'x'.repeat(200_000) }],
        },
      },
    ],
    [
      'a transcript of 20,000 messages',
      {
        name: 'transcript',
        payload: {
          transcript: Array.from(
            { length: 20_000 },
            () => seedTranscriptEvent.payload.transcript[0],
          ),
        },
      },
    ],
    ['a jwt_token without a type', { name: 'jwt_token', payload: { token: 'abc' } }],
    ['a jwt_token success without a token', { name: 'jwt_token', payload: { type: 'success' } }],
    [
      'a jwt_token with an empty token',
      { name: 'jwt_token', payload: { type: 'success', token: '' } },
    ],
    [
      'a jwt_token with a token of 1 MB',
      { name: 'jwt_token', payload: { type: 'success', token: 'x'.repeat(1_000_000) } },
    ],
    [
      'an operator whose email is null',
      { name: 'operator_information', payload: { ...seedOperatorEvent.payload, email: null } },
    ],
    [
      'topics that are strings',
      {
        name: 'conversation_information',
        payload: { ...seedConversationEvent.payload, topics: ['Support'] },
      },
    ],
    [
      'a Date instead of plain data',
      { name: 'operator_information', payload: { ...seedOperatorEvent.payload, name: new Date() } },
    ],
    [
      'a Map instead of plain data',
      { name: 'contact_information', payload: new Map([['id', '1']]) },
    ],
    ['a symbol key', { name: 'contact_information', payload: { ...contact, [Symbol('x')]: 1 } }],
    [
      'a getter that throws',
      {
        name: 'contact_information',
        get payload() {
          throw new Error('boom');
        },
      },
    ],
  ];

  it(`rejects ${hostile.length} malformed or hostile payloads without throwing`, () => {
    expect(hostile.length).toBeGreaterThanOrEqual(30);
    for (const [label, data] of hostile) {
      // A throw fails the test here as well.
      expect({ label, ok: parseAddonEvent(data).ok }).toEqual({ label, ok: false });
    }
  });

  it('leaves every prototype untouched, whatever it was sent', () => {
    for (const [, data] of hostile) {
      parseAddonEvent(data);
      parseAddonAction(data);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('parseAddonAction', () => {
  it.each(seedActions.map((action) => [action.name, action]))(
    'accepts the seed example of %s exactly as printed',
    (_name, action) => {
      expect(parseAddonAction(action)).toEqual({
        ok: true,
        action: expect.objectContaining({ name: action.name }),
      });
    },
  );

  it('refuses a toast with a status Lime Connect does not have', () => {
    expect(
      parseAddonAction({ name: 'toast', payload: { status: 'fatal', message: 'x' } }),
    ).toMatchObject({ ok: false, reason: 'invalid-payload' });
  });
});
