// The production Portal (a Lime Connect custom add-on page): `dist/portal/` holds index.html, this
// package's components and the lime-elements they use, all beside each other, because the Portal
// runs outside the webclient. No emulator, no demo, no dev URL; run after stencil.config.dist.ts.
import type { Config } from '@stencil/core';
import { sass } from '@stencil/sass';

export const config: Config = {
  namespace: 'limepkg-conversations-portal',
  // tsconfig.dist.json leaves out the emulator, the demo, tests and examples.
  tsconfig: 'tsconfig.dist.json',
  globalStyle: 'src/global/global.scss',
  plugins: [sass()],
  srcIndexHtml: 'src/components/lwc-limepkg-conversations-portal/page/index.html',
  outputTargets: [
    {
      type: 'www',
      // The e2e test of the built Portal builds it into a directory of its own.
      dir: process.env.LIMEPKG_PORTAL_OUT_DIR || 'dist/portal',
      buildDir: 'build',
      serviceWorker: null,
      empty: true,
      copy: [
        // lime-elements' lazy-loading build: the page fetches only the components it renders.
        {
          src: '../node_modules/@limetech/lime-elements/dist/lime-elements',
          dest: 'lime-elements',
        },
        // The webclient serves lime-icons8 to the webclient; the Portal carries the few it shows.
        { src: 'demo/assets/icons', dest: 'assets/icons' },
      ],
    },
  ],
};
