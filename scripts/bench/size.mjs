// Bench: what each component costs to load, counted as the webclient loads the shipped bundle.
// Serves dist/ (built by `npm run build` when missing, or again with BENCH_REBUILD=1), loads the
// namespace's entry `<namespace>/<namespace>.esm.js` in a fresh browser context, creates only the
// component, waits until the network is idle and records every file fetched from dist/ with its
// gzipped size (zlib's default level, as a web server would send it). lime-elements is the
// webclient's, so it is not loaded. Baseline: the whole browser build (every file in the namespace
// folder), i.e. what loading it all eagerly would cost.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';

export const name = 'size';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dist = join(root, 'dist');

/** The budgets of issue 10, in gzipped kB (1,000 bytes). */
const BUDGETS_KB = { loader: 8, 'history-note': 30, 'connect-dialog': 35 };

function ensureDist(log) {
  if (namespaceOf() && !process.env.BENCH_REBUILD) {
    return;
  }
  log('building dist/ (npm run build) …');
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(`npm run build failed (${result.status ?? result.signal})`);
  }
}

/** The Stencil namespace: the dist/ folder holding `<namespace>.esm.js`. */
function namespaceOf() {
  if (!existsSync(dist)) {
    return undefined;
  }
  return readdirSync(dist).find((entry) => existsSync(join(dist, entry, `${entry}.esm.js`)));
}

const gzipped = (file) => gzipSync(readFileSync(file)).length;

function serveDist() {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>',
      );
      return;
    }
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
    response.end(readFileSync(file));
  });
  return new Promise((resolveServer) =>
    server.listen(0, '127.0.0.1', () =>
      resolveServer({ server, baseUrl: `http://127.0.0.1:${server.address().port}` }),
    ),
  );
}

/** Loads the namespace entry, creates one element with `properties`, and lists what was fetched. */
async function measure(browser, baseUrl, namespace, tag, properties, options = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const fetched = new Map();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/dist/')) {
      fetched.set(path, gzipped(join(root, decodeURIComponent(path))));
    }
  });
  try {
    await page.goto(`${baseUrl}/`);
    await page.evaluate(
      async (entry, tagName, props, knowsOurTexts) => {
        await import(entry);
        const element = document.createElement(tagName);
        Object.assign(element, props);
        if (knowsOurTexts) {
          // A webclient with our .po files: its translate service knows every id of ours.
          element.platform = {
            has: (name) => name === 'translate',
            get: (name) => (name === 'translate' ? { get: (id) => `[${id}]` } : undefined),
          };
        }
        document.body.append(element);
        await customElements.whenDefined(tagName);
        await element.componentOnReady?.();
      },
      `/dist/${namespace}/${namespace}.esm.js`,
      tag,
      properties,
      options.knowsOurTexts === true,
    );
    await page.waitForNetworkIdle({ idleTime: 300 });
  } finally {
    await context.close();
  }
  const files = Object.fromEntries(
    [...fetched.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, size]) => [path, size]),
  );
  const bytes = Object.values(files).reduce((sum, size) => sum + size, 0);
  return {
    files: Object.keys(files).length,
    gzipBytes: bytes,
    gzipKb: kb(bytes),
    errors,
    fetched: files,
  };
}

const kb = (bytes) => Math.round(bytes / 100) / 10;

// The floor under the loader's budget: what any namespace built by this Stencil, with the runtime
// options of stencil.config.dist.ts, costs before a line of ours. Two toy namespaces of one
// component each: a render-less loader (the fewest runtime features), and a component using what
// ours use (render, styles, @State, @Watch, @Event, @Element, Host). The runtime is one per
// namespace, sized by the union of its components' features, so the second is the loader's floor.
const FLOOR_COMPONENTS = {
  'loader only': `import { Component, Prop } from '@stencil/core';
@Component({ tag: 'floor-loader', shadow: true })
export class FloorLoader {
  @Prop() public platform: unknown;
  public connectedCallback() { void this.platform; }
}`,
  'with a rendering component': `import { Component, Element, Event, EventEmitter, Host, Prop, State, Watch, h } from '@stencil/core';
@Component({ tag: 'floor-rendering', shadow: true, styles: ':host { display: block; }' })
export class FloorRendering {
  @Prop() public value = '';
  @State() private count = 0;
  @Element() private host: HTMLElement;
  @Event() public change: EventEmitter<string>;
  @Watch('value') public valueChanged() { this.count += 1; }
  public componentWillLoad() { return Promise.resolve(); }
  public componentDidLoad() { void this.host; }
  public render() {
    return <Host class={{ open: this.count > 0 }}><button key="b" onClick={() => this.change.emit(this.value)} title={this.value}>{this.count}</button><limel-icon name="x" /></Host>;
  }
}`,
};

