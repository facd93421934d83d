// Writes lime-admin-config/schema.json and defaults.json from the configuration schema.
// `--check` writes nothing and fails when the committed files are stale (run by `npm test`).
import { relative } from 'node:path';
import {
  ADMIN_CONFIG_DIR,
  staleAdminConfigFiles,
  writeAdminConfigFiles,
} from './admin-config-files';

if (process.argv.includes('--check')) {
  const stale = staleAdminConfigFiles();
  if (stale.length) {
    const dir = relative(process.cwd(), ADMIN_CONFIG_DIR) || ADMIN_CONFIG_DIR;
    console.error(
      `${stale.map((name) => `${dir}/${name}`).join(' and ')} ${stale.length > 1 ? 'are' : 'is'} ` +
        'stale: the configuration schema in src/config/ has changed since they were generated.\n' +
        'Run `npx tsx scripts/generate-admin-config.ts` (or `npm run build`) and commit the result.',
    );
    process.exit(1);
  }
  console.log('lime-admin-config is up to date.');
} else {
  writeAdminConfigFiles().forEach((path) => console.log(`wrote ${relative(process.cwd(), path)}`));
}
