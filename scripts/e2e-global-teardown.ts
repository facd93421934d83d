// Stops what scripts/e2e-global-setup.ts started.
export default async function globalTeardown(): Promise<void> {
  await Promise.all((globalThis.limepkgE2eServers ?? []).map((server) => server.close()));
  globalThis.limepkgE2eServers = undefined;
}
