// Lime Query evaluation over the emulator's database: filters, nested relation keys, the response
// format with related objects, aggregates, ordering and paging, as Lime CRM's `api/v1/query/` does.
import { z } from 'zod';
import type { LimePropertyMeta, LimeQueryResponse, LimeTypes } from '../lime';
import type { Database, StoredObject } from './database';
import { EmulatorError } from './errors';

/** Who may read what: the limetype ACL and objects denied one by one. */
export interface ReadAccess {
  canReadLimetype(limetype: string): boolean;
  isDenied(limetype: string, id: number): boolean;
}

export const FULL_ACCESS: ReadAccess = {
  canReadLimetype: () => true,
  isDenied: () => false,
};

const FILTER_OPERATORS = ['=', '!', 'IN', '=?', '?', '<', '>', '<=', '>='] as const;
type FilterOperator = (typeof FILTER_OPERATORS)[number];

const AGGREGATE_OPERATORS = ['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'] as const;

const querySchema = z.object({
  limetype: z.string().min(1),
  filter: z.unknown().optional(),
  responseFormat: z
    .object({
      object: z.record(z.string(), z.unknown()).optional(),
      aggregates: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  limit: z.number().int().nonnegative().nullable().optional(),
  offset: z.number().int().nonnegative().nullable().optional(),
  orderBy: z.array(z.record(z.string(), z.enum(['ASC', 'DESC', 'asc', 'desc']))).optional(),
});

const aggregateSchema = z.object({
  op: z.enum(AGGREGATE_OPERATORS),
  key: z.string().optional(),
  filter: z.unknown().optional(),
});

const SYSTEM_KEYS: Record<string, 'number' | 'time' | 'string'> = {
  _id: 'number',
  _createdtime: 'time',
  _timestamp: 'time',
  _descriptive: 'string',
  _limetype: 'string',
};

type Kind = 'number' | 'time' | 'string' | 'boolean';
type Predicate = (row: StoredObject) => boolean;
type Getter = (row: StoredObject) => unknown[];

const NUMERIC_TYPES = ['integer', 'decimal', 'percent', 'year', 'belongsto', 'hasone', 'hasmany'];
const collator = new Intl.Collator('sv', { sensitivity: 'variant', numeric: true });

/** Evaluates a Lime Query; throws an `EmulatorError` (400, 403) for a query Lime would refuse. */
export function executeQuery(
  db: Database,
  limetypes: LimeTypes,
  input: unknown,
  access: ReadAccess = FULL_ACCESS,
): LimeQueryResponse {
  return new QueryEvaluation(db, limetypes, access).run(input);
}

class QueryEvaluation {
  private backreferenceIndex = new Map<string, Map<number, StoredObject[]>>();
  private keyGetters = new Map<string, Getter & { kind: Kind }>();

  constructor(
    private readonly db: Database,
    private readonly limetypes: LimeTypes,
    private readonly access: ReadAccess,
  ) {}

  run(input: unknown): LimeQueryResponse {
    const parsed = querySchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new EmulatorError(
        400,
        `Invalid query: ${issue.path.join('.') || 'query'}: ${issue.message}.`,
      );
    }
    const query = parsed.data;
    const limetype = query.limetype;
    this.meta(limetype);
    if (!this.access.canReadLimetype(limetype)) {
      throw new EmulatorError(403, `You do not have permission to read ${limetype}.`);
    }
    const predicate =
      query.filter === undefined || query.filter === null
        ? () => true
        : this.compileFilter(limetype, query.filter, 'filter');
    const present = this.compileObject(limetype, query.responseFormat?.object ?? { _id: null }, '');
    const sorters = (query.orderBy ?? []).flatMap((order) =>
      Object.entries(order).map(([key, direction]) => ({
        get: this.compileKey(limetype, key, 'orderBy'),
        sign: direction.toUpperCase() === 'DESC' ? -1 : 1,
      })),
    );
    const aggregates = Object.entries(query.responseFormat?.aggregates ?? {}).map(([name, spec]) =>
      this.compileAggregate(limetype, name, spec),
    );

    const matching = this.readable(limetype, this.db.rows(limetype)).filter(predicate);
    if (sorters.length > 0) {
      matching.sort((a, b) => {
        for (const { get, sign } of sorters) {
          const order = compareValues(
            normalise(get(a)[0], get.kind),
            normalise(get(b)[0], get.kind),
          );
          if (order !== 0) {
            return order * sign;
          }
        }
        return a.id - b.id;
      });
    }
    const offset = query.offset ?? 0;
    const page =
      query.limit === undefined || query.limit === null || query.limit === 0
        ? matching.slice(offset)
        : matching.slice(offset, offset + query.limit);
    return {
      objects: page.map(present),
      aggregates: Object.fromEntries(
        aggregates.map(({ name, compute }) => [name, compute(matching)]),
      ),
    };
  }

  private meta(limetype: string) {
    const meta = this.limetypes[limetype];
    if (!meta) {
      throw new EmulatorError(400, `Unknown limetype "${limetype}".`);
    }
    return meta;
  }

  private readable(limetype: string, rows: StoredObject[]): StoredObject[] {
    return rows.filter((row) => !this.access.isDenied(limetype, row.id));
  }

  private related(row: StoredObject, property: LimePropertyMeta): StoredObject[] {
    const target = property.relation?.limetype ?? '';
    const backreference = property.relation?.backreference;
    if (property.type !== 'hasmany' || !backreference) {
      return this.db.related(row, property);
    }
    const indexKey = `${target}.${backreference}`;
    let index = this.backreferenceIndex.get(indexKey);
    if (!index) {
      index = new Map();
      for (const other of this.db.rows(target)) {
        const owner = other[backreference];
        if (typeof owner === 'number') {
          index.set(owner, [...(index.get(owner) ?? []), other]);
        }
      }
      this.backreferenceIndex.set(indexKey, index);
    }
    return index.get(row.id) ?? [];
  }

  private property(limetype: string, name: string, where: string): LimePropertyMeta {
    const property = this.meta(limetype).properties[name];
    if (!property) {
      throw new EmulatorError(
        400,
        `Unknown property "${name}" on limetype "${limetype}" (in ${where}).`,
      );
    }
    return property;
  }

  /**
   * A getter for a (possibly nested) key: all values it reaches, `[null]` when it reaches none.
   * One getter per key, remembering the last row: a filter that ORs many conditions on one key
   * (a phone number's forms) goes through the relation once per row, not once per condition.
   */
  private compileKey(limetype: string, key: string, where: string): Getter & { kind: Kind } {
    const cacheKey = `${limetype}\u0000${key}`;
    const cached = this.keyGetters.get(cacheKey);
    if (cached) {
      return cached;
    }
    const compiled = this.compileKeyOnce(limetype, key, where);
    let lastRow: StoredObject | undefined;
    let lastValues: unknown[] = [];
    const getter = ((row: StoredObject) => {
      if (row !== lastRow) {
        lastValues = compiled(row);
        lastRow = row;
      }
      return lastValues;
    }) as Getter & { kind: Kind };
    getter.kind = compiled.kind;
    this.keyGetters.set(cacheKey, getter);
    return getter;
  }

  private compileKeyOnce(limetype: string, key: string, where: string): Getter & { kind: Kind } {
    const segments = key.split('.');
    const steps: { property: LimePropertyMeta }[] = [];
    let current = limetype;
    for (const segment of segments.slice(0, -1)) {
      const property = this.property(current, segment, `${where} key "${key}"`);
      if (!property.relation) {
        throw new EmulatorError(
          400,
          `"${segment}" on limetype "${current}" is not a relation, so "${key}" (in ${where}) cannot go through it.`,
        );
      }
      steps.push({ property });
      current = property.relation.limetype;
    }
    const last = segments[segments.length - 1];
    const leafType = current;
    let leaf: (row: StoredObject) => unknown[];
    let kind: Kind;
    if (last in SYSTEM_KEYS) {
      kind = SYSTEM_KEYS[last] as Kind;
      leaf = (row) => [systemValue(this.db, leafType, row, last)];
    } else {
      const property = this.property(leafType, last, `${where} key "${key}"`);
      kind = kindOf(property);
      leaf =
        property.type === 'hasmany'
          ? (row) => this.related(row, property).map((other) => other.id)
          : (row) => [row[last] ?? null];
    }
    const getter = ((row: StoredObject) => {
      let rows = [row];
      for (const step of steps) {
        rows = rows.flatMap((each) => this.related(each, step.property));
      }
      const values = rows.flatMap(leaf);
      return values.length > 0 ? values : [null];
    }) as Getter & { kind: Kind };
    getter.kind = kind;
    return getter;
  }

  private compileFilter(limetype: string, expression: unknown, where: string): Predicate {
    if (!expression || typeof expression !== 'object' || Array.isArray(expression)) {
      throw new EmulatorError(400, `Invalid ${where}: expected an expression object.`);
    }
    const { key, op, exp } = expression as { key?: unknown; op?: unknown; exp?: unknown };
    if (op === 'AND' || op === 'OR') {
      if (!Array.isArray(exp)) {
        throw new EmulatorError(
          400,
          `Invalid ${where}: "${op}" needs an array of expressions in "exp".`,
        );
      }
      const parts = exp.map((part, index) =>
        this.compileFilter(limetype, part, `${where}.exp[${index}]`),
      );
      return op === 'AND'
        ? (row) => parts.every((part) => part(row))
        : (row) => parts.some((part) => part(row));
    }
    if (typeof op !== 'string' || !FILTER_OPERATORS.includes(op as FilterOperator)) {
      throw new EmulatorError(
        400,
        `Invalid ${where}: unknown operator ${JSON.stringify(op)}; use one of AND, OR, ${FILTER_OPERATORS.join(' ')}.`,
      );
    }
    if (typeof key !== 'string' || key === '') {
      throw new EmulatorError(400, `Invalid ${where}: operator "${op}" needs a "key".`);
    }
    const get = this.compileKey(limetype, key, where);
    const test = comparison(op as FilterOperator, exp, get.kind, `${where} on "${key}"`);
    if (op === '!') {
      const equals = comparison('=', exp, get.kind, where);
      return (row) => !get(row).some(equals);
    }
    return (row) => get(row).some(test);
  }

  private compileObject(
    limetype: string,
    spec: Record<string, unknown>,
    path: string,
  ): (row: StoredObject) => Record<string, unknown> {
    const fields = Object.entries(spec).map(([name, sub]) => {
      const where = `responseFormat.object${path}`;
      if (name in SYSTEM_KEYS) {
        return { name, value: (row: StoredObject) => systemValue(this.db, limetype, row, name) };
      }
      const property = this.property(limetype, name, where);
      const isRelation = !!property.relation;
      if (sub !== null && sub !== undefined && (typeof sub !== 'object' || Array.isArray(sub))) {
        throw new EmulatorError(
          400,
          `Invalid ${where}.${name}: use null, or an object for a relation.`,
        );
      }
      if (sub && !isRelation) {
        throw new EmulatorError(
          400,
          `Invalid ${where}.${name}: "${name}" on "${limetype}" is not a relation, so it takes null, not an object.`,
        );
      }
      if (!isRelation) {
        return { name, value: (row: StoredObject) => row[name] ?? null };
      }
      const target = property.relation?.limetype ?? '';
      const nested: (row: StoredObject) => unknown = sub
        ? this.compileObject(target, sub as Record<string, unknown>, `${path}.${name}`)
        : (row) => row.id;
      const many = property.type === 'hasmany' || property.type === 'hasandbelongstomany';
      return {
        name,
        value: (row: StoredObject) => {
          const related = this.readable(target, this.related(row, property));
          return many ? related.map(nested) : related.length > 0 ? nested(related[0]) : null;
        },
      };
    });
    return (row) => Object.fromEntries(fields.map(({ name, value }) => [name, value(row)]));
  }

  private compileAggregate(limetype: string, name: string, spec: unknown) {
    const parsed = aggregateSchema.safeParse(spec);
    if (!parsed.success) {
      throw new EmulatorError(
        400,
        `Invalid aggregate "${name}": expected { op: ${AGGREGATE_OPERATORS.join('|')}, key?, filter? }.`,
      );
    }
    const { op, key, filter } = parsed.data;
    const get =
      key && key !== '_id' ? this.compileKey(limetype, key, `aggregate "${name}"`) : undefined;
    const predicate =
      filter === undefined
        ? () => true
        : this.compileFilter(limetype, filter, `aggregate "${name}" filter`);
    const compute = (rows: StoredObject[]): number | null => {
      const selected = rows.filter(predicate);
      if (op === 'COUNT') {
        return get
          ? selected.filter((row) => get(row).some((value) => value !== null)).length
          : selected.length;
      }
      const numbers = selected
        .flatMap((row) => (get ? get(row) : [row.id]))
        .filter((value): value is number => typeof value === 'number');
      if (numbers.length === 0) {
        return op === 'SUM' ? 0 : null;
      }
      switch (op) {
        case 'SUM':
          return numbers.reduce((sum, value) => sum + value, 0);
        case 'AVG':
          return numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
        case 'MIN':
          return Math.min(...numbers);
        default:
          return Math.max(...numbers);
      }
    };
    return { name, compute };
  }
}

function systemValue(db: Database, limetype: string, row: StoredObject, key: string): unknown {
  switch (key) {
    case '_id':
      return row.id;
    case '_descriptive':
      return db.describe(limetype, row);
    case '_limetype':
      return limetype;
    default:
      return row[key] ?? null;
  }
}

function kindOf(property: LimePropertyMeta): Kind {
  if (NUMERIC_TYPES.includes(property.type)) {
    return 'number';
  }
  if (property.type === 'time' || property.type === 'date') {
    return 'time';
  }
  if (property.type === 'yesno') {
    return 'boolean';
  }
  return 'string';
}

/** Brings a filter operand to the kind of the property, so `'1001'` equals 1001 for an id. */
function normalise(value: unknown, kind: Kind): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  if (
    kind === 'number' &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    !Number.isNaN(Number(value))
  ) {
    return Number(value);
  }
  if (kind === 'time' && typeof value === 'string') {
    const time = Date.parse(value);
    return Number.isNaN(time) ? value : time;
  }
  if (kind === 'boolean' && (value === 'true' || value === 'false')) {
    return value === 'true';
  }
  return value;
}

