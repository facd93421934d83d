// One way to Lime CRM: the CRM port, its one failure vocabulary and the text users read for it,
// and the fetch transport (API key or bearer token). The webclient's transport is in src/lime/.
export type {
  ApiRootResult,
  CrmAuth,
  CrmFailure,
  CrmFailureKind,
  CrmFailureMessage,
  CrmFetch,
  CrmListOptions,
  CrmObject,
  CrmPort,
  CrmRequestOptions,
  CrmResult,
  CrmValues,
  FetchCrmPortOptions,
  ResponseSchema,
} from './crm.types';
export { fail, limeobjectPath, ok, relationId } from './port';
export { crmFailureMessage, crmFailureText, failureForStatus } from './failure';
export {
  errorMessageOf,
  invalidResponse,
  parseObject,
  parseObjectList,
  parseQueryResponse,
  parseResponse,
} from './responses';
export { apiRootOf, createFetchCrmPort, DEFAULT_CRM_TIMEOUT_MS } from './fetch-transport';
