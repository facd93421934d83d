// `npm run bench`: under the shared build lock, builds www/ once if needed, serves it, opens headless Chromium and runs every
// `scripts/bench/*.mjs` module. A module exports `name` and `run({ page, browser, baseUrl, log })`,
// which returns its figures. Prints all figures as JSON and writes them to bench-results/latest.json.
//
//   npm run bench                 # every module
//   npm run bench -- transcript   # only modules whose name contains "transcript"
//   BENCH_REBUILD=1 npm run bench # rebuild www/ first
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cpus, tmpdir, totalmem } from 'node:os';
import puppeteer from 'puppeteer-core';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const www = join(root, 'www');
const filter = process.argv[2] ?? '';
const log = (...args) => console.error('[bench]', ...args);

/** A blank page with lime-elements and this package's components, for modules to fill in. */
export const BENCH_PAGE = '/__bench.html';
const BENCH_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/lime-elements/lime-elements/lime-elements.esm.js"></script>
<script type="module" src="/build/lwc-limepkg-conversations.esm.js"></script>
</head><body></body></html>`;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const LOCK_FILE = join(tmpdir(), 'limepkg-build.lock');

/**
 * www/ is shared with the e2e tests of everyone working in this tree: hold the build lock for the
 * whole run (build and measure), by running again under `flock` where there is one.
 */
function runUnderBuildLock() {
  if (process.env.LIMEPKG_BUILD_LOCKED || spawnSync('flock', ['--version']).error) {
    return false;
  }
  const result = spawnSync('flock', [LOCK_FILE, process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, LIMEPKG_BUILD_LOCKED: '1' },
  });
  process.exit(result.status ?? 1);
}

function ensureBuild() {
  const built = existsSync(join(www, 'build', 'lwc-limepkg-conversations.esm.js'));
  if (built && !process.env.BENCH_REBUILD) {
    return;
  }
  log('building www/ (stencil build --dev) …');
  const result = spawnSync('npx', ['stencil', 'build', '--dev'], {
    cwd: root,
    // The build's log goes to stderr: stdout carries the JSON figures alone.
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(`stencil build failed (${result.status ?? result.signal})`);
  }
}

function serve() {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (path === BENCH_PAGE) {
      response.writeHead(200, { 'content-type': TYPES['.html'] });
      response.end(BENCH_HTML);
      return;
    }
    const file = normalize(join(www, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(www + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolveServer) =>
    server.listen(0, '127.0.0.1', () =>
      resolveServer({ server, baseUrl: `http://127.0.0.1:${server.address().port}` }),
    ),
  );
}

async function main() {
  runUnderBuildLock();
  ensureBuild();
  const modules = readdirSync(join(root, 'scripts', 'bench'))
    .filter((file) => file.endsWith('.mjs'))
    .sort();
  const { server, baseUrl } = await serve();
  const browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium',
    headless: 'shell',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--js-flags=--expose-gc'],
  });
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
    },
    browser: await browser.version(),
    modules: {},
  };
  try {
    for (const file of modules) {
      const module = await import(pathToFileURL(join(root, 'scripts', 'bench', file)).href);
      if (!module.name.includes(filter)) {
        continue;
      }
      log(`running ${module.name}`);
      const page = await browser.newPage();
      try {
        results.modules[module.name] = await module.run({
          page,
          browser,
          baseUrl,
          benchPage: BENCH_PAGE,
          log,
        });
      } catch (error) {
        results.modules[module.name] = { error: String(error?.stack ?? error) };
        process.exitCode = 1;
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const json = JSON.stringify(results, null, 2);
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'latest.json'), json + '\n');
  console.log(json);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
