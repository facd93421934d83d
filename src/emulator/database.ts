// The emulator's database: limeobjects per limetype, kept in memory, validated against the limetypes.
import type { LimeObjectData, LimePropertyMeta, LimeTypeMeta, LimeTypes } from '../lime';
import { EmulatorError } from './errors';
import { describeObject, isComputedProperty } from './schema';

/** A row as stored: the properties (belongsto as the related id or null) and the system fields. */
export interface StoredObject {
  id: number;
  _createdtime: string;
  _timestamp: string;
  [property: string]: unknown;
}

export type DatabaseChange =
  { kind: 'create' | 'update' | 'delete'; limetype: string; id: number } | { kind: 'load' };

/** Everything the database holds, as plain JSON (for persistence and snapshots). */
export interface DatabaseDump {
  objects: Record<string, StoredObject[]>;
  nextIds: Record<string, number>;
}

export interface CreateOptions {
  /** Use this id instead of the next free one (seed data). */
  id?: number;
  /** Use this creation time instead of now (seed data). */
  createdtime?: string;
}

/** The first id of every limetype, as in a fresh Lime CRM database. */
export const FIRST_ID = 1001;

const SYSTEM_FIELDS = ['_id', '_limetype', '_descriptive', '_createdtime', '_timestamp', '_links'];

export class Database {
  private tables = new Map<string, Map<number, StoredObject>>();
  private nextIds: Record<string, number> = {};
  private listeners = new Set<(change: DatabaseChange) => void>();
  private lastTime = 0;
  /** Increases on every change; cheap to compare for caches. */
  version = 0;

  constructor(
    private readonly limetypes: LimeTypes,
    private readonly now: () => number = Date.now,
  ) {
    for (const name of Object.keys(limetypes)) {
      this.tables.set(name, new Map());
      this.nextIds[name] = FIRST_ID;
    }
  }

  /** All objects of a limetype, in id order, as copies. */
  list(limetype: string): LimeObjectData[] {
    return this.rows(limetype).map((row) => this.present(limetype, row));
  }

  /** One object as a copy, or `undefined` when there is none. */
  get(limetype: string, id: number): LimeObjectData | undefined {
    const row = this.row(limetype, id);
    return row ? this.present(limetype, row) : undefined;
  }

  /** Creates an object; throws an `EmulatorError` (status 400) for unknown or ill-typed values. */
  create(
    limetype: string,
    values: Record<string, unknown>,
    options: CreateOptions = {},
  ): LimeObjectData {
    const meta = this.meta(limetype);
    const table = this.table(limetype);
    const checked = this.validate(meta, values);
    const id = options.id ?? this.nextIds[limetype];
    if (!Number.isInteger(id) || id <= 0 || table.has(id)) {
      throw new EmulatorError(400, `A ${limetype} with id ${id} exists already.`);
    }
    this.nextIds[limetype] = Math.max(this.nextIds[limetype], id + 1);
    const time = options.createdtime ?? this.nextTimestamp();
    this.lastTime = Math.max(this.lastTime, Date.parse(time) || 0);
    const row: StoredObject = { id, _createdtime: time, _timestamp: time };
    for (const [name, property] of Object.entries(meta.properties)) {
      if (property.type !== 'hasmany' && property.type !== 'hasandbelongstomany') {
        row[name] = null;
      }
    }
    Object.assign(row, checked);
    this.compute(limetype, row);
    table.set(id, row);
    this.changed({ kind: 'create', limetype, id });
    return this.present(limetype, row);
  }

  /** Updates some properties of an object; 404 when it does not exist, 400 for bad values. */
  update(limetype: string, id: number, values: Record<string, unknown>): LimeObjectData {
    const meta = this.meta(limetype);
    const row = this.existing(limetype, id);
    const checked = this.validate(meta, values);
    Object.assign(row, checked);
    this.compute(limetype, row);
    row._timestamp = this.nextTimestamp();
    this.changed({ kind: 'update', limetype, id });
    return this.present(limetype, row);
  }

