// Shared jest setup for spec and e2e tests.
// Stencil sets every test's timeout to 45 s itself (overriding testing.testTimeout); multi-page e2e
// tests on a loaded 2-core CI machine can need more.
jest.setTimeout(120_000);

export {};
