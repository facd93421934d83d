import { CONFIG_KEY } from '../config/schema';
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
});
