// The Portal's session: everything between the Portal's page loading and the operator seeing a
// record (bootstrap → Lime Connect client → lookup → record), as state to render and actions to
// call. No DOM and no Stencil: fetch, the add-on client and the page's URLs are handed in, so the
// whole flow runs in node specs; the component only renders `snapshot`.
//
// One round trip a contact, once the token and the limetypes are known: the lookup's queries bring
// the view's properties of what they find, and each section's query runs beside them, over every
// object the lookup's queries can find.
import type { PortalAggregation, PortalView } from '../config';
import type { LimeQuery, LimeQueryFilter, LimeQueryResponse } from '../lime/types';
import {
  candidateFilters,
  contactValue,
  runLookupSequence,
  type LookupAttempt,
  type LookupFound,
} from '../lookup';
import { LimeQueryOperator } from '../lime/types';
import type { AddonClient } from './client';
import {
  createFetchCrmPort,
  fail as failed,
  type CrmFailure,
  type CrmFetch,
  type CrmPort,
  type CrmResult,
} from '../crm';
import { portalLanguage, toBcp47 } from './operator-locale';
import { parsePortalBootstrap, type PortalBootstrap } from './portal-bootstrap';
import {
  limetypeLabel,
  loadPortalRecord,
  portalLimetypeSchema,
  recordFormat,
  sectionBatchQuery,
  sectionFromBatch,
  type PortalLimetype,
  type PortalRecord,
  type PortalSection,
  type SectionBatch,
} from './portal-record';
import type { ContactInformation } from './schemas';

/** What the Portal shows, phase by phase. */
export type PortalState =
  | { phase: 'starting' }
  | { phase: 'config-error'; message: string }
  | { phase: 'waiting' }
  /** Looking up; the record shown before stays, marked stale, until the answer replaces it. */
  | { phase: 'loading'; shown?: { lookup: LookupFound; record: PortalRecord } }
  | {
      phase: 'not-found';
      tried: LookupAttempt[];
      noRules: boolean;
      /** Each tried limetype's label, where the CRM told it. */
      labels: Readonly<Record<string, string>>;
    }
  | { phase: 'found'; lookup: LookupFound; record: PortalRecord }
  /** Lime CRM failed: why, as the lookup or the read saw it. */
  | { phase: 'error'; failure: CrmFailure }
  /** The matched object could not be read (removed, or no access): its limetype's label. */
  | { phase: 'missing'; limetype: string };

export interface PortalSnapshot {
  state: PortalState;
  /** The language of the texts, and the operator's locale for dates and numbers. */
  language: 'en' | 'sv';
  locale: string;
  /** The sections the operator closed, by relation. */
  closedSections: readonly string[];
  /** Where *View in CRM* links go ('' until the bootstrap is read). */
  webclientUrl: string;
}

export interface PortalSessionOptions {
  fetch: CrmFetch;
  /** The bootstrap's absolute URL, and the page's (a relative `crmUrl` is read against it). */
  configUrl: string;
  pageUrl: string;
  /** The browser's language, until Lime Connect says the operator's. */
  language: string;
  /** Makes the add-on client for the bootstrap's allowed origins. */
  connect: (bootstrap: PortalBootstrap) => AddonClient;
  crmTimeoutMs?: number;
  /** The toast Lime Connect shows when the CRM cannot be reached, in the current language. */
  unreachableToast: () => string;
}

export interface PortalSession {
  readonly snapshot: PortalSnapshot;
  /** Calls `listener` on every change; returns the unsubscribe. */
  subscribe(listener: (snapshot: PortalSnapshot) => void): () => void;
  /** Reads the bootstrap and starts listening to Lime Connect. */
  start(): Promise<void>;
  /** Stops listening and cancels what is under way. */
  stop(): void;
  /** Looks the current contact up again. */
  retry(): void;
  /** Shows another of the objects an ambiguous lookup found. */
  pick(id: number): void;
  setSectionOpen(relation: string, open: boolean): void;
  /** Puts a markdown link to the record in Lime Connect's chat input. */
  copyLinkToChat(name: string, url: string): void;
}

/** What runs beside the lookup for one contact: each section's query and its answer. */
interface SectionBatchRun {
  /** The view's limetype, whose objects the section belongs to. */
  owner: string;
  batch: SectionBatch;
  aggregation: PortalAggregation;
  answer: Promise<LimeQueryResponse | undefined>;
}

