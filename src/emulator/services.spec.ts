import { createEmulator, type Emulator } from '.';
import type {
  DialogService,
  LimeObjectData,
  NotificationService,
  PlatformLimetypes,
  TranslateService,
} from '../lime';

describe('the translate service', () => {
  const translate = (language: string): TranslateService =>
    createEmulator({ seed: false, language }).platform.get('translate');

  it('translates a package id, filling in {params}', () => {
    expect(
      translate('en').get('limepkg_conversations.demo.relations.empty', {
        limetype: 'conversations',
      }),
    ).toBe('No conversations yet');
  });

  it('speaks Swedish when asked, also as sv-SE', () => {
    expect(translate('sv-SE').get('limepkg_conversations.emulator.notifications.cancel')).toBe(
      'Avbryt',
    );
  });

  it('leaves a placeholder without a value as written', () => {
    expect(translate('en').get('limepkg_conversations.demo.relations.empty')).toBe(
      'No {limetype} yet',
    );
  });

  it('falls back to English for a language it lacks, and returns an unknown id as it is', () => {
    expect(translate('fi').get('limepkg_conversations.emulator.notifications.cancel')).toBe(
      'Cancel',
    );
    expect(translate('en').get('limepkg_conversations.no.such.key')).toBe(
      'limepkg_conversations.no.such.key',
    );
    expect(translate('en').get('webclient.something')).toBe('webclient.something');
  });
});

describe('the state services', () => {
  let emulator: Emulator;
  beforeEach(() => {
    emulator = createEmulator({ seed: false, config: { topics: [] } });
    emulator.db.create('company', { name: 'Acme AB' });
  });

  it('call back at once with the current state, and again on every change, until unsubscribed', () => {
    const counts: number[] = [];
    const unsubscribe = emulator.platform
      .get('state.limeobjects')
      .subscribe((state: Record<string, LimeObjectData[]>) => counts.push(state.company.length));
    emulator.db.create('company', { name: 'Nordic Widgets AB' });
    emulator.db.delete('company', 1001);
    unsubscribe();
    emulator.db.create('company', { name: 'After' });
    expect(counts).toEqual([1, 2, 1]);
  });

  it('apply map functions in order, and call back only when every filter passes', () => {
    const seen: unknown[] = [];
    emulator.platform.get('state.limeobjects').subscribe((names: unknown) => seen.push(names), {
      map: [
        (state: Record<string, LimeObjectData[]>) => state.company,
        (companies: LimeObjectData[]) => companies.map((company) => company.name),
      ],
      filter: [(names: string[]) => names.length !== 2],
    });
    emulator.db.create('company', { name: 'Two' });
    emulator.db.create('company', { name: 'Three' });
    expect(seen).toEqual([['Acme AB'], ['Acme AB', 'Two', 'Three']]);
  });

  it('hold the package config under limepkg_conversations, and tell subscribers of setConfig', () => {
    const configs: unknown[] = [];
    emulator.platform.get('state.configs').subscribe((state: unknown) => configs.push(state));
    emulator.setConfig({ topics: [{ topic: 'Support' }] });
    expect(configs).toEqual([
      { limepkg_conversations: { topics: [] } },
      { limepkg_conversations: { topics: [{ topic: 'Support' }] } },
    ]);
  });

  it('describe the application as lime-web-components 2.1.0 does: session language, name and current user', () => {
    let application: unknown;
    createEmulator({ language: 'sv' })
      .platform.get('state.application')
      .subscribe((state: unknown) => {
        application = state;
      });
    expect(application).toEqual({
      session: { language: 'sv' },
      applicationName: 'demo',
      currentUser: { id: 1001, fullname: 'Anna Lind', email: 'anna.lind@lime.example' },
    });
  });

  it('describe every limetype in the published shape: relations are functions giving the related limetype and its back reference', () => {
    let limetypes: PlatformLimetypes = {};
    emulator.platform.get('state.limetypes').subscribe((state: PlatformLimetypes) => {
      limetypes = state;
    });
    expect(Object.keys(limetypes).sort()).toEqual([
      'company',
      'conversation',
      'coworker',
      'deal',
      'document',
      'helpdesk',
      'helpdesktype',
      'history',
      'office',
      'person',
    ]);
    let relations = 0;
    for (const [name, meta] of Object.entries(limetypes)) {
      for (const [propertyName, property] of Object.entries(meta.properties)) {
        if (!property.relation) {
          continue;
        }
        relations += 1;
        const related = property.relation.getLimetype();
        const back = property.relation.getBackreference();
        expect({ at: `${name}.${propertyName}`, related: related.name }).toEqual({
          at: `${name}.${propertyName}`,
          related: related === limetypes[related.name] ? related.name : 'not the state entry',
        });
        expect(back.relation?.getLimetype()).toBe(meta);
        expect(back.relation?.getBackreference()).toBe(property);
        expect([property.type, back.type].sort()).toEqual(['belongsto', 'hasmany']);
      }
    }
    expect(relations).toBeGreaterThan(40);
  });
});

