// Shared jest setup for spec and e2e tests.
export {};
