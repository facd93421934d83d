// The shipped bundle: the plugin's components and its pure functions, without the emulator or
// the demo, which exist only for development and tests.
import type { Config } from '@stencil/core';
import { sass } from '@stencil/sass';

export const config: Config = {
  namespace: 'lwc-limepkg-conversations',
  // tsconfig.dist.json leaves out the emulator, the demo, tests and examples.
  tsconfig: 'tsconfig.dist.json',
  plugins: [sass()],
  outputTargets: [
    {
      type: 'dist',
      esmLoaderPath: '../loader',
    },
  ],
};
