// connect-gitops.yaml: read with the same located YAML reader as the profile files, checked against
// schema/connect-gitops.schema.json (precompiled at build time), then against what a schema cannot say (operation
// names, environment names, where instanceId may stand). Every problem has file:line:column.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import schema from '../../schema/connect-gitops.schema.json' with { type: 'json' };
import { UserInputError, type InputProblem } from '../errors.js';
import type { RateQuota } from '../connect/quotas.js';
import { instanceIdFrom, regionFromInstanceArn } from '../connect/instance-id.js';
import type { DocumentLocator } from '../desired/document.js';
import { displayPath, folderHolds } from '../desired/files.js';
import { parseDocuments } from '../desired/parse-text.js';
import { childPointer } from '../desired/pointer.js';
import { schemaProblems } from '../desired/schema-check.js';
import { loadValidator } from '../desired/schema-validator.js';
import { didYouMean } from '../desired/suggest.js';
import { QUOTA_HINT, rateQuota, unknownOperation } from './quota-settings.js';

/** Names appear in headings, JSON and workflow job names; `all` means every environment (--env all). */
export const ENVIRONMENT_NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;
export const ALL_ENVIRONMENTS = 'all';
/** The profiles folder when neither --dir nor `dir` names one. */
export const DEFAULT_PROFILES_DIR = 'profiles';

export interface EnvironmentConfig {
  name: string;
  /** Instance ID or instance ARN, as written. */
  instanceId: string;
  region?: string;
  endpointUrl?: string;
  awsProfile?: string;
  /** The environment's own quotas only (the top-level ones are merged in by target resolution). */
  quotas: Record<string, RateQuota>;
  /** Absolute path of the overlay folder. */
  overlayDir?: string;
  prune?: boolean;
  owner?: string;
  profileQuota?: number;
}

export interface ConfigFile {
  /** The file, as found. */
  file: string;
  /** The file as messages name it (relative to the working directory when under it). */
  shownAs: string;
  /** The profiles folder, resolved against the file's folder. */
  dir?: string;
  instanceId?: string;
  region?: string;
  quotas: Record<string, RateQuota>;
  prune?: boolean;
  owner?: string;
  profileQuota?: number;
  defaultEnvironment?: string;
  /** In file order (`--env all` runs them in this order). Empty when the file defines none. */
  environments: EnvironmentConfig[];
}

/** The document as the schema guarantees it. */
interface QuotaDocument {
  ratePerSecond: number;
  burst?: number;
}
interface EnvironmentDocument {
  instanceId: string;
  region?: string;
  endpointUrl?: string;
  awsProfile?: string;
  quotas?: Record<string, QuotaDocument>;
  overlay?: string;
  prune?: boolean;
  owner?: string;
  profileQuota?: number;
}
interface ConfigDocument {
  dir?: string;
  instanceId?: string;
  region?: string;
  quotas?: Record<string, QuotaDocument>;
  prune?: boolean;
  owner?: string;
  profileQuota?: number;
  defaultEnvironment?: string;
  environments?: Record<string, EnvironmentDocument>;
}

const validate = await loadValidator<ConfigDocument>('connect-gitops', schema);

const HINT = 'Fix connect-gitops.yaml at the places named above (its format: schema/connect-gitops.schema.json).';

