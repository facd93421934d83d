import en from './en.json';
import sv from './sv.json';

describe('translations', () => {
  it('has a Swedish text for every English one, and no Swedish text without an English one', () => {
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
  });

  it('keeps the same {params} in both languages', () => {
    const params = (text: string) => (text.match(/\{[a-zA-Z_]+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, params: params(sv[key]) }).toEqual({ key, params: params(en[key]) });
    }
  });

  it('has no empty texts', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(sv)]) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });
});
