// createEmulator(): an in-memory Lime CRM with the platform services a Lime web component uses.
// It runs in node as well as in a browser: the DOM is touched only by services that need it.
import {
  ApplicationRepository,
  CommandBus,
  ConfigRepository,
  CreateLimeobjectDialogCommand,
  DialogRenderer,
  EventDispatcher,
  HttpClient,
  LimeObjectRepository,
  LimeTypeRepository,
  Navigator,
  Notifications,
  Query,
  TRANSLATION_PREFIX,
  Translator,
  type ApplicationState,
  type HttpService,
  type LimeContext,
  type LimeObjectData,
  type LimePlatform,
  type LimeQueryResponse,
  type LimeTypes,
  type LimeobjectsStateService,
  type PlatformLimetypes,
  type QueryService,
  type RouteService,
  type StateService,
  type TranslateService,
} from '../lime';
import { z } from 'zod';
import { EmulatedCommandBus } from './command-bus';
import { createDialogCommandHandler } from './create-dialog-command';
import { Database, type DatabaseDump } from './database';
import { seedDemoData } from './demo-data';
import { EmulatedDialogService, type DialogRecord } from './dialog-service';
import { EmulatedEventDispatcher } from './event-dispatcher';
import { Faults } from './faults';
import { createHttpService, createQueryService } from './http-service';
import { EmulatedNotificationService, type NotificationRecord } from './notification-service';
import { loadState, saveState } from './persistence';
import { executeQuery } from './query';
import { createRestHandler, type RestHandler } from './rest';
import { createRouteService, type EmulatedRouteService } from './route-service';
import { toPlatformLimetypes } from './platform-limetypes';
import { createLimeTypes } from './schema';
import { StateStore } from './state';
import { TaskQueue } from './tasks';
import { createTranslateService, languageOf } from './translate-service';

/** The key of this package's config in the configs state. */
export const CONFIG_KEY = 'limepkg_conversations';

export interface EmulatorOptions {
  /** `en` (default) or `sv`. */
  language?: string;
  /** The package config the configs state starts with (a stored one wins). */
  config?: unknown;
  /** When set and localStorage exists, the database and config persist under this key. */
  storageKey?: string;
  /** The data to start with: the demo data (default), none (`false`), or your own seeding. */
  seed?: boolean | ((db: Database) => void);
  /** The context dialogs get unless their properties carry one. */
  context?: LimeContext;
  /** Where dialogs and toasts are mounted; default `document.body`. */
  mountRoot?: () => HTMLElement | null;
  /** Called instead of setting `location.href` when the route service navigates. */
  navigate?: (url: string) => void;
  /** The clock for creation times; default `Date.now`. */
  now?: () => number;
}

export interface EmulatorSnapshot {
  objects: Record<string, LimeObjectData[]>;
  config: unknown;
}

export type RestoreResult = { ok: true } | { ok: false; reason: string };

// A snapshot as `snapshot()` writes it; it may have crossed a wire, so it is parsed, not trusted.
const snapshotSchema = z.object({
  objects: z.record(
    z.string(),
    z.array(
      z
        .object({
          id: z.number().int().positive(),
          _createdtime: z.string(),
          _timestamp: z.string(),
        })
        .catchall(z.unknown()),
    ),
  ),
  config: z.unknown(),
});

