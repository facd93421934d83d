// The REST shapes of Lime CRM's API (`api/v1/limeobject/…`, `api/v1/query/`) as one pure request
// handler, shared by the emulated `http` service in the browser and an HTTP server in node.
import type { Acl, LimeTypes } from '../lime';
import type { Database, StoredObject } from './database';
import { EmulatorError } from './errors';
import { executeQuery, FULL_ACCESS, type ReadAccess } from './query';

export interface RestRequest {
  method: string;
  /** e.g. `api/v1/limeobject/company/1001/`; a leading `/`, a `https://host/` prefix and a `?query` are fine. */
  path: string;
  query?: Record<string, string | string[] | undefined>;
  body?: unknown;
  headers?: Record<string, string | string[] | undefined>;
}

export interface RestResponse {
  status: number;
  /** JSON; `{ message }` for errors; null for 204. */
  body: unknown;
}

/** What the caller may do: the limetype ACL and objects denied one by one. */
export interface RestAccess extends ReadAccess {
  allows(limetype: string, action: keyof Acl): boolean;
}

export const FULL_REST_ACCESS: RestAccess = { ...FULL_ACCESS, allows: () => true };

export type RestHandler = (request: RestRequest) => RestResponse;

const LIMEOBJECT_ROUTE = /^api\/v1\/limeobject\/([^/]+)\/?(?:([^/]+)\/?)?$/;
const QUERY_ROUTE = /^api\/v1\/query\/?$/;

