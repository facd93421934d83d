// The shipped bundle: the plugin's components and its pure functions, without the emulator or
// the demo, which exist only for development and tests.
import type { Config } from '@stencil/core';
import { sass } from '@stencil/sass';

export const config: Config = {
  namespace: 'lwc-limepkg-conversations',
  tsconfig: 'tsconfig.dist.json',
  plugins: [sass()],
  excludeSrc: [
    '/test/',
    '**/.spec.',
    '**/.e2e.',
    '**/src/emulator/**',
    '**/src/demo/**',
    '**/src/testing/**',
    '**/examples/**',
  ],
  outputTargets: [
    {
      type: 'dist',
      esmLoaderPath: '../loader',
    },
  ],
};
