// Writes dist/translations/<language>.po from src/translations/<language>.json (run by
// `npm run build`, after Stencil, which empties dist/): what a Lime package copies into its
// `translations/` folder.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { TRANSLATION_PREFIX } from '../src/lime/translate';
import { toPo } from './po';

const root = resolve(__dirname, '..');
const source = join(root, 'src', 'translations');
const target = join(root, 'dist', 'translations');

mkdirSync(target, { recursive: true });
for (const file of readdirSync(source).filter((name) => name.endsWith('.json'))) {
  const language = basename(file, '.json');
  const texts: Record<string, string> = JSON.parse(readFileSync(join(source, file), 'utf8'));
  const path = join(target, `${language}.po`);
  writeFileSync(path, toPo(language, texts, TRANSLATION_PREFIX));
  console.log(`wrote ${relative(process.cwd(), path)}`);
}