export interface Emulator {
  /** Hand this to components as their `platform`. */
  platform: LimePlatform;
  db: Database;
  /** The limetypes, limetype ACL overrides applied. */
  readonly limetypes: LimeTypes;
  faults: Faults;
  tasks: TaskQueue;
  /** Every notification, alert and confirm shown, oldest first. */
  notifications: NotificationRecord[];
  /** The dialogs open now. */
  readonly dialogs: DialogRecord[];
  /** Every URL the route service navigated to. */
  navigations: string[];
  /** The context dialogs get (the demo card sets it to the object shown). */
  context: LimeContext;
  /** The REST API (`api/v1/limeobject/…`, `api/v1/query/`) without latency or faults. */
  handleRestRequest: RestHandler;
  /** A Lime Query without latency or faults; throws an `EmulatorError` for a bad query. */
  executeQuery(query: unknown): LimeQueryResponse;
  readonly config: unknown;
  /** Replaces the package config; subscribers of `state.configs` hear of it. */
  setConfig(config: unknown): void;
  readonly language: string;
  setLanguage(language: string): void;
  /** Back to the seed data and the initial config; clears faults, tasks, notifications, dialogs. */
  reset(): void;
  /** A deep copy of the database and config. */
  snapshot(): EmulatorSnapshot;
  /**
   * Replaces the database and config with a snapshot (e.g. another emulator's); faults, tasks and
   * the language stay. A malformed snapshot changes nothing and says why.
   */
  restore(snapshot: unknown): RestoreResult;
  /** Stops persisting and removes open dialogs. */
  destroy(): void;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  // Lime CRM serves labels in the user's language; the demo reloads when it changes.
  const baseLimetypes = createLimeTypes(languageOf(options.language));
  const db = new Database(baseLimetypes, options.now);
  const faults = new Faults(() => baseLimetypes);
  const tasks = new TaskQueue();
  const notifications: NotificationRecord[] = [];
  const navigations: string[] = [];
  let language = languageOf(options.language);
  let config: unknown = options.config ?? {};

  const limetypes = (): LimeTypes =>
    Object.fromEntries(
      Object.entries(baseLimetypes).map(([name, meta]) => [
        name,
        { ...meta, acl: faults.aclOf(name) },
      ]),
    );

  const seed = () => {
    if (options.seed === false) {
      return;
    }
    if (typeof options.seed === 'function') {
      const custom = options.seed;
      db.batch(() => custom(db));
    } else {
      seedDemoData(db);
    }
  };

  const stored = options.storageKey ? loadState(options.storageKey) : undefined;
  if (stored) {
    db.load(stored.db);
    config = stored.config ?? config;
  } else {
    seed();
  }

  const handleRestRequest = createRestHandler({ db, limetypes: baseLimetypes, access: faults });
  const http: HttpService = createHttpService(handleRestRequest, faults);
  const query: QueryService = createQueryService(http);
  const events = new EmulatedEventDispatcher();
  const commandBus = new EmulatedCommandBus(events);
  const translate: TranslateService = createTranslateService(() => language);
  const t = (key: string) => translate.get(`${TRANSLATION_PREFIX}.${key}`);
  const mountRoot =
    options.mountRoot ?? (() => (typeof document === 'undefined' ? null : (document.body ?? null)));

  // Handed out in the platform's published shape; `emulator.limetypes` stays plain for tests.
  const limetypesState = new StateStore<PlatformLimetypes>(() => toPlatformLimetypes(limetypes()));
  const limeobjectsState = new StateStore<Record<string, LimeObjectData[]>>(() =>
    Object.fromEntries(
      Object.keys(baseLimetypes).map((name) => [
        name,
        faults.canReadLimetype(name)
          ? db.list(name).filter((object) => !faults.isDenied(name, object.id))
          : [],
      ]),
    ),
  );
  const configsState = new StateStore<Record<string, unknown>>(() => ({ [CONFIG_KEY]: config }));
  // The shape lime-web-components 2.1.0 fills (its decorators read `session`, `currentUser`).
  const applicationState = new StateStore<ApplicationState>(() => {
    const anna = db.get('coworker', 1001);
    return {
      session: { language },
      applicationName: 'demo',
      currentUser: {
        id: 1001,
        fullname: typeof anna?.name === 'string' ? anna.name : 'Anna Lind',
        email: typeof anna?.email === 'string' ? anna.email : 'anna.lind@lime.example',
      },
    };
  });

  const persist = () => {
    if (options.storageKey) {
      saveState(options.storageKey, { db: db.dump(), config });
    }
  };
  const stopListening = [
    db.onChange(() => {
      persist();
      limeobjectsState.notify();
    }),
    faults.onAclChange(() => {
      limetypesState.notify();
      limeobjectsState.notify();
    }),
  ];

