// One way to Lime CRM: the CRM port, its one failure vocabulary and the text users read for it,
// and the fetch transport (API key or bearer token). The webclient's transport is in src/lime/.
export type {
  CrmListOptions,
  CrmObject,
  CrmPort,
  CrmRequestOptions,
  CrmResult,
  CrmValues,
  ResponseSchema,
} from './port';
export { fail, limeobjectPath, ok, relationId } from './port';
export type { CrmFailure, CrmFailureKind, CrmFailureMessage } from './failure';
export { crmFailureMessage, crmFailureText, failureForStatus } from './failure';
export {
  errorMessageOf,
  invalidResponse,
  parseObject,
  parseObjectList,
  parseQueryResponse,
  parseResponse,
} from './responses';
export type { ApiRootResult, CrmAuth, CrmFetch, FetchCrmPortOptions } from './fetch-transport';
export { apiRootOf, createFetchCrmPort, DEFAULT_CRM_TIMEOUT_MS } from './fetch-transport';