  /** Deletes an object (404 when missing); relations pointing at it are cleared, as in Lime. */
  delete(limetype: string, id: number): void {
    this.existing(limetype, id);
    this.table(limetype).delete(id);
    for (const [otherType, otherMeta] of Object.entries(this.limetypes)) {
      const pointers = Object.values(otherMeta.properties).filter(
        (property) => property.type === 'belongsto' && property.relation?.limetype === limetype,
      );
      for (const row of this.table(otherType).values()) {
        for (const pointer of pointers) {
          if (row[pointer.name] === id) {
            row[pointer.name] = null;
          }
        }
      }
    }
    this.changed({ kind: 'delete', limetype, id });
  }

  /** Calls back after every change; returns the unsubscribe. */
  onChange(callback: (change: DatabaseChange) => void): () => void {
    this.listeners.add(callback);
    return () => {
      this.listeners.delete(callback);
    };
  }

  /** The stored rows of a limetype in id order, NOT copied: for the query engine only. */
  rows(limetype: string): StoredObject[] {
    return [...this.table(limetype).values()].sort((a, b) => a.id - b.id);
  }

  /** The stored row, NOT copied: for the query engine only. */
  row(limetype: string, id: number): StoredObject | undefined {
    return this.table(limetype).get(id);
  }

  /** The objects related to `row` through `property` (belongsto: zero or one, hasmany: many). */
  related(row: StoredObject, property: LimePropertyMeta): StoredObject[] {
    const target = property.relation?.limetype;
    if (!target) {
      return [];
    }
    if (property.type === 'belongsto' || property.type === 'hasone') {
      const id = row[property.name];
      const related = typeof id === 'number' ? this.row(target, id) : undefined;
      return related ? [related] : [];
    }
    const backreference = property.relation?.backreference;
    if (!backreference) {
      return [];
    }
    return this.rows(target).filter((other) => other[backreference] === row.id);
  }

  /** The descriptive text of a stored row. */
  describe(limetype: string, row: StoredObject): string {
    return describeObject(this.meta(limetype), row);
  }

  dump(): DatabaseDump {
    const objects: Record<string, StoredObject[]> = {};
    for (const name of this.tables.keys()) {
      objects[name] = this.rows(name).map((row) => ({ ...row }));
    }
    return { objects, nextIds: { ...this.nextIds } };
  }

  /** Replaces everything with a dump (trusted: it came from `dump()`); one `load` change. */
  load(dump: DatabaseDump): void {
    for (const name of this.tables.keys()) {
      const table = new Map<number, StoredObject>();
      for (const row of dump.objects[name] ?? []) {
        table.set(row.id, { ...row });
      }
      this.tables.set(name, table);
      const highest = Math.max(FIRST_ID - 1, ...table.keys());
      for (const row of table.values()) {
        this.lastTime = Math.max(this.lastTime, Date.parse(row._timestamp) || 0);
      }
      this.nextIds[name] = Math.max(dump.nextIds[name] ?? FIRST_ID, highest + 1);
    }
    this.changed({ kind: 'load' });
  }

  /** Runs `work` and reports its changes as one `load` change (seeding thousands of rows). */
  batch(work: () => void): void {
    const listeners = this.listeners;
    this.listeners = new Set();
    try {
      work();
    } finally {
      this.listeners = listeners;
      this.changed({ kind: 'load' });
    }
  }

  meta(limetype: string): LimeTypeMeta {
    const meta = this.limetypes[limetype];
    if (!meta) {
      throw new EmulatorError(400, `Unknown limetype "${limetype}".`);
    }
    return meta;
  }

  private present(limetype: string, row: StoredObject): LimeObjectData {
    return { ...row, _limetype: limetype, _descriptive: this.describe(limetype, row) };
  }