export function createPortalSession(options: PortalSessionOptions): PortalSession {
  let snapshot: PortalSnapshot = {
    state: { phase: 'starting' },
    language: portalLanguage(options.language),
    locale: toBcp47(options.language),
    closedSections: [],
    webclientUrl: '',
  };
  const listeners = new Set<(snapshot: PortalSnapshot) => void>();
  const limetypes = new Map<string, Promise<CrmResult<PortalLimetype>>>();
  let bootstrap: PortalBootstrap | undefined;
  let client: AddonClient | undefined;
  let crm: CrmPort | undefined;
  let contact: ContactInformation | undefined;
  let run: AbortController | undefined;
  let batches: SectionBatchRun[] = [];
  /** The limetypes whose view the current lookup asked for with its queries. */
  let viewed = new Map<string, PortalLimetype>();
  let unsubscribe: (() => void) | undefined;
  let stopped = false;

  const update = (change: Partial<PortalSnapshot>) => {
    snapshot = { ...snapshot, ...change };
    listeners.forEach((listener) => listener(snapshot));
  };
  const setState = (state: PortalState) => update({ state });

  const notConnected = <T>() =>
    Promise.resolve(failed<T>({ kind: 'unreachable', message: 'Not connected to Lime CRM' }));

  const executeQuery = (query: LimeQuery, signal?: AbortSignal) =>
    crm ? crm.query(query, { signal }) : notConnected<LimeQueryResponse>();

  const getLimetype = (name: string, signal?: AbortSignal): Promise<CrmResult<PortalLimetype>> => {
    const cached = limetypes.get(name);
    if (cached) {
      return cached;
    }
    if (!crm) {
      return notConnected();
    }
    const request = crm.read(`limetype/${encodeURIComponent(name)}/`, portalLimetypeSchema, {
      signal,
    });
    limetypes.set(name, request);
    // A failed read is not remembered: Retry asks again.
    void request.then((result) => result.ok || limetypes.delete(name));
    return request;
  };

  const viewOf = (limetype: string): PortalView | undefined =>
    bootstrap?.views.find((view) => view.limetype === limetype);

  const beginRun = (): AbortSignal => {
    run?.abort();
    run = new AbortController();
    return run.signal;
  };

  const showFailure = (failure: CrmFailure) => {
    setState({ phase: 'error', failure });
    if (failure.kind === 'unreachable' || failure.kind === 'timeout') {
      client?.send({
        name: 'toast',
        payload: { status: 'error', message: options.unreachableToast() },
      });
    }
  };

  /** The limetypes the rules search that have a view: known before the lookup, to ask for more. */
  const viewedLimetypes = async (signal: AbortSignal): Promise<Map<string, PortalLimetype>> => {
    const names = [...new Set(bootstrap?.lookupRules.map((rule) => rule.limetype))].filter(viewOf);
    const known = new Map<string, PortalLimetype>();
    await Promise.all(
      names.map((name) =>
        // Without its metadata a view is read after the match, as it would be without this.
        getLimetype(name, signal).then(
          (limetype) => limetype.ok && known.set(name, limetype.value),
        ),
      ),
    );
    return known;
  };

  /** Each section's query over everything the lookup's queries for `contact` can find. */
  const startSectionBatches = (signal: AbortSignal): SectionBatchRun[] => {
    if (!bootstrap || !contact) {
      return [];
    }
    const defaultCountry = bootstrap.defaultCountry;
    return [...viewed.values()].flatMap((limetype) => {
      const owners = bootstrap!.lookupRules
        .filter((rule) => rule.limetype === limetype.name)
        .flatMap((rule): LimeQueryFilter[] => {
          const value = contactValue(contact!, rule.contactField);
          const filters = value ? candidateFilters(rule, value, defaultCountry) : null;
          const found = filters && (filters.candidates ?? filters.exact);
          return found ? [found] : [];
        });
      if (owners.length === 0) {
        return [];
      }
      const anyOwner: LimeQueryFilter = { op: LimeQueryOperator.OR, exp: owners };
      return (viewOf(limetype.name)?.aggregations ?? []).flatMap((aggregation) => {
        const batch = sectionBatchQuery(limetype, aggregation, anyOwner);
        if (!batch) {
          return [];
        }
        const answer = executeQuery(batch.query, signal).then((result) =>
          result.ok ? result.value : undefined,
        );
        return [{ owner: limetype.name, batch, aggregation, answer }];
      });
    });
  };

  /** The sections the batch could tell for object `id` of `limetype`; the rest are read by id. */
  const batchedSections = async (
    limetype: string,
    id: number,
  ): Promise<Map<string, PortalSection>> => {
    const sections = new Map<string, PortalSection>();
    for (const { owner, batch, aggregation, answer } of batches) {
      if (owner !== limetype) {
        continue;
      }
      const response = await answer;
      const section = response && sectionFromBatch(batch, aggregation, response, id);
      if (section) {
        sections.set(batch.relation, section);
      }
    }
    return sections;
  };

  const labelOf = async (name: string): Promise<string> => {
    const limetype = await getLimetype(name);
    return limetype.ok ? limetypeLabel(limetype.value) : name;
  };

  const show = async (lookup: LookupFound, id: number, signal: AbortSignal) => {
    const found = lookup.objects.find((object) => object.id === id);
    const result = await loadPortalRecord({
      executeQuery,
      getLimetype,
      limetype: lookup.limetype,
      id,
      view: viewOf(lookup.limetype),
      signal,
      known: {
        row: viewed.has(lookup.limetype) || !viewOf(lookup.limetype) ? found?.row : undefined,
        sections: await batchedSections(lookup.limetype, id),
      },
    });
    if (signal.aborted) {
      return;
    }
    if (result.ok) {
      setState({ phase: 'found', lookup, record: result.record });
    } else if (result.reason === 'not-found') {
      setState({ phase: 'missing', limetype: await labelOf(lookup.limetype) });
    } else {
      showFailure(result.error);
    }
  };

  const lookUp = async () => {
    if (!bootstrap || !contact) {
      return;
    }
    const rules = bootstrap.lookupRules;
    const signal = beginRun();
    setState({ phase: 'loading', shown: shownRecord(snapshot.state) });
    viewed = await viewedLimetypes(signal);
    if (signal.aborted) {
      return;
    }
    batches = startSectionBatches(signal);
    const lookup = await runLookupSequence(rules, contact, executeQuery, {
      signal,
      defaultCountry: bootstrap.defaultCountry,
      responseFormat: (rule) => {
        const limetype = viewed.get(rule.limetype);
        return limetype && recordFormat(limetype, viewOf(rule.limetype)?.properties ?? []);
      },
    });
    if (signal.aborted) {
      return;
    }
    if (lookup.found) {
      await show(lookup, lookup.objects[0].id, signal);
      return;
    }
    const failed = lookup.tried.find((attempt) => attempt.error);
    if (failed?.error) {
      showFailure(failed.error);
      return;
    }
    const names = [...new Set(lookup.tried.map((attempt) => attempt.limetype))];
    const labels = Object.fromEntries(
      await Promise.all(names.map(async (name) => [name, await labelOf(name)] as const)),
    );
    if (!signal.aborted) {
      setState({ phase: 'not-found', tried: lookup.tried, noRules: rules.length === 0, labels });
    }
  };

  const loadBootstrap = async () => {
    try {
      const response = await options.fetch(options.configUrl, {
        method: 'GET',
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) {
        return { ok: false as const, message: `${options.configUrl}: HTTP ${response.status}` };
      }
      return parsePortalBootstrap(JSON.parse(await response.text()), options.pageUrl);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false as const, message: `${options.configUrl}: ${reason}` };
    }
  };

  return {
    get snapshot() {
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      stopped = false;
      const loaded = await loadBootstrap();
      if (!loaded.ok) {
        setState({ phase: 'config-error', message: loaded.message });
        return;
      }
      if (stopped) {
        return;
      }
      bootstrap = loaded.bootstrap;
      const connected = options.connect(bootstrap);
      client = connected;
      crm = createFetchCrmPort({
        fetch: options.fetch,
        baseUrl: bootstrap.crmUrl,
        auth: { getToken: () => connected.requestJwt() },
        timeoutMs: options.crmTimeoutMs,
      });
      unsubscribe = connected.subscribe((event) => {
        if (event.name === 'operator_information') {
          update({
            language: portalLanguage(event.payload.locale),
            locale: toBcp47(event.payload.locale),
          });
        } else if (event.name === 'contact_information') {
          contact = event.payload;
          void lookUp();
        }
      });
      update({ state: { phase: 'waiting' }, webclientUrl: bootstrap.webclientUrl ?? '' });
      connected.start();
    },
    stop() {
      stopped = true;
      run?.abort();
      unsubscribe?.();
      client?.stop();
      client = undefined;
    },
    retry() {
      void lookUp();
    },
    pick(id) {
      const state = snapshot.state;
      if (state.phase === 'found') {
        void show(state.lookup, id, beginRun());
      }
    },
    setSectionOpen(relation, open) {
      const others = snapshot.closedSections.filter((each) => each !== relation);
      update({ closedSections: open ? others : [...others, relation] });
    },
    copyLinkToChat(name, url) {
      const label = name.replace(/([\\[\]])/g, '\\$1');
      client?.send({
        name: 'replace_chat_input',
        payload: { textFormat: 'markdown_v1', message: `[${label}](${url})` },
      });
    },
  };
}

/** The record on screen in `state`, if any: kept in sight while the next contact loads. */
function shownRecord(
  state: PortalState,
): { lookup: LookupFound; record: PortalRecord } | undefined {
  if (state.phase === 'found') {
    return { lookup: state.lookup, record: state.record };
  }
  return state.phase === 'loading' ? state.shown : undefined;
}
