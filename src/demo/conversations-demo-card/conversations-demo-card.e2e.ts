import {
  waitForDialogToOpen,
  deepClick,
  deepQuery,
  deepText,
  openDemoPage,
  seriousAxeViolations,
} from '../../testing/demo-pages';

describe('the demo object card', () => {
  it('shows a helpdesk ticket as a CRM record: heading, overview and its conversations', async () => {
    const { page, errors } = await openDemoPage('/index.html?limetype=helpdesk&id=1001');

    expect(await deepText(page, 'conversations-demo-card', 'limel-header')).toContain(
      'Invoice shows wrong seat count',
    );
    const overview = await deepText(page, 'conversations-demo-card', '.overview');
    expect(overview).toContain('Acme AB');
    expect(overview).toContain('Jane Doe');
    const conversations = await deepText(
      page,
      'conversations-demo-card',
      '.relation[data-relation="conversation"]',
    );
    expect(conversations).toContain('48213');
    expect(errors).toEqual([]);
  });

  it('lists the history notes of the object in its History tab', async () => {
    const { page, errors } = await openDemoPage('/index.html?limetype=helpdesk&id=1001');

    await deepClick(
      page,
      'conversations-demo-card',
      'limel-tab-bar',
      'button[role="tab"]:not([aria-selected="true"])',
    );
    await page.waitForFunction(() => {
      const card = document.querySelector('conversations-demo-card');
      return (card?.shadowRoot?.querySelectorAll('.history-entry').length ?? 0) > 0;
    });
    const count = await page.evaluate(
      () =>
        document
          .querySelector('conversations-demo-card')
          ?.shadowRoot?.querySelectorAll('.history-entry').length ?? 0,
    );
    expect(count).toBeGreaterThanOrEqual(2);
    expect(
      await deepQuery(page, 'conversations-demo-card', 'lwc-limepkg-conversations-history-note'),
    ).not.toBeNull();
    expect(errors).toEqual([]);
  });

  it('issues the create-dialog command through the command bus, and the generic dialog creates the object with a toast', async () => {
    const { page, errors } = await openDemoPage('/index.html?limetype=helpdesk&id=1001');
    await page.evaluate(() => {
      const dispatcher = window.limeDemo!.emulator.platform.get('eventDispatcher');
      (window as unknown as { received: string[] }).received = [];
      dispatcher.addListener(
        'command.received',
        (event: CustomEvent<{ command: { limetype: { name: string } } }>) => {
          (window as unknown as { received: string[] }).received.push(
            event.detail.command.limetype.name,
          );
        },
      );
    });

    await deepClick(
      page,
      'conversations-demo-card',
      '.relation[data-relation="document"] limel-button',
    );
    expect(
      await page.evaluate(() => (window as unknown as { received: string[] }).received),
    ).toEqual(['document']);
    await waitForDialogToOpen(page, 'conversations-emulator-create-dialog');

    const descriptionInput = await deepQuery(
      page,
      'conversations-emulator-create-dialog',
      'limel-input-field[data-property="comment"]',
      'input',
    );
    await descriptionInput!.type('Signed order form');
    await page.keyboard.press('Tab');
    await page.waitForChanges();
    await deepClick(
      page,
      'conversations-emulator-create-dialog',
      'limel-button[data-action="save"]',
    );

    await page.waitForFunction(() => window.limeDemo!.emulator.notifications.length > 0);
    expect(await deepText(page, 'limel-snackbar')).toContain('Document created');
    const created = await page.evaluate(() =>
      window
        .limeDemo!.emulator.db.list('document')
        .filter((document) => document.helpdesk === 1001)
        .map((document) => document.comment),
    );
    expect(created).toContain('Signed order form');
    await page.waitForFunction(() =>
      document
        .querySelector('conversations-demo-card')
        ?.shadowRoot?.querySelector('.relation[data-relation="document"]')
        ?.textContent?.includes('Signed order form'),
    );
    expect(errors).toEqual([]);
  });

  it('keeps the open tab when the language changes, and speaks Swedish throughout, demo data included', async () => {
    const { page, errors } = await openDemoPage('/index.html?limetype=helpdesk&id=1001&lang=en');
    await deepClick(
      page,
      'conversations-demo-card',
      'limel-tab-bar',
      'button[role="tab"]:not([aria-selected="true"])',
    );
    await page.waitForFunction(() => location.search.includes('tab=history'));
    // The language switch reloads the page.
    await deepClick(page, 'conversations-demo-shell', 'button.language:not(.active)');
    await page.waitForFunction(() => window.limeDemo?.language === 'sv', { timeout: 15000 });
    await page.waitForChanges();
    await page.waitForFunction(() => {
      const card = document.querySelector('conversations-demo-card');
      return (card?.shadowRoot?.querySelectorAll('.history-entry').length ?? 0) > 0;
    });
    expect(await deepText(page, 'conversations-demo-card', 'limel-tab-bar')).toContain('Historik');
    const selected = await deepText(
      page,
      'conversations-demo-card',
      'limel-tab-bar',
      'button[role="tab"][aria-selected="true"]',
    );
    expect(selected).toMatch(/^Historik\b/);
    const history = await deepText(page, 'conversations-demo-card', '.tab-content');
    expect(history).toContain('Lime Connect-chatt');
    expect(history).not.toMatch(/Lime Connect chat\b|Comment\b/);

    await deepClick(
      page,
      'conversations-demo-card',
      'limel-tab-bar',
      'button[role="tab"]:not([aria-selected="true"])',
    );
    const relations = await deepText(page, 'conversations-demo-card', '.tab-content');
    expect(relations).toContain('Konversationer');
    expect(relations).toContain('Dokument');
    expect(relations).not.toMatch(/Conversations|Documents|documents|Helpdesk ticket/);
    expect(errors).toEqual([]);
  });

  it('has no serious or critical accessibility violations', async () => {
    const { page } = await openDemoPage('/index.html?limetype=helpdesk&id=1001');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
