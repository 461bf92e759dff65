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
  return { document: null, problems: schemaProblems(validate.errors ?? [], at) };
}

/** ajv's errors for one document -> located problems, one per thing to fix. */
export function schemaProblems(all: readonly ErrorObject[], at: DocumentLocator): InputProblem[] {
  const { errors, problems } = resolveAlternatives(all, at);
  // A value of the wrong type also fails its enum/range checks; the type message alone says what to fix.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  // A misspelt key also leaves the real key missing; "did you mean" on the typo says both at once.
  const misspelt = new Set(
    errors
      .filter((e) => e.keyword === 'additionalProperties')
      .flatMap((e) => closestMatches(String(e.params.additionalProperty), allowedKeys(e), 1).map((key) => `${e.instancePath}\u0000${key}`)),
  );
  for (const error of errors) {
    if (error.keyword !== 'type' && wrongType.has(error.instancePath)) continue;
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}\u0000${String(error.params.missingProperty)}`)) continue;
    const problem = toProblem(error, at);
    if (problem !== null) problems.push(problem);
  }
  return problems;
}

/** Does `data` have the JSON Schema type `type`? */
function hasType(type: unknown, data: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof data === 'string';
    case 'array':
      return Array.isArray(data);
    case 'integer':
      return Number.isInteger(data);
    case 'object':
      return typeof data === 'object' && data !== null && !Array.isArray(data);
    default:
      return false;
  }
}

/**
 * `anyOf` alternatives told apart by their type (`renamedFrom`: one name or a list). ajv reports every
 * alternative that failed; only the one of the type written says what to fix, and when no type matches, the
 * message is "one or the other". Returns the errors left to translate and the problems already said.
 */
function resolveAlternatives(errors: readonly ErrorObject[], at: DocumentLocator): { errors: ErrorObject[]; problems: InputProblem[] } {
  const ignored: string[] = [];
  const problems: InputProblem[] = [];
  for (const error of errors) {
    if (error.keyword !== 'anyOf') continue;
    const branches: unknown[] = Array.isArray(error.schema) ? error.schema : [];
    const types = branches.map((branch) => (typeof branch === 'object' && branch !== null && 'type' in branch ? branch.type : undefined));
    const written = types.findIndex((type) => hasType(type, error.data));
    types.forEach((_, index) => {
      if (index !== written) ignored.push(`${error.schemaPath}/${index}/`);
    });
    if (written === -1) {
      const message = `${readablePath(error.instancePath)} must be ${types.map(expectedType).join(' or ')}, not ${describeValue(error.data)}`;
      problems.push({ ...at.value(error.instancePath), message });
    }
  }
  const kept = errors.filter((e) => e.keyword !== 'anyOf' && !ignored.some((prefix) => e.schemaPath.startsWith(prefix)));
  return { errors: kept, problems };
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
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
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

/**
 * Keys people carry over from a neighbouring list, where "unknown key" would not say why they do not belong:
 * a manual-assignment queue has no priority and no delay, since agents pick its contacts themselves.
 */
function misplacedKeyMessage(path: string, key: string): string | null {
  const segments = pointerSegments(path);
  if (segments.length === 2 && segments[0] === 'manualAssignmentQueues' && (key === 'priority' || key === 'delay')) {
    return `${readablePath(path)}: a manual-assignment queue has no ${key} (agents pick its contacts in the Worklist app); remove "${key}", or list the queue under queues to route its contacts`;
  }
  return null;
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
      const misplaced = misplacedKeyMessage(path, key);
      if (misplaced !== null) return located(misplaced, at.key(childPointer(path, key)));
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
    case 'maximum': {
      const [min, max] = [bound('minimum'), bound('maximum')];
      if (min !== undefined && max !== undefined) return located(`${where} must be between ${String(min)} and ${String(max)}, not ${String(data)}`);
      return located(min !== undefined ? `${where} must be at least ${String(min)}, not ${String(data)}` : `${where} must be at most ${String(max)}, not ${String(data)}`);
    }
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
      if (pointerSegments(path).at(-1) === 'workloadTypes' && Array.isArray(data)) {
        return located(`${where} lists ${data.length} workload types; Connect allows at most ${String(error.params.limit)} per channel`);
      }
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
