// The config we ship fits Lime's standard database with our package installed, read the way a
// component reads it: the emulator's `state.limetypes` (published shapes) through src/lime.
import { createEmulator } from '../emulator';
import { standardLimetypes } from '../emulator/schema';
import { limetypesFromPlatform, type PlatformLimetypes } from '../lime';
import { defaultConfig } from './defaults';
import { validateConfig } from './validate';

function limetypesOfEmulator() {
  let state: PlatformLimetypes = {};
  createEmulator({ seed: false })
    .platform.get('state.limetypes')
    .subscribe((published: PlatformLimetypes) => {
      state = published;
    });
  return limetypesFromPlatform(state);
}

describe('the default config', () => {
  it("validates with no errors on Lime's standard limetypes plus the ones we install", () => {
    const { limetypes, problems } = limetypesOfEmulator();
    expect(problems).toEqual([]);
    const { errors, warnings } = validateConfig(defaultConfig, limetypes);
    expect(errors).toEqual([]);
    // Listed, so that a new warning on the defaults is a decision, not an accident.
    expect(warnings.map((warning) => `${warning.path.join('.')}: ${warning.code}`)).toEqual([]);
  });

  it('needs what we install: on the standard limetypes alone it names the conversation limetype', () => {
    const { errors } = validateConfig(defaultConfig, standardLimetypes());
    expect(errors.map((issue) => issue.message)).toEqual(
      expect.arrayContaining([
        'There is no limetype "conversation".',
        expect.stringContaining('limeconnect'),
      ]),
    );
  });
});
