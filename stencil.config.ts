// The development config: builds the components, the emulator and the demo pages into www/,
// and runs the spec and e2e tests. The shipped bundle is built by stencil.config.dist.ts.
import type { Config } from '@stencil/core';
import { sass } from '@stencil/sass';
import { chromiumPath } from './scripts/chromium-path';

// Stencil 4.45 ignores testing.browserExecutablePath when it launches: it reads this variable.
process.env.PUPPETEER_EXECUTABLE_PATH = chromiumPath();

export const config: Config = {
  namespace: 'lwc-limepkg-conversations',
  globalStyle: 'src/global/global.scss',
  plugins: [sass()],
  outputTargets: [
    {
      type: 'www',
      serviceWorker: null,
      baseUrl: '/',
      copy: [
        { src: 'demo/pages/*.html', dest: '.' },
        // The webclient serves lime-icons8; the demo serves a small stand-in set.
        { src: 'demo/assets/icons', dest: 'assets/icons' },
        { src: '../node_modules/@limetech/lime-elements/dist', dest: 'lime-elements' },
      ],
    },
  ],
  devServer: {
    reloadStrategy: 'pageReload',
    openBrowser: false,
    port: 3333,
    address: '127.0.0.1',
    // Stencil gives its dev server 15 s to start beside the first build; on a busy machine (CI,
    // several test runs on two cores) that is not enough and e2e fails before a test has run.
    startupTimeout: 120_000,
  },
  testing: {
    // Also tells Stencil's dependency check to accept puppeteer-core instead of asking for puppeteer.
    browserExecutablePath: chromiumPath(),
    browserHeadless: 'shell',
    browserArgs: [
      '--no-sandbox',
      '--disable-setuid-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    maxWorkers: 2,
    testPathIgnorePatterns: ['/node_modules/', '/www/', '/dist/'],
    setupFilesAfterEnv: ['<rootDir>/src/testing/jest-setup.ts'],
    // e2e: the Portal's second origin and the emulated CRM over HTTP (see scripts/e2e-global-setup.ts).
    globalSetup: '<rootDir>/scripts/e2e-global-setup.ts',
    globalTeardown: '<rootDir>/scripts/e2e-global-teardown.ts',
  },
};