describe('the dialog, notification and route services', () => {
  let root: HTMLElement;
  let emulator: Emulator;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.appendChild(root);
    emulator = createEmulator({
      seed: false,
      mountRoot: () => root,
      context: { limetype: 'helpdesk', id: 1001 },
    });
  });
  afterEach(() => root.remove());

  it('mounts the named dialog with platform, context, properties and listeners, and removes it on destroy', () => {
    const dialogs: DialogService = emulator.platform.get('dialog');
    const closed: unknown[] = [];
    const id = dialogs.create(
      'my-test-dialog',
      { label: 'Hello' },
      { close: (event) => closed.push(event?.type) },
    );
    const element = root.querySelector('my-test-dialog') as HTMLElement & Record<string, unknown>;
    expect(element.platform).toBe(emulator.platform);
    expect(element.context).toEqual({ limetype: 'helpdesk', id: 1001 });
    expect(element.label).toBe('Hello');
    element.dispatchEvent(new CustomEvent('close'));
    expect(closed).toEqual(['close']);
    dialogs.destroy(id);
    expect(root.querySelector('my-test-dialog')).toBeNull();
    expect(emulator.dialogs).toEqual([]);
  });

  it('shows a notification as an open snackbar with the message, and records it', () => {
    const notifications: NotificationService = emulator.platform.get('notifications');
    void notifications.notify('Conversation connected');
    const snackbar = root.querySelector('limel-snackbar') as HTMLElement & {
      open: boolean;
      message: string;
    };
    expect(snackbar.open).toBe(true);
    expect(snackbar.message).toBe('Conversation connected');
    expect(emulator.notifications).toEqual([
      { kind: 'notify', message: 'Conversation connected', options: {} },
    ]);
  });

  it('asks for confirmation in a dialog and answers with the button pressed', async () => {
    const notifications: NotificationService = emulator.platform.get('notifications');
    const answer = notifications.confirm('Delete?', 'This cannot be undone.');
    const dialog = root.querySelector('limel-dialog') as HTMLElement & { heading: string };
    expect(dialog.heading).toBe('Delete?');
    expect(dialog.querySelector('p')?.textContent).toBe('This cannot be undone.');
    const buttons = [...dialog.querySelectorAll('limel-button')] as (HTMLElement & {
      label: string;
    })[];
    expect(buttons.map((button) => button.label)).toEqual(['Cancel', 'OK']);
    buttons[1].dispatchEvent(new CustomEvent('click'));
    await expect(answer).resolves.toBe(true);
    expect(root.querySelector('limel-dialog')).toBeNull();
  });

  it('navigates to an object card and records where it went', () => {
    const navigated: string[] = [];
    const routed = createEmulator({ seed: false, navigate: (url) => navigated.push(url) });
    routed.platform.get('route').limeObject('helpdesk', 1001);
    expect(navigated).toEqual(['index.html?limetype=helpdesk&id=1001']);
    expect(routed.navigations).toEqual(navigated);
  });
});