  const services = new Map<string, unknown>();
  const platform: LimePlatform = {
    type: 'LimeCRMWebClient',
    get: (name) => services.get(name),
    has: (name) => services.has(name),
    register: (name, service) => {
      services.set(name, service);
    },
  };
  const dialog = new EmulatedDialogService(
    () => platform,
    () => emulator.context,
    mountRoot,
  );
  const route: EmulatedRouteService = createRouteService(navigations, options.navigate);

  platform.register(HttpClient, http);
  platform.register(Query, query);
  platform.register(EventDispatcher, events);
  platform.register(CommandBus, commandBus);
  platform.register(DialogRenderer, dialog);
  platform.register(
    Notifications,
    new EmulatedNotificationService(notifications, mountRoot, t, () => language),
  );
  platform.register(Translator, translate);
  // Typed by the interfaces package, so that tsc fails when the emulator drifts from it.
  const stateService = <T>(store: StateStore<T>): StateService => ({
    subscribe: store.subscribe.bind(store),
  });
  const limeobjectsService: LimeobjectsStateService = {
    ...stateService(limeobjectsState),
    /** Everything is loaded already; like the webclient, subscribers hear the object's state again. */
    loadObject: () => limeobjectsState.notify(),
    reloadObject: () => limeobjectsState.notify(),
  };
  const routeService: RouteService = route;
  platform.register(LimeTypeRepository, stateService(limetypesState));
  platform.register(LimeObjectRepository, limeobjectsService);
  platform.register(ConfigRepository, stateService(configsState));
  platform.register(ApplicationRepository, stateService(applicationState));
  platform.register(Navigator, routeService);
  commandBus.register(CreateLimeobjectDialogCommand, createDialogCommandHandler(dialog));

  const emulator: Emulator = {
    platform,
    db,
    get limetypes() {
      return limetypes();
    },
    faults,
    tasks,
    notifications,
    get dialogs() {
      return [...dialog.open];
    },
    navigations,
    context: options.context ?? { limetype: null, id: null },
    handleRestRequest,
    executeQuery: (input) => executeQuery(db, baseLimetypes, input, faults),
    get config() {
      return config;
    },
    setConfig(next) {
      config = next;
      persist();
      configsState.notify();
    },
    get language() {
      return language;
    },
    setLanguage(next) {
      language = languageOf(next);
      applicationState.notify();
    },
    reset() {
      faults.clear();
      tasks.clear();
      notifications.length = 0;
      navigations.length = 0;
      dialog.destroyAll();
      config = options.config ?? {};
      const empty: DatabaseDump = { objects: {}, nextIds: {} };
      db.batch(() => {
        db.load(empty);
        seed();
      });
      persist();
      configsState.notify();
      limetypesState.notify();
    },
    snapshot() {
      return JSON.parse(
        JSON.stringify({
          objects: Object.fromEntries(
            Object.keys(baseLimetypes).map((name) => [name, db.list(name)]),
          ),
          config,
        }),
      ) as EmulatorSnapshot;
    },
    restore(input) {
      const parsed = snapshotSchema.safeParse(input);
      if (!parsed.success) {
        return { ok: false, reason: `Not a snapshot: ${parsed.error.issues[0]?.message ?? ''}` };
      }
      const unknown = Object.keys(parsed.data.objects).filter((name) => !baseLimetypes[name]);
      if (unknown.length > 0) {
        return { ok: false, reason: `Unknown limetypes: ${unknown.join(', ')}.` };
      }
      const objects: DatabaseDump['objects'] = {};
      for (const [name, rows] of Object.entries(parsed.data.objects)) {
        // snapshot() lists objects as presented; the stored rows have no computed fields.
        objects[name] = rows.map(({ _limetype, _descriptive, ...row }) => row);
      }
      config = parsed.data.config ?? {};
      db.load({ objects, nextIds: {} });
      persist();
      configsState.notify();
      return { ok: true };
    },
    destroy() {
      stopListening.forEach((stop) => stop());
      dialog.destroyAll();
    },
  };
  return emulator;
}
