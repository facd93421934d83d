// Public exports: the pure functions, so that `dist/` serves them to node as well as the browser.
export * from './notes';
export * from './config';
export * from './lookup';
export * from './lime-connect';
export * from './conversations';
export * from './sync';
