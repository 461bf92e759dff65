// The JSON Schema check, and the translation of ajv's errors into located, human messages.
import type { ErrorObject } from 'ajv/dist/ajv.js';
import schema from '../../schema/routing-profile.schema.json' with { type: 'json' };
import type { InputProblem } from '../errors.js';
import type { YamlMapping } from './construct.js';
import type { DocumentLocator, ProfileDocument } from './document.js';
import { childPointer, pointerSegments, readablePath } from './pointer.js';
import { loadValidator } from './schema-validator.js';
import { closestMatches, didYouMean } from './suggest.js';
import { tagKeyProblem } from './tag-keys.js';

const validate = await loadValidator<ProfileDocument>('routing-profile', schema);

export interface SchemaResult {
  document: ProfileDocument | null;
  problems: InputProblem[];
}

export function checkSchema(value: YamlMapping, at: DocumentLocator): SchemaResult {
  if (validate(value)) return { document: value, problems: [] };
  const errors = validate.errors ?? [];
  // A value of the wrong type also fails its enum/range checks; the type message alone says what to fix.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  // A misspelt key also leaves the real key missing; "did you mean" on the typo says both at once.
  const misspelt = new Set(
    errors
      .filter((e) => e.keyword === 'additionalProperties')
      .flatMap((e) => closestMatches(String(e.params.additionalProperty), allowedKeys(e), 1).map((key) => `${e.instancePath}\u0000${key}`)),
  );
  const problems: InputProblem[] = [];
  for (const error of errors) {
    if (error.keyword !== 'type' && wrongType.has(error.instancePath)) continue;
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}\u0000${String(error.params.missingProperty)}`)) continue;
    const problem = toProblem(error, at);
    if (problem !== null) problems.push(problem);
  }
  return { document: null, problems };
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `a string (${JSON.stringify(value)})`;
    case 'number':
      return Number.isInteger(value) ? `a number (${value})` : `a fractional number (${value})`;
    case 'boolean':
      return `a boolean (${value})`;
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

function expectedType(type: unknown): string {
  switch (type) {
    case 'integer':
      return 'a whole number';
    case 'string':
      return 'a string';
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    default:
      return String(type);
  }
}

function typeHint(type: unknown, data: unknown): string {
  if (type === 'integer' && typeof data === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(data)) {
    return `; write ${data.trim()} without quotes`;
  }
  if (type === 'string' && (typeof data === 'number' || typeof data === 'boolean')) {
    return `; quote it if it is meant as text: "${String(data)}"`;
  }
  return '';
}

function allowedKeys(error: ErrorObject): string[] {
  const parent: unknown = error.parentSchema;
  if (typeof parent !== 'object' || parent === null || !('properties' in parent)) return [];
  const properties: unknown = parent.properties;
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}

function toProblem(error: ErrorObject, at: DocumentLocator): InputProblem | null {
  const path = error.instancePath;
  const where = readablePath(path);
  const data: unknown = error.data;
  const parent: unknown = error.parentSchema;
  const bound = (name: string): unknown =>
    typeof parent === 'object' && parent !== null && name in parent ? (parent as Record<string, unknown>)[name] : undefined;
  const located = (message: string, location = at.value(path)): InputProblem => ({ ...location, message });

  // The inner errors of propertyNames (pattern, length) repeat what its own error says, with less context.
  if (error.propertyName !== undefined) return null;
  switch (error.keyword) {
    case 'type':
      return located(
        `${where} must be ${expectedType(error.params.type)}, not ${describeValue(data)}${typeHint(error.params.type, data)}`,
      );
    case 'required': {
      const missing = String(error.params.missingProperty);
      return located(path === '' ? `missing required key "${missing}"` : `${where}: missing required key "${missing}"`);
    }
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const inside = path === '' ? '' : ` in ${where}`;
      const allowed = allowedKeys(error);
      return located(
        `unknown key ${JSON.stringify(key)}${inside}${didYouMean(key, allowed)} (allowed: ${allowed.join(', ')})`,
        at.key(childPointer(path, key)),
      );
    }
    case 'enum': {
      const values = Array.isArray(error.params.allowedValues) ? error.params.allowedValues.map(String) : [];
      const hint = typeof data === 'string' ? didYouMean(data, values, false) : '';
      return located(`${where} must be one of ${values.join(', ')}, not ${typeof data === 'string' ? JSON.stringify(data) : describeValue(data)}${hint}`);
    }
    case 'minimum':
    case 'maximum':
      return located(`${where} must be between ${String(bound('minimum'))} and ${String(bound('maximum'))}, not ${String(data)}`);
    case 'minLength':
      return located(`${where} must not be empty`);
    case 'maxLength':
      return located(
        `${where} is ${[...String(data)].length} characters long; the limit is ${String(error.params.limit)}`,
      );
    case 'minItems':
      return located(`${where} must list at least ${String(error.params.limit)} entry`);
    case 'maxItems':
      // The queue list's bound is Connect's queue-channel pair quota, reported by the rules with that wording.
      if (pointerSegments(path).join('/') === 'queues') return null;
      return located(`${where} has more than ${String(error.params.limit)} entries`);
    case 'maxProperties':
      return located(
        `${where} has ${typeof data === 'object' && data !== null ? Object.keys(data).length : '?'} entries; Connect allows at most ${String(error.params.limit)}`,
      );
    case 'propertyNames': {
      const key = String(error.params.propertyName);
      const message = tagKeyProblem(key);
      return message === null ? null : located(message, at.key(childPointer(path, key)));
    }
    default:
      return located(`${where} ${error.message ?? 'is invalid'}`);
  }
}
