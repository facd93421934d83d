// The structural types of the Lime platform services we call. They follow lime-web-components
// 2.1.0 where it has them, and v7 where 2.1.0 is silent (limetype metadata, limeobject state).
import type {
  Acl,
  CommandBusService,
  DialogService,
  EventDispatcherService,
  Expression,
  HttpService,
  LimeWebComponentContext,
  LimeWebComponentPlatform,
  NotificationService,
  PropertyType,
  Query,
  QueryResponse,
  QueryService,
  StateOptions,
  TranslateService,
} from '@limetech/lime-web-components-interfaces';

export type {
  Acl,
  CommandBusService,
  DialogService,
  EventDispatcherService,
  Expression,
  HttpService,
  NotificationService,
  PropertyType,
  QueryService,
  StateOptions,
  TranslateService,
};

// The Lime Query operators as values: a filter's `op` is this enum, so code that builds queries needs it.
export { Operator as LimeQueryOperator } from '@limetech/lime-web-components-interfaces';

export type LimePlatform = LimeWebComponentPlatform;
export type LimeContext = LimeWebComponentContext;
export type LimeQuery = Query;
export type LimeQueryResponse = QueryResponse;
export type LimeQueryFilter = Expression;

/** A property of a limetype, as the limetypes state describes it. */
export interface LimePropertyMeta {
  name: string;
  label: string;
  localname?: string;
  type: PropertyType;
  required?: boolean;
  options?: { key: string; text: string; inactive?: boolean }[];
  /** For relations: the related limetype's name and the back reference's property name. */
  relation?: { limetype: string; backreference?: string };
}

/** A limetype, as the limetypes state describes it (plain data, no functions). */
export interface LimeTypeMeta {
  name: string;
  label: string;
  localname: { singular: string; plural: string };
  /** The name of a lime-icons8 icon, e.g. `user`, `building`. */
  icon?: string;
  /** Which property, if any, holds the object's descriptive text. */
  descriptive?: string;
  acl?: Acl;
  properties: Record<string, LimePropertyMeta>;
}

export type LimeTypes = Record<string, LimeTypeMeta>;

/** A limeobject as the REST API and the limeobjects state return it. */
export interface LimeObjectData {
  id: number;
  _limetype?: string;
  _descriptive?: string;
  [property: string]: unknown;
}

/** A state service (`state.limetypes`, `state.configs`, …): subscribe, get an unsubscribe back. */
export interface StateRepository<T = unknown> {
  subscribe(callback: (state: T) => void, options?: StateOptions): () => void;
}

/** `state.application`: who is logged in and in which language. */
export interface ApplicationState {
  language: string;
  applicationName?: string;
  currentUser?: { id: number; fullname: string; email?: string };
}