/** Reads and checks the config file; throws one UserInputError listing every problem, located. */
export function readConfigFile(path: string, opts: { cwd?: string } = {}): ConfigFile {
  const shown = displayPath(path, opts.cwd ?? process.cwd());
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserInputError(`cannot read ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, [], 'Make the file readable, or remove it.');
  }
  const checked = checkConfigText(shown, text, { overlayFolder: (overlay, dir) => overlayFolderProblem(resolve(dirname(path), overlay), resolve(dirname(path), dir)) });
  if (checked.problems.length > 0) {
    const count = checked.problems.length === 1 ? '1 problem' : `${checked.problems.length} problems`;
    const quotaProblem = checked.problems.some((p) => p.message.includes('is not an operation connect-gitops calls'));
    throw new UserInputError(`${shown} is invalid: ${count}`, checked.problems, quotaProblem ? QUOTA_HINT : HINT);
  }
  return toConfigFile(path, shown, checked.document ?? {});
}

/** Why an overlay folder cannot serve and what to do, in words, or undefined when it can. */
function overlayFolderProblem(folder: string, profiles: string): string | undefined {
  // Its profile files would be read as overlays (a --dir elsewhere is checked again when the files are loaded).
  if (folderHolds(folder, profiles)) return 'it is the profiles folder or holds it; give overlays a folder of their own';
  const fix = 'create it, or correct the path (relative to this file)';
  try {
    return statSync(folder).isDirectory() ? undefined : `it is not a folder; ${fix}`;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return `${code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : (code ?? (e as Error).message)}; ${fix}`;
  }
}

export interface ConfigChecks {
  /** Why the `overlay:` folder cannot serve beside the profiles folder `dir` (both as written, relative to the file). */
  overlayFolder?: (overlay: string, dir: string) => string | undefined;
}

/**
 * The file's text -> its settings document, or every problem in it. Pure unless `checks` look at the disk: a
 * missing overlay folder is then reported at its `overlay:` line, where the mistake is.
 */
export function checkConfigText(file: string, text: string, checks: ConfigChecks = {}): { document?: ConfigDocument; problems: InputProblem[] } {
  let document: ConfigDocument | undefined;
  let documents = 0;
  const parsed = parseDocuments(file, text, 'the settings of connect-gitops', (found) => {
    documents++;
    if (documents > 1) return [{ ...found.source, message: 'a second document: connect-gitops.yaml holds one mapping of settings' }];
    if (!validate(found.value)) return schemaProblems(validate.errors ?? [], found.at);
    const rules = ruleProblems(found.value as ConfigDocument, found.at, checks);
    if (found.sound && rules.length === 0) document = found.value as ConfigDocument;
    return rules;
  });
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  return { document: document ?? {}, problems: [] };
}

/** What the schema cannot say, each at the key or value it is about. */
function ruleProblems(doc: ConfigDocument, at: DocumentLocator, checks: ConfigChecks): InputProblem[] {
  const problems: InputProblem[] = [];
  const key = (pointer: string, message: string) => problems.push({ ...at.key(pointer), message });
  const value = (pointer: string, message: string) => problems.push({ ...at.value(pointer), message });
  quotaProblems(doc.quotas, '/quotas', key);
  ownerProblem(doc.owner, '/owner', value);
  instanceProblem(doc.instanceId, doc.region, '', value);
  const environments = doc.environments;
  if (environments === undefined) {
    if (doc.defaultEnvironment !== undefined) key('/defaultEnvironment', 'defaultEnvironment needs environments: to choose from; define environments or remove it');
    return problems;
  }
  const names = Object.keys(environments);
  if (names.length === 0) key('/environments', 'environments: defines no environment; define one (name: {instanceId: ...}) or remove the key');
  for (const moved of ['instanceId', 'region'] as const) {
    if (doc[moved] !== undefined) {
      key(`/${moved}`, `${moved} at the top level is not allowed with environments: move it into each environment (environments.<name>.${moved})`);
    }
  }
  for (const name of names) {
    const pointer = childPointer('/environments', name);
    if (name === ALL_ENVIRONMENTS) key(pointer, '"all" is reserved for --env all (every environment); name the environment differently');
    else if (!ENVIRONMENT_NAME.test(name)) {
      key(pointer, `environment name ${JSON.stringify(name)} must be 1 to 32 of a-z, 0-9, "-" and "_", starting with a letter or digit (it appears in headings and job names)`);
    }
    const env = environments[name];
    if (env === undefined) continue;
    quotaProblems(env.quotas, `${pointer}/quotas`, key);
    ownerProblem(env.owner, `${pointer}/owner`, value);
    instanceProblem(env.instanceId, env.region, pointer, value);
    const overlayProblem = env.overlay === undefined ? undefined : checks.overlayFolder?.(env.overlay, doc.dir ?? DEFAULT_PROFILES_DIR);
    if (overlayProblem !== undefined) {
      value(`${pointer}/overlay`, `the overlay folder ${JSON.stringify(env.overlay)} of environment ${JSON.stringify(name)} cannot be used: ${overlayProblem}`);
    }
    if (env.endpointUrl !== undefined && !isHttpUrl(env.endpointUrl)) {
      value(`${pointer}/endpointUrl`, `endpointUrl must be an http:// or https:// URL, not ${JSON.stringify(env.endpointUrl)}`);
    }
  }
  sameInstanceProblems(environments, value);
  const chosen = doc.defaultEnvironment;
  if (chosen !== undefined && !names.includes(chosen)) {
    value('/defaultEnvironment', `defaultEnvironment ${JSON.stringify(chosen)} is not an environment defined here${didYouMean(chosen, names)} (defined: ${names.join(', ')})`);
  }
  return problems;
}