function stencilFloor(log) {
  const floor = {};
  for (const [label, source] of Object.entries(FLOOR_COMPONENTS)) {
    log(`size: Stencil's floor, ${label} (toy build)`);
    const project = mkdtempSync(join(tmpdir(), 'stencil-floor-'));
    try {
      symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
      mkdirSync(join(project, 'src', 'components', 'floor'), { recursive: true });
      writeFileSync(join(project, 'src', 'components', 'floor', 'floor.tsx'), source);
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            experimentalDecorators: true,
            lib: ['dom', 'es2022'],
            moduleResolution: 'bundler',
            module: 'esnext',
            target: 'es2022',
            jsx: 'react',
            jsxFactory: 'h',
            skipLibCheck: true,
          },
          include: ['src'],
        }),
      );
      writeFileSync(
        join(project, 'stencil.config.mjs'),
        `export const config = { namespace: 'floor-lwc-components', hydratedFlag: null, invisiblePrehydration: false, outputTargets: [{ type: 'dist' }] };\n`,
      );
      const build = spawnSync(
        join(root, 'node_modules', '.bin', 'stencil'),
        ['build', '--config', 'stencil.config.mjs'],
        { cwd: project, encoding: 'utf8' },
      );
      if (build.status !== 0) {
        throw new Error(`toy Stencil build failed: ${build.stdout}${build.stderr}`);
      }
      // Every file the browser fetches for the one component: the entry, the runtime, the
      // (empty) global script and the component's chunk; `index.esm.js` is for bundlers only.
      const folder = join(project, 'dist', 'floor-lwc-components');
      const bytes = readdirSync(folder)
        .filter((file) => file.endsWith('.js') && file !== 'index.esm.js')
        .reduce((sum, file) => sum + gzipped(join(folder, file)), 0);
      floor[label] = { gzipKb: kb(bytes) };
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }
  return floor;
}

export async function run({ browser, log }) {
  ensureDist(log);
  const namespace = namespaceOf();
  if (!namespace) {
    throw new Error('dist/ holds no <namespace>/<namespace>.esm.js');
  }
  const notes = await tsImport('../../src/emulator/fixture-notes.ts', import.meta.url);
  const folder = join(dist, namespace);
  const wholeBuild = readdirSync(folder)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipped(join(folder, file)), 0);

  const scenarios = {
    loader: ['lwc-limepkg-conversations-loader', {}],
    'history-note (plain)': ['lwc-limepkg-conversations-history-note', { value: notes.plainNote }],
    'history-note (chat transcript)': [
      'lwc-limepkg-conversations-history-note',
      { value: notes.transcriptShortNote },
    ],
    'history-note (DCI summary)': [
      'lwc-limepkg-conversations-history-note',
      { value: notes.dciSummaryMarkdownNote },
    ],
    'connect-dialog': ['lwc-limepkg-conversations-connect-dialog', {}],
    // The usual webclient knows our texts (the package ships .po files): none of ours is fetched.
    'history-note (DCI summary, translate knows our texts)': [
      'lwc-limepkg-conversations-history-note',
      { value: notes.dciSummaryMarkdownNote },
      { knowsOurTexts: true },
    ],
    'connect-dialog (translate knows our texts)': [
      'lwc-limepkg-conversations-connect-dialog',
      {},
      { knowsOurTexts: true },
    ],
  };
  const { server, baseUrl } = await serveDist();
  const paths = {};
  try {
    for (const [label, [tag, properties, options]] of Object.entries(scenarios)) {
      log(`size: ${label}`);
      paths[label] = await measure(browser, baseUrl, namespace, tag, properties, options);
    }
  } finally {
    server.close();
  }
  // What every path fetches: the namespace entry, Stencil's runtime and what all components share.
  const shared = Object.values(paths)
    .map((path) => new Set(Object.keys(path.fetched)))
    .reduce((common, files) => new Set([...common].filter((file) => files.has(file))));
  const sharedBytes = [...shared].reduce((sum, file) => sum + paths.loader.fetched[file], 0);
  for (const path of Object.values(paths)) {
    path.beyondSharedGzipKb = kb(path.gzipBytes - sharedBytes);
  }
  const worst = (prefix) =>
    Math.max(
      ...Object.entries(paths)
        .filter(([label]) => label.startsWith(prefix))
        .map(([, path]) => path.gzipKb),
    );
  const budgets = Object.fromEntries(
    Object.entries(BUDGETS_KB).map(([path, budget]) => [
      path,
      { budgetKb: budget, gzipKb: worst(path), within: worst(path) <= budget },
    ]),
  );
  return {
    namespace,
    entry: `dist/${namespace}/${namespace}.esm.js`,
    budgets,
    paths,
    sharedByEveryPath: { files: [...shared].sort(), gzipKb: kb(sharedBytes) },
    stencilFloor: stencilFloor(log),
    baseline: { what: `every .js file in dist/${namespace}/`, gzipKb: kb(wholeBuild) },
  };
}
