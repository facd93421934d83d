import { deepQuery, openDemoPage, seriousAxeViolations } from '../testing/demo-pages';

// Every demo page opens without an uncaught error and with no serious or critical accessibility
// violation in our markup. Violations inside lime-elements' own shadow roots (its input fields'
// labels, for one) are upstream's and left out here; the object card is held to all of them.
describe('the demo pages', () => {
  // The Lime Connect page frames the Portal and mirrors its data to the API server that
  // scripts/e2e-global-setup.ts started.
  const limeConnect = () =>
    `/lime-connect.html?portal=${encodeURIComponent(process.env.LIMEPKG_E2E_PORTAL_URL ?? '')}` +
    `&api=${encodeURIComponent(process.env.LIMEPKG_E2E_API_URL ?? '')}`;
  const pages: [string, () => string, string][] = [
    ['admin', () => '/admin.html', 'lwc-limepkg-conversations-config'],
    ['Lime Connect', limeConnect, 'conversations-demo-lime-connect'],
    ['DCI', () => '/dci.html', 'conversations-demo-dci'],
  ];

  it.each(pages)(
    'the %s page shows its content, with no errors and no serious accessibility violation of ours',
    async (_name, path, tag) => {
      const { page, errors } = await openDemoPage(path());
      expect(await deepQuery(page, tag)).not.toBeNull();
      expect(await seriousAxeViolations(page, { ownMarkupOnly: true })).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  it('links every demo page from the navigation bar', async () => {
    const { page } = await openDemoPage('/index.html');
    const links = await page.evaluate(() =>
      Array.from(
        document.querySelector('conversations-demo-shell')?.shadowRoot?.querySelectorAll('nav a') ??
          [],
      ).map((link) => (link as HTMLAnchorElement).getAttribute('href')),
    );
    expect(links).toEqual(['index.html', 'admin.html', 'lime-connect.html', 'dci.html']);
  });
});
