import { newE2EPage, type E2EPage } from '@stencil/core/testing';
import { waitForDialogToOpen } from '../../testing/demo-pages';

type DemoWindow = Window & {
  limeDemo?: {
    emulator: {
      reset(): void;
      platform: { get(name: string): { handle(command: object): unknown } };
      db: { list(limetype: string): Record<string, unknown>[] };
      notifications: { message: string }[];
    };
  };
};

/** The demo card page with fresh demo data, and the create-dialog command issued for a deal. */
async function openCreateDialogForDeal(): Promise<E2EPage> {
  const page = await newE2EPage();
  await page.goto('/index.html?limetype=company&id=1001');
  await page.waitForFunction(() => !!(window as DemoWindow).limeDemo);
  await page.evaluate(() => {
    const emulator = (window as DemoWindow).limeDemo!.emulator;
    emulator.reset();
    emulator.platform.get('commandBus').handle({
      commandId: 'limeobject.create-dialog',
      limetype: { name: 'deal' },
      limeobject: { company: 1001 },
    });
  });
  await page.waitForSelector('conversations-emulator-create-dialog');
  await waitForDialogToOpen(page, 'conversations-emulator-create-dialog');
  return page;
}

describe("the emulator's generic create dialog", () => {
  it('opens for a create-dialog command with the parent company shown and a field per property', async () => {
    const page = await openCreateDialogForDeal();
    const labels = await page.evaluate(() => {
      const dialog = document.querySelector('conversations-emulator-create-dialog')!;
      return [...dialog.shadowRoot!.querySelectorAll('limel-input-field, limel-select')].map(
        (field) => (field as HTMLElement & { label: string; value: unknown }).label,
      );
    });
    expect(labels).toEqual(['Company', 'Deal name', 'Value', 'Status', 'Won/Lost reason']);
    const heading = await page.evaluate(
      () =>
        (
          document
            .querySelector('conversations-emulator-create-dialog')!
            .shadowRoot!.querySelector('limel-dialog') as HTMLElement & { heading: string }
        ).heading,
    );
    expect(heading).toBe('New Deal');
  });

  it('creates the object on Save, closes and shows a toast', async () => {
    const page = await openCreateDialogForDeal();
    const name = await page.find(
      'conversations-emulator-create-dialog >>> limel-input-field[label="Deal name"] >>> input',
    );
    await name.type('Acme AB – support add-on');
    const value = await page.find(
      'conversations-emulator-create-dialog >>> limel-input-field[label="Value"] >>> input',
    );
    await value.type('12000');
    await page.waitForChanges();
    const save = await page.find(
      'conversations-emulator-create-dialog >>> limel-button[primary] >>> button',
    );
    await save.click();
    await page.waitForFunction(
      () => !document.querySelector('conversations-emulator-create-dialog'),
    );
    const created = await page.evaluate(() =>
      (window as DemoWindow)
        .limeDemo!.emulator.db.list('deal')
        .find((deal) => deal.name === 'Acme AB – support add-on'),
    );
    expect(created).toMatchObject({ value: 12000, company: 1001 });
    await page.waitForSelector('limel-snackbar');
    const toast = await page.evaluate(
      () =>
        (
          document.querySelector('limel-snackbar') as HTMLElement & {
            message: string;
            open: boolean;
          }
        ).message,
    );
    expect(toast).toBe('Deal created');
  });

  it('closes on Cancel without creating anything', async () => {
    const page = await openCreateDialogForDeal();
    const before = await page.evaluate(
      () => (window as DemoWindow).limeDemo!.emulator.db.list('deal').length,
    );
    const cancel = await page.find(
      'conversations-emulator-create-dialog >>> limel-button:not([primary]) >>> button',
    );
    await cancel.click();
    await page.waitForFunction(
      () => !document.querySelector('conversations-emulator-create-dialog'),
    );
    const after = await page.evaluate(
      () => (window as DemoWindow).limeDemo!.emulator.db.list('deal').length,
    );
    expect(after).toBe(before);
  });
});
