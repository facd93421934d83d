// Where the tests and the bench find Chromium: PUPPETEER_EXECUTABLE_PATH wins, else Debian's.
import { existsSync } from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(): string {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv && existsSync(fromEnv)) {
    return fromEnv;
  }
  return DEBIAN_CHROMIUM;
}
