// The example payloads of seed 002 (the Custom Add-on Frontend API), exactly as printed there,
// including its inconsistencies (`custom_field_data: null` on the contact, `customFieldData: null`
// on the conversation). The specs parse them; the Message Center stand-in starts from them.

export const seedTranscriptEvent = {
  name: 'transcript',
  payload: {
    transcript: [
      {
        sender: { type: 'contact' },
        body: 'Hello, I have a question about your product.',
        textFormat: 'plain_text',
        type: 'message',
      },
      {
        sender: { type: 'operator' },
        body: 'Hello, how can I help you?',
        textFormat: 'plain_text',
        type: 'message',
      },
    ],
  },
};

export const seedContactEvent = {
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
    custom_field_data: null,
  },
};

export const seedConversationEvent = {
  name: 'conversation_information',
  payload: {
    id: '1111',
    topics: [{ text: 'Support' }, { text: 'Support' }],
    locale: 'en_US',
    subject: 'IT Support',
    customFieldData: null,
    widget: {
      id: '111',
      name: 'My widget',
    },
  },
};

export const seedOperatorEvent = {
  name: 'operator_information',
  payload: {
    id: '1111',
    name: 'Jane Doe',
    email: 'jane@example.com',
    locale: 'en_US',
  },
};

export const seedJwtTokenEvent = {
  name: 'jwt_token',
  payload: {
    type: 'success',
    token: 'xxxxxxxxx...',
  },
};

export const seedReadyAction = { name: 'ready', payload: {} };

export const seedGenerateJwtTokenAction = { name: 'generate_jwt_token', payload: {} };

export const seedReplaceChatInputAction = {
  name: 'replace_chat_input',
  payload: {
    textFormat: 'markdown_v1',
    message: 'For more information [check out Lime Connect](https://app.lime-connect.com).',
  },
};

export const seedToastAction = {
  name: 'toast',
  payload: {
    status: 'error',
    message: 'An unexpected error has occurred.',
  },
};

export const seedUpdateContactAction = {
  name: 'update_contact_information',
  payload: {
    name: 'Jane Doe',
    customFieldData: { 'dd23-4dfd-f23f-s3rf': 'Hello world!' },
  },
};

export const seedUpdateConversationAction = {
  name: 'update_conversation_information',
  payload: {
    customFieldData: { 'dd23-4dfd-f23f-s3rf': 'Hello world!' },
  },
};

/** The toast of the seed's "Triggering Message Center actions" example. */
export const seedWarningToastAction = {
  name: 'toast',
  payload: { message: 'Hello from the add-on!', status: 'warning' },
};

export const seedEvents = [
  seedTranscriptEvent,
  seedContactEvent,
  seedConversationEvent,
  seedOperatorEvent,
  seedJwtTokenEvent,
];

export const seedActions = [
  seedReadyAction,
  seedGenerateJwtTokenAction,
  seedReplaceChatInputAction,
  seedToastAction,
  seedWarningToastAction,
  seedUpdateContactAction,
  seedUpdateConversationAction,
];
