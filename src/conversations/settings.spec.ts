import { CONFIG_KEY } from '../config/schema';
import { conversationLimetypeOf } from './conversation-limetype';
import { conversationSettingsOf } from './settings';

describe('conversationSettingsOf', () => {
  it('uses the defaults when nothing is configured', () => {
    expect(conversationSettingsOf({})).toEqual({
      limetype: 'conversation',
      idProperty: 'conversationid',
      linkProperty: 'link',
      linkBase: 'https://app.lime-connect.com/message-center/conversation/',
    });
  });

  it('reads the configured conversation limetype, fields and link base', () => {
    const configs = {
      [CONFIG_KEY]: {
        conversation: { limetype: 'chat', idProperty: 'chatid', linkProperty: 'url' },
        conversationLinkBase: 'https://connect.example.com/c/',
      },
    };
    expect(conversationSettingsOf(configs)).toEqual({
      limetype: 'chat',
      idProperty: 'chatid',
      linkProperty: 'url',
      linkBase: 'https://connect.example.com/c/',
    });
  });

  it('falls back to the defaults for a broken configuration or state', () => {
    expect(
      conversationSettingsOf({ [CONFIG_KEY]: { conversation: { limetype: 42 } } }).limetype,
    ).toBe('conversation');
    expect(conversationSettingsOf(null).limetype).toBe('conversation');
    expect(conversationSettingsOf('nonsense').idProperty).toBe('conversationid');
  });

  it('reads the conversation settings of a configuration that is broken elsewhere, as the loader does', () => {
    const configs = {
      [CONFIG_KEY]: {
        conversation: { limetype: 'chat' },
        topics: [{ topic: 42 }],
        lookupRules: 'nonsense',
      },
    };
    expect(conversationSettingsOf(configs)).toMatchObject({
      limetype: 'chat',
      idProperty: 'conversationid',
    });
    expect(conversationSettingsOf(configs).limetype).toBe(conversationLimetypeOf(configs));
  });

  it('reads a configuration stored as JSON text', () => {
    const configs = { [CONFIG_KEY]: JSON.stringify({ conversation: { limetype: 'chat' } }) };
    expect(conversationSettingsOf(configs).limetype).toBe('chat');
    expect(conversationSettingsOf({ [CONFIG_KEY]: '{"conversation":' }).limetype).toBe(
      'conversation',
    );
  });
});
