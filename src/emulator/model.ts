// The Connect API model (botocore's service-2.json, routing-profile subset) is the single source of every
// request constraint the emulator enforces: routes, members, required, min/max, patterns, enums and error
// HTTP statuses. Nothing here is hand-copied; the product ships the model as data in model/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface MemberRef {
  shape: string;
  /** 'uri' for path labels, 'querystring' for query members; absent means the JSON body. */
  location?: 'uri' | 'querystring';
  locationName?: string;
}

export interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'boolean' | 'timestamp';
  members?: Record<string, MemberRef>;
  required?: string[];
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  error?: { httpStatusCode: number };
  exception?: boolean;
}

export interface Operation {
  name: string;
  http: { method: string; requestUri: string };
  input: { shape: string };
  output?: { shape: string };
  errors: { shape: string }[];
}

export interface ApiModel {
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

const MODEL_FILE = join('model', 'connect-routing-profiles.model.json');

/** Walks up from this module: src/emulator in the repository, dist/src/emulator once built. */
export function findModelPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, MODEL_FILE);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`cannot find ${MODEL_FILE} above ${fileURLToPath(import.meta.url)}`);
}

let cached: ApiModel | undefined;

export function loadModel(): ApiModel {
  cached ??= JSON.parse(readFileSync(findModelPath(), 'utf8')) as ApiModel;
  return cached;
}

export function shape(name: string): Shape {
  const s = loadModel().shapes[name];
  if (!s) throw new Error(`shape ${name} is not in the model`);
  return s;
}

/** The HTTP status the model gives an error shape (its `error.httpStatusCode`), if it is a modelled error. */
export function modelErrorStatus(errorName: string): number | undefined {
  return loadModel().shapes[errorName]?.error?.httpStatusCode;
}

/** Shorthand for the range or length bounds of a shape, for domain rules that need them (e.g. page sizes). */
export function bounds(shapeName: string): { min?: number; max?: number } {
  const s = shape(shapeName);
  return { min: s.min, max: s.max };
}

/** The model member that carries an operation's page size, and its bounds (MaxResult100/500/1000). */
export function maxResultsBounds(operation: string): { min: number; max: number } {
  const op = loadModel().operations[operation];
  const ref = op ? shape(op.input.shape).members?.MaxResults : undefined;
  if (!ref) throw new Error(`${operation} has no MaxResults member`);
  const b = bounds(ref.shape);
  return { min: b.min ?? 1, max: b.max ?? Number.MAX_SAFE_INTEGER };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
}

/**
 * Checks a value against a model shape the way Connect's front end does before any business logic, and
 * returns one message per violation in Coral's wording ("Value ... at 'X' failed to satisfy constraint: ...").
 * Unknown members are ignored, as Connect ignores them (newer SDKs send members older models lack, such as
 * MediaConcurrency.WorkloadTypeConcurrencies, and they must survive).
 */
export function validateShape(shapeName: string, value: unknown, path = ''): string[] {
  const problems: string[] = [];
  check(shapeName, value, path, problems);
  return problems;
}

function fail(problems: string[], path: string, value: unknown, constraint: string): void {
  const at = path === '' ? '' : ` at '${path}'`;
  problems.push(`Value ${value === undefined ? 'null' : show(value)}${at} failed to satisfy constraint: ${constraint}`);
}

function checkSize(s: Shape, size: number, path: string, value: unknown, what: string, problems: string[]): void {
  if (s.min !== undefined && size < s.min) {
    fail(problems, path, value, `Member must have ${what} greater than or equal to ${s.min}`);
  }
  if (s.max !== undefined && size > s.max) {
    fail(problems, path, value, `Member must have ${what} less than or equal to ${s.max}`);
  }
}

function check(shapeName: string, value: unknown, path: string, problems: string[]): void {
  const s = shape(shapeName);
  switch (s.type) {
    case 'structure': {
      if (!isRecord(value)) return fail(problems, path, value, 'Member must be a structure');
      for (const req of s.required ?? []) {
        if (value[req] === undefined || value[req] === null) {
          fail(problems, join2(path, req), undefined, 'Member must not be null');
        }
      }
      for (const [name, ref] of Object.entries(s.members ?? {})) {
        const v = value[name];
        if (v !== undefined && v !== null) check(ref.shape, v, join2(path, name), problems);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) return fail(problems, path, value, 'Member must be a list');
      checkSize(s, value.length, path, value, 'length', problems);
      value.forEach((item, i) => check(s.member!.shape, item, `${path}[${i}]`, problems));
      return;
    }
    case 'map': {
      if (!isRecord(value)) return fail(problems, path, value, 'Member must be a map');
      const entries = Object.entries(value);
      checkSize(s, entries.length, path, value, 'length', problems);
      for (const [k, v] of entries) {
        check(s.key!.shape, k, `${path}.key(${k})`, problems);
        check(s.value!.shape, v, `${path}.value(${k})`, problems);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') return fail(problems, path, value, 'Member must be a string');
      // Smithy lengths count Unicode code points, not UTF-16 units.
      checkSize(s, [...value].length, path, value, 'length', problems);
      if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value)) {
        fail(problems, path, value, `Member must satisfy regular expression pattern: ${s.pattern}`);
      }
      if (s.enum && !s.enum.includes(value)) {
        fail(problems, path, value, `Member must satisfy enum value set: [${s.enum.join(', ')}]`);
      }
      return;
    }
    case 'integer':
    case 'long': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return fail(problems, path, value, 'Member must be an integer');
      }
      if (s.min !== undefined && value < s.min) {
        fail(problems, path, value, `Member must have value greater than or equal to ${s.min}`);
      }
      if (s.max !== undefined && value > s.max) {
        fail(problems, path, value, `Member must have value less than or equal to ${s.max}`);
      }
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') fail(problems, path, value, 'Member must be a boolean');
      return;
    case 'timestamp':
      if (typeof value !== 'number') fail(problems, path, value, 'Member must be a timestamp');
      return;
  }
}

function join2(path: string, member: string): string {
  return path === '' ? member : `${path}.${member}`;
}

/** Coral's summary line over all violations, so a client sees every problem at once. */
export function validationMessage(problems: string[]): string {
  const n = problems.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${problems.join('; ')}`;
}
