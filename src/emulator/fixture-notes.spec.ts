import * as fs from 'fs';
import * as path from 'path';
import { FIXTURE_NOTES } from './fixture-notes';

// The shared fixtures live beside the repository, in ../shared/fixtures.
const FIXTURES_DIR = path.resolve(__dirname, '../../../shared/fixtures');
const haveFixtures = fs.existsSync(FIXTURES_DIR);
const describeWithFixtures = haveFixtures ? describe : describe.skip;

if (!haveFixtures) {
  console.info(
    `Skipping the fixture-notes check: ${FIXTURES_DIR} does not exist in this checkout.`,
  );
}

describeWithFixtures('the demo notes copied from shared/fixtures', () => {
  it('has every fixture note, byte for byte (CRLF kept)', () => {
    const files = fs
      .readdirSync(FIXTURES_DIR)
      .filter((file) => file.endsWith('.txt'))
      .sort();
    expect(Object.keys(FIXTURE_NOTES).sort()).toEqual(files);
    for (const file of files) {
      expect({ file, text: FIXTURE_NOTES[file] }).toEqual({
        file,
        text: fs.readFileSync(path.join(FIXTURES_DIR, file), 'utf8'),
      });
    }
  });
});
