// Public exports: the pure functions, so that `dist/` serves them to node as well as the browser.
export {};
