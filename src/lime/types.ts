// The types of the Lime platform we meet: the published ones of lime-web-components 2.1.0
// (platform objects are typed by them), and the plain internal shapes src/lime converts them to.
import type {
  Acl,
  Limetype,
  Limetypes,
  Property,
  CommandBusService,
  DialogService,
  EventDispatcherService,
  Expression,
  HttpService,
  LimeWebComponentContext,
  LimeWebComponentPlatform,
  LimeobjectsStateService,
  NotificationService,
  PropertyType,
  Query,
  QueryResponse,
  QueryService,
  RouteService,
  StateOptions,
  StateService,
  TranslateService,
} from '@limetech/lime-web-components-interfaces';

export type {
  Acl,
  /** A limetype as the platform's `state.limetypes` publishes it (relations are functions). */
  Limetype as PlatformLimetype,
  Limetypes as PlatformLimetypes,
  Property as PlatformProperty,
  CommandBusService,
  DialogService,
  EventDispatcherService,
  Expression,
  HttpService,
  LimeobjectsStateService,
  NotificationService,
  PropertyType,
  QueryService,
  RouteService,
  StateOptions,
  StateService,
  TranslateService,
};

// The Lime Query operators as values: a filter's `op` is this enum, so code that builds queries needs it.
export { Operator as LimeQueryOperator } from '@limetech/lime-web-components-interfaces';

export type LimePlatform = LimeWebComponentPlatform;
export type LimeContext = LimeWebComponentContext;
export type LimeQuery = Query;
export type LimeQueryResponse = QueryResponse;
export type LimeQueryFilter = Expression;

/**
 * A property of a limetype in our internal plain shape: what config validation, pickers, the connect
 * flow and the Portal read. Made from the platform's `Property` by `limetypesFromPlatform` only.
 */
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

/** A limetype in our internal plain shape (no functions); see `LimePropertyMeta`. */
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

/**
 * `state.application` as lime-web-components 2.1.0 fills it: `{ session, currentUser,
 * applicationName }`. 2.1.0's interfaces declare no type for it; its decorators read
 * `applicationData.session` (`@Session`), `.currentUser` (`@CurrentUser`) and `.applicationName`
 * (`@ApplicationName`), and the user's language is the session's `language`. Every field is
 * optional here: the platform may leave any of them out.
 */
export interface ApplicationState {
  session?: { language?: string; [key: string]: unknown };
  currentUser?: { id?: number; fullname?: string; email?: string; [key: string]: unknown };
  applicationName?: string;
}
