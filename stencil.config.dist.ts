// The shipped bundle: the plugin's components and its pure functions, without the emulator or
// the demo, which exist only for development and tests.
//
// A Lime package's build copies dist/ into its static content, so everything the webclient loads
// lives in dist/: the browser build in dist/limepkg-conversations-lwc-components/ (the webclient
// loads `limepkg-conversations-lwc-components.esm.js` there, Lime's `<package>-lwc-components`
// namespace convention) and the loader for bundlers in dist/loader/.
import type { Config } from '@stencil/core';
import { sass } from '@stencil/sass';

export const config: Config = {
  namespace: 'limepkg-conversations-lwc-components',
  // tsconfig.dist.json leaves out the emulator, the demo, tests and examples.
  tsconfig: 'tsconfig.dist.json',
  plugins: [sass()],
  // The lazy runtime is what the webclient fetches before anything of ours shows (issue 10's
  // loader budget): leave out the `hydrated` class and the pre-hydration `visibility: hidden`
  // style, which nothing of ours uses (the components render into shadow roots; see
  // `npm run bench -- size`).
  hydratedFlag: null,
  invisiblePrehydration: false,
  outputTargets: [
    {
      type: 'dist',
      // Relative to dist/: inside it, not beside it.
      esmLoaderPath: 'loader',
    },
  ],
};