/** The request handler over a database; never throws (a bug inside answers 500). */
export function createRestHandler(options: {
  db: Database;
  limetypes: LimeTypes;
  access?: RestAccess;
}): RestHandler {
  const { db, limetypes } = options;
  const access = options.access ?? FULL_REST_ACCESS;

  const toRest = (limetype: string, row: StoredObject): Record<string, unknown> => {
    const meta = limetypes[limetype];
    const object: Record<string, unknown> = {
      _id: row.id,
      _limetype: limetype,
      _descriptive: db.describe(limetype, row),
      _timestamp: row._timestamp,
      _createdtime: row._createdtime,
    };
    for (const [name, property] of Object.entries(meta.properties)) {
      if (property.type !== 'hasmany' && property.type !== 'hasandbelongstomany') {
        object[name] = row[name] ?? null;
      }
    }
    object._links = { self: { href: `/api/v1/limeobject/${limetype}/${row.id}/` } };
    return object;
  };

  const requireLimetype = (limetype: string) => {
    if (!limetypes[limetype]) {
      throw new EmulatorError(404, `Unknown limetype "${limetype}".`);
    }
  };

  const requireAction = (limetype: string, action: keyof Acl) => {
    if (!access.allows(limetype, action)) {
      throw new EmulatorError(403, `You do not have permission to ${action} ${limetype}.`);
    }
  };

  const requireObject = (limetype: string, idText: string): StoredObject => {
    const id = Number(idText);
    const row = Number.isInteger(id) ? db.row(limetype, id) : undefined;
    if (!row) {
      throw new EmulatorError(404, `There is no ${limetype} with id ${idText}.`);
    }
    if (access.isDenied(limetype, id)) {
      throw new EmulatorError(403, `You do not have access to ${limetype} ${id}.`);
    }
    return row;
  };

  const list = (limetype: string, params: Record<string, string>): RestResponse => {
    requireAction(limetype, 'read');
    const meta = limetypes[limetype];
    const filters = Object.entries(params)
      .filter(([key]) => !key.startsWith('_'))
      .map(([key, value]) => ({ key, op: '=', exp: value === '' ? null : value }));
    const count = (name: string): number | undefined => {
      if (params[name] === undefined) {
        return undefined;
      }
      const value = Number(params[name]);
      if (!Number.isInteger(value) || value < 0) {
        throw new EmulatorError(
          400,
          `"${name}" must be a whole number of 0 or more, got "${params[name]}".`,
        );
      }
      return value;
    };
    const orderBy = (params._sort ?? '')
      .split(',')
      .filter(Boolean)
      .map((key) => (key.startsWith('-') ? { [key.slice(1)]: 'DESC' } : { [key]: 'ASC' }));
    const object: Record<string, null> = { _id: null };
    for (const [name, property] of Object.entries(meta.properties)) {
      if (property.type !== 'hasmany' && property.type !== 'hasandbelongstomany') {
        object[name] = null;
      }
    }
    const result = executeQuery(
      db,
      limetypes,
      {
        limetype,
        filter: filters.length > 0 ? { op: 'AND', exp: filters } : undefined,
        responseFormat: { object },
        limit: count('_limit'),
        offset: count('_offset'),
        orderBy,
      },
      access,
    );
    const limeobjects = result.objects.map((found: { _id: number }) => {
      const row = db.row(limetype, found._id);
      return row ? toRest(limetype, row) : found;
    });
    return {
      status: 200,
      body: {
        _embedded: { limeobjects },
        _links: { self: { href: `/api/v1/limeobject/${limetype}/` } },
      },
    };
  };

  const limeobject = (
    method: string,
    limetype: string,
    idText: string | undefined,
    request: RestRequest,
    params: Record<string, string>,
  ): RestResponse => {
    requireLimetype(limetype);
    if (idText === undefined) {
      if (method === 'GET') {
        return list(limetype, params);
      }
      if (method === 'POST') {
        requireAction(limetype, 'create');
        const created = db.create(limetype, bodyObject(request.body, limetype));
        return {
          status: 201,
          body: toRest(limetype, db.row(limetype, created.id) as StoredObject),
        };
      }
      throw new EmulatorError(405, `${method} is not allowed on api/v1/limeobject/${limetype}/.`);
    }
    switch (method) {
      case 'GET': {
        requireAction(limetype, 'read');
        return { status: 200, body: toRest(limetype, requireObject(limetype, idText)) };
      }
      case 'PATCH':
      case 'PUT': {
        requireAction(limetype, 'update');
        const row = requireObject(limetype, idText);
        db.update(limetype, row.id, bodyObject(request.body, limetype));
        return { status: 200, body: toRest(limetype, db.row(limetype, row.id) as StoredObject) };
      }
      case 'DELETE': {
        requireAction(limetype, 'delete');
        const row = requireObject(limetype, idText);
        db.delete(limetype, row.id);
        return { status: 204, body: null };
      }
      default:
        throw new EmulatorError(
          405,
          `${method} is not allowed on api/v1/limeobject/${limetype}/${idText}/.`,
        );
    }
  };

  return (request) => {
    try {
      const method = request.method.toUpperCase();
      const { route, params } = parsePath(request.path, request.query);
      const match = LIMEOBJECT_ROUTE.exec(route);
      if (match) {
        return limeobject(method, decodeURIComponent(match[1]), match[2], request, params);
      }
      if (QUERY_ROUTE.test(route)) {
        if (method !== 'POST') {
          throw new EmulatorError(
            405,
            `${method} is not allowed on api/v1/query/; POST a Lime Query.`,
          );
        }
        return { status: 200, body: executeQuery(db, limetypes, request.body, access) };
      }
      throw new EmulatorError(404, `No such endpoint: ${request.path}`);
    } catch (error) {
      if (error instanceof EmulatorError) {
        return { status: error.status, body: { message: error.message } };
      }
      const message = error instanceof Error ? error.message : String(error);
      return {
        status: 500,
        body: { message: `Internal error in the emulated Lime CRM: ${message}` },
      };
    }
  };
}

function bodyObject(body: unknown, limetype: string): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new EmulatorError(400, `Send the ${limetype} as a JSON object of properties.`);
  }
  return body as Record<string, unknown>;
}

/** The route without host, leading slash and query string, and the query parameters. */
export function parsePath(
  path: string,
  query: RestRequest['query'] = {},
): { route: string; params: Record<string, string> } {
  const withoutHost = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const [pathname, search = ''] = withoutHost.split('?', 2);
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    params[key] = value;
  }
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) {
      params[key] = Array.isArray(value) ? value[value.length - 1] : value;
    }
  }
  return { route: pathname.replace(/^\/+/, ''), params };
}