function quotaProblems(quotas: Record<string, QuotaDocument> | undefined, pointer: string, key: (pointer: string, message: string) => void): void {
  for (const op of Object.keys(quotas ?? {})) {
    const unknown = unknownOperation(op);
    if (unknown !== undefined) key(childPointer(pointer, op), unknown);
  }
}

/** The owner is the value of the ownership tag: blank would match nothing (the schema bounds the length). */
function ownerProblem(owner: string | undefined, pointer: string, value: (pointer: string, message: string) => void): void {
  if (owner !== undefined && owner.trim() === '') value(pointer, 'owner must be 1..256 characters, not blank');
}

/**
 * Two environments naming one instance (the same ID at the same endpoint) would apply their two versions of the
 * profiles in turn, and drift would never be clean: the second is refused, naming the first.
 */
function sameInstanceProblems(environments: Record<string, EnvironmentDocument>, value: (pointer: string, message: string) => void): void {
  const first = new Map<string, string>();
  for (const [name, env] of Object.entries(environments)) {
    let id: string;
    try {
      id = instanceIdFrom(env.instanceId);
    } catch {
      continue; // reported by instanceProblem
    }
    const key = `${id} ${env.endpointUrl ?? ''}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, name);
    else value(childPointer(childPointer('/environments', name), 'instanceId'), `environments ${JSON.stringify(earlier)} and ${JSON.stringify(name)} name the same instance (${id}); each environment is an instance of its own`);
  }
}

/** A malformed ARN, or a Region that contradicts the ARN's: the instance lives in exactly one Region. */
function instanceProblem(instanceId: string | undefined, region: string | undefined, parent: string, value: (pointer: string, message: string) => void): void {
  if (instanceId === undefined) return;
  try {
    instanceIdFrom(instanceId);
  } catch (e) {
    value(`${parent}/instanceId`, (e as Error).message);
    return;
  }
  const fromArn = regionFromInstanceArn(instanceId);
  // The top level's contradiction is reported by target resolution, which also weighs --region and AWS_REGION.
  if (parent !== '' && fromArn !== undefined && region !== undefined && region !== fromArn) {
    value(`${parent}/region`, `region ${region} contradicts the instance ARN, which is in ${fromArn}; remove region (the ARN names it) or correct it`);
  }
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function quotaTable(quotas: Record<string, QuotaDocument> | undefined): Record<string, RateQuota> {
  const table: Record<string, RateQuota> = {};
  for (const [op, q] of Object.entries(quotas ?? {})) table[op] = rateQuota(q.ratePerSecond, q.burst);
  return table;
}

function toConfigFile(path: string, shownAs: string, doc: ConfigDocument): ConfigFile {
  const folder = dirname(path);
  return {
    file: path,
    shownAs,
    ...(doc.dir === undefined ? {} : { dir: resolve(folder, doc.dir) }),
    ...(doc.instanceId === undefined ? {} : { instanceId: doc.instanceId }),
    ...(doc.region === undefined ? {} : { region: doc.region }),
    quotas: quotaTable(doc.quotas),
    ...(doc.prune === undefined ? {} : { prune: doc.prune }),
    ...(doc.owner === undefined ? {} : { owner: doc.owner }),
    ...(doc.profileQuota === undefined ? {} : { profileQuota: doc.profileQuota }),
    ...(doc.defaultEnvironment === undefined ? {} : { defaultEnvironment: doc.defaultEnvironment }),
    environments: Object.entries(doc.environments ?? {}).map(([name, env]) => ({
      name,
      instanceId: env.instanceId,
      ...(env.region === undefined ? {} : { region: env.region }),
      ...(env.endpointUrl === undefined ? {} : { endpointUrl: env.endpointUrl }),
      ...(env.awsProfile === undefined ? {} : { awsProfile: env.awsProfile }),
      quotas: quotaTable(env.quotas),
      ...(env.overlay === undefined ? {} : { overlayDir: resolve(folder, env.overlay) }),
      ...(env.prune === undefined ? {} : { prune: env.prune }),
      ...(env.owner === undefined ? {} : { owner: env.owner }),
      ...(env.profileQuota === undefined ? {} : { profileQuota: env.profileQuota }),
    })),
  };
}
