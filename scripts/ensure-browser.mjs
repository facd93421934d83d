// Makes sure a Chromium is there before the browser tests run: Debian's `chromium` through apt
// when we are root and it is missing; otherwise a clear message naming PUPPETEER_EXECUTABLE_PATH.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;

if (fromEnv) {
  if (!existsSync(fromEnv)) {
    console.error(`PUPPETEER_EXECUTABLE_PATH is set to ${fromEnv}, but there is no file there.`);
    process.exit(1);
  }
  process.exit(0);
}

if (existsSync(DEBIAN_CHROMIUM)) {
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    [
      'The browser tests need Chromium, and none was found at ' + DEBIAN_CHROMIUM + '.',
      'Install it (Debian/Ubuntu: sudo apt-get install -y chromium), or point',
      'PUPPETEER_EXECUTABLE_PATH at a Chromium or Chrome executable, then run npm test again.',
    ].join('\n'),
  );
  process.exit(1);
}

console.log("Chromium is missing: installing Debian's chromium with apt-get (running as root)…");
try {
  execSync('apt-get update -qq', {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  execSync('apt-get install -y -qq chromium', {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch {
  console.error(
    'apt-get could not install chromium. Install it by hand, or set PUPPETEER_EXECUTABLE_PATH.',
  );
  process.exit(1);
}
if (!existsSync(DEBIAN_CHROMIUM)) {
  console.error(
    'apt-get finished, but ' +
      DEBIAN_CHROMIUM +
      ' is still missing. Set PUPPETEER_EXECUTABLE_PATH.',
  );
  process.exit(1);
}