function comparison(
  op: FilterOperator,
  exp: unknown,
  kind: Kind,
  where: string,
): (value: unknown) => boolean {
  switch (op) {
    case '=':
    case '!': {
      const expected = normalise(exp, kind);
      return (value) => normalise(value, kind) === expected;
    }
    case 'IN': {
      if (!Array.isArray(exp)) {
        throw new EmulatorError(400, `Invalid ${where}: "IN" needs an array in "exp".`);
      }
      const expected = exp.map((each) => normalise(each, kind));
      return (value) => expected.includes(normalise(value, kind));
    }
    case '=?':
    case '?': {
      if (exp === null || exp === undefined || typeof exp === 'object') {
        throw new EmulatorError(400, `Invalid ${where}: "${op}" needs a text in "exp".`);
      }
      const needle = String(exp).toLocaleLowerCase();
      return (value) => {
        if (value === null || value === undefined) {
          return false;
        }
        const text = String(value).toLocaleLowerCase();
        return op === '?' ? text.includes(needle) : text.startsWith(needle);
      };
    }
    default: {
      if (exp === null || exp === undefined || typeof exp === 'object') {
        throw new EmulatorError(
          400,
          `Invalid ${where}: "${op}" needs a number, date or text in "exp".`,
        );
      }
      const expected = normalise(exp, kind);
      return (value) => {
        if (value === null || value === undefined) {
          return false;
        }
        const order = compareValues(normalise(value, kind), expected);
        switch (op) {
          case '<':
            return order < 0;
          case '>':
            return order > 0;
          case '<=':
            return order <= 0;
          default:
            return order >= 0;
        }
      };
    }
  }
}

/** Orders values the way SQL Server does for one column: nulls first, then by value. */
function compareValues(a: unknown, b: unknown): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) {
    return aNull === bNull ? 0 : aNull ? -1 : 1;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    return Number(a) - Number(b);
  }
  return collator.compare(String(a), String(b));
}
