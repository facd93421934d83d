// Our translations (src/translations/<language>.json) as gettext .po files, the form a Lime package
// ships its texts in (its `translations/` folder). The msgid is the full id the components ask the
// platform's translate service for: `limepkg_conversations.<key>`. Texts are kept as they are,
// `{param}` placeholders included.

/** A string as a .po quoted string: backslashes, quotes and control characters escaped. */
export function poString(text: string): string {
  const escaped = text.replace(/[\\"\n\r\t]/g, (character) => PO_ESCAPES[character]);
  return `"${escaped}"`;
}

const PO_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** The .po file of one language: a header, then one entry a text, in the order of `texts`. */
export function toPo(language: string, texts: Record<string, string>, prefix: string): string {
  const header = [
    'msgid ""',
    'msgstr ""',
    poString('MIME-Version: 1.0\n'),
    poString('Content-Type: text/plain; charset=UTF-8\n'),
    poString('Content-Transfer-Encoding: 8bit\n'),
    poString(`Language: ${language}\n`),
  ].join('\n');
  const entries = Object.entries(texts).map(
    ([key, text]) => `msgid ${poString(`${prefix}.${key}`)}\nmsgstr ${poString(text)}`,
  );
  return [header, ...entries].join('\n\n') + '\n';
}
