import fc from 'fast-check';
import { CONFIG_KEY } from '../config/schema';
import { conversationLimetypeOf } from './conversation-limetype';
import { conversationSettingsOf } from './settings';

describe('conversationLimetypeOf', () => {
  it('reads the configured conversation limetype, the default when there is none', () => {
    expect(conversationLimetypeOf({ [CONFIG_KEY]: { conversation: { limetype: 'chat' } } })).toBe(
      'chat',
    );
    expect(
      conversationLimetypeOf({
        [CONFIG_KEY]: JSON.stringify({ conversation: { limetype: 'chat' } }),
      }),
    ).toBe('chat');
    expect(conversationLimetypeOf({})).toBe('conversation');
    expect(conversationLimetypeOf({ [CONFIG_KEY]: {} })).toBe('conversation');
  });

  it('takes the default for anything the parser would not take as a limetype, and never throws', () => {
    const broken = [
      undefined,
      null,
      'text',
      [],
      { [CONFIG_KEY]: null },
      { [CONFIG_KEY]: '{"conversation":' },
      { [CONFIG_KEY]: { conversation: [] } },
      { [CONFIG_KEY]: { conversation: { limetype: '' } } },
      { [CONFIG_KEY]: { conversation: { limetype: 42 } } },
      { [CONFIG_KEY]: { conversation: Object.create({ limetype: 'inherited' }) } },
    ];
    for (const configs of broken) {
      expect(conversationLimetypeOf(configs)).toBe('conversation');
    }
  });

  it('agrees with the full parse for every valid configuration', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (limetype) => {
        const configs = { [CONFIG_KEY]: { conversation: { limetype } } };
        expect(conversationLimetypeOf(configs)).toBe(conversationSettingsOf(configs).limetype);
      }),
    );
  });
});