  private table(limetype: string): Map<number, StoredObject> {
    const table = this.tables.get(limetype);
    if (!table) {
      throw new EmulatorError(400, `Unknown limetype "${limetype}".`);
    }
    return table;
  }

  private existing(limetype: string, id: number): StoredObject {
    const row = this.table(limetype).get(id);
    if (!row) {
      throw new EmulatorError(404, `There is no ${limetype} with id ${id}.`);
    }
    return row;
  }

  /** Strictly increasing ISO times, so that "created later" is always decidable. */
  private nextTimestamp(): string {
    const time = Math.max(this.now(), this.lastTime + 1);
    this.lastTime = time;
    return new Date(time).toISOString();
  }

  private compute(limetype: string, row: StoredObject): void {
    // The name follows first and last name, like Lime's SQL expression field; written only
    // when neither is set.
    if (isComputedProperty(limetype, 'name')) {
      const parts = [row.firstname, row.lastname].filter(
        (part): part is string => typeof part === 'string' && part.trim() !== '',
      );
      if (parts.length > 0) {
        row.name = parts.map((part) => part.trim()).join(' ');
      }
    }
  }

  private changed(change: DatabaseChange): void {
    this.version += 1;
    let failure: unknown;
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure) {
      throw failure;
    }
  }

  private validate(meta: LimeTypeMeta, values: Record<string, unknown>): Record<string, unknown> {
    if (!values || typeof values !== 'object' || Array.isArray(values)) {
      throw new EmulatorError(400, `The ${meta.name} must be sent as a JSON object of properties.`);
    }
    const checked: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(values)) {
      if (SYSTEM_FIELDS.includes(name) || name === 'id') {
        continue;
      }
      const property = meta.properties[name];
      if (!property) {
        throw new EmulatorError(400, `Unknown property "${name}" on limetype "${meta.name}".`);
      }
      checked[name] = this.checkValue(meta.name, property, value);
    }
    return checked;
  }

  private checkValue(limetype: string, property: LimePropertyMeta, value: unknown): unknown {
    const where = `${limetype}.${property.name}`;
    const refuse = (expected: string): never => {
      throw new EmulatorError(
        400,
        `Invalid value for "${where}" (${property.type}): expected ${expected}, got ${JSON.stringify(value)}.`,
      );
    };
    if (value === null || value === undefined) {
      return null;
    }
    switch (property.type) {
      case 'string':
      case 'text':
      case 'phone':
      case 'link':
      case 'xml':
        return typeof value === 'string' ? value : refuse('a string');
      case 'integer':
      case 'year':
        return Number.isInteger(value) ? value : refuse('an integer');
      case 'decimal':
      case 'percent':
        return typeof value === 'number' && Number.isFinite(value) ? value : refuse('a number');
      case 'yesno':
        return typeof value === 'boolean' ? value : refuse('true or false');
      case 'time':
      case 'date':
        return typeof value === 'string' && !Number.isNaN(Date.parse(value))
          ? value
          : refuse('an ISO 8601 date/time string');
      case 'option': {
        const keys = (property.options ?? []).map((option) => option.key);
        return typeof value === 'string' && keys.includes(value)
          ? value
          : refuse(`one of ${keys.map((key) => `"${key}"`).join(', ')}`);
      }
      case 'file':
        return typeof value === 'string' || Number.isInteger(value)
          ? value
          : refuse('a file id or name');
      case 'belongsto':
      case 'hasone': {
        const target = property.relation?.limetype ?? '';
        if (!Number.isInteger(value)) {
          return refuse(`the id of a ${target}`);
        }
        if (!this.row(target, value as number)) {
          throw new EmulatorError(
            400,
            `Invalid value for "${where}": there is no ${target} with id ${value}.`,
          );
        }
        return value;
      }
      case 'hasmany':
      case 'hasandbelongstomany':
        throw new EmulatorError(
          400,
          `"${where}" is a ${property.type} relation: set the relation on the related ${property.relation?.limetype} instead.`,
        );
      default:
        return value;
    }
  }
}
