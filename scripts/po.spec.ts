import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import en from '../src/translations/en.json';
import { TRANSLATION_PREFIX, translator } from '../src/lime/translate';
import type { LimePlatform } from '../src/lime/types';
import { poString, toPo } from './po';

describe('toPo', () => {
  it('writes one entry a text, its msgid the full id the components ask the translate service for', () => {
    const po = toPo('sv', { 'connect.title': 'Koppla konversation' }, 'limepkg_conversations');
    expect(po).toBe(
      [
        'msgid ""',
        'msgstr ""',
        '"MIME-Version: 1.0\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '"Content-Transfer-Encoding: 8bit\\n"',
        '"Language: sv\\n"',
        '',
        'msgid "limepkg_conversations.connect.title"',
        'msgstr "Koppla konversation"',
        '',
      ].join('\n'),
    );
  });

  it('names each text by the id the components ask the translate service for', () => {
    const asked: string[] = [];
    const translate = { get: (id: string) => (asked.push(id), id) };
    const platform: LimePlatform = {
      type: 'LimeCRMWebClient',
      has: (name: string) => name === 'translate',
      get: () => translate,
      register: () => undefined,
    };
    const [key, text] = Object.entries(en)[0];
    translator(platform)(key);
    expect(asked).toEqual([`${TRANSLATION_PREFIX}.${key}`]);
    expect(toPo('en', en, TRANSLATION_PREFIX)).toContain(
      `\nmsgid "${asked[0]}"\nmsgstr ${poString(text)}\n`,
    );
  });

  it('escapes quotes, backslashes, newlines, carriage returns and tabs, and keeps {params}', () => {
    expect(poString('Say "hi" to {name}')).toBe('"Say \\"hi\\" to {name}"');
    expect(poString('C:\\path\\n is not a newline')).toBe('"C:\\\\path\\\\n is not a newline"');
    expect(poString('one\ntwo\r\n\tthree')).toBe('"one\\ntwo\\r\\n\\tthree"');
  });

  it('gives files gettext reads back to the same texts', () => {
    const msgfmt = (() => {
      try {
        execFileSync('msgfmt', ['--version'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
    const texts = { quote: 'He said "no"', slash: 'a\\b', lines: 'a\nb', param: '{count} left' };
    const po = toPo('en', texts, 'p');
    if (!msgfmt) {
      // Without gettext, the file is read back by the rules of the format itself.
      const read = [...po.matchAll(/^msgid "(.*)"\nmsgstr "(.*)"$/gm)]
        .filter(([, id]) => id)
        .map(([, id, text]) => [id, JSON.parse(`"${text}"`)]);
      expect(Object.fromEntries(read)).toEqual({
        'p.quote': texts.quote,
        'p.slash': texts.slash,
        'p.lines': texts.lines,
        'p.param': texts.param,
      });
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'po-'));
    writeFileSync(join(dir, 'en.po'), po);
    execFileSync('msgfmt', ['--check', '-o', join(dir, 'en.mo'), join(dir, 'en.po')]);
    const unfolded = execFileSync('msgcat', ['--no-wrap', join(dir, 'en.po')], {
      encoding: 'utf8',
    });
    expect(unfolded).toContain('msgid "p.quote"\nmsgstr "He said \\"no\\""');
    expect(readFileSync(join(dir, 'en.po'), 'utf8')).toBe(po);
  });
});
