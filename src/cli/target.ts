// Which instance, Region, endpoint, folder and pacing a command works on (design.md, "Command line"):
// flags first, then the environment, then connect-gitops.yaml, so CI can override a checked-in default.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { UserInputError } from '../errors.js';
import { regionFromInstanceArn } from '../connect/instance-id.js';
import type { RateQuota } from '../connect/quotas.js';
import { READ_OPERATIONS, WRITE_OPERATIONS } from '../connect/operations.js';
import { SETTINGS_FILE_NAME } from '../desired/files.js';
import { didYouMean } from '../desired/suggest.js';

export const CONFIG_FILE_NAME = SETTINGS_FILE_NAME;
const DEFAULT_DIR = 'profiles';

export interface TargetFlagsInput {
  dir?: string;
  instanceId?: string;
  region?: string;
  endpointUrl?: string;
  quota?: string[];
}

export interface Target {
  dir: string;
  /** Instance ID or instance ARN, as given; undefined when nothing names one. */
  instanceId?: string;
  region?: string;
  endpointUrl?: string;
  quotas: Record<string, RateQuota>;
  /** Set when AWS_REGION disagrees with the instance ARN's Region (the ARN wins): said on stderr. */
  regionWarning?: string;
  /** The config file that contributed, for messages. */
  configFile?: string;
  /** connect-gitops.yaml `prune` / `owner` (design.md, "Retire"); --prune wins over `prune`. */
  prune?: boolean;
  owner?: string;
}

interface ConfigFile {
  instanceId?: string;
  region?: string;
  dir?: string;
  quotas?: Record<string, RateQuota>;
  prune?: boolean;
  owner?: string;
}

const CONFIG_KEYS = new Set(['instanceId', 'region', 'dir', 'quotas', 'prune', 'owner']);

function readConfigFile(path: string): ConfigFile {
  let doc: unknown;
  try {
    doc = load(readFileSync(path, 'utf8'), { maxAliases: 10 } as Parameters<typeof load>[1]);
  } catch (e) {
    throw new UserInputError(`${path}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc === undefined || doc === null) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new UserInputError(`${path}: expected a mapping of instanceId, region, dir, quotas`);
  const record = doc as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!CONFIG_KEYS.has(key)) throw new UserInputError(`${path}: unknown key "${key}" (allowed: ${[...CONFIG_KEYS].join(', ')})`);
  }
  for (const key of ['instanceId', 'region', 'dir', 'owner'] as const) {
    if (record[key] !== undefined && typeof record[key] !== 'string') throw new UserInputError(`${path}: ${key} must be a string`);
  }
  if (record.prune !== undefined && typeof record.prune !== 'boolean') throw new UserInputError(`${path}: prune must be true or false`);
  // The owner is the value of the ownership tag: Connect's tag values are 0..256 characters; blank would match nothing.
  if (typeof record.owner === 'string' && (record.owner.trim() === '' || record.owner.length > 256)) {
    throw new UserInputError(`${path}: owner must be 1..256 characters, not blank`);
  }
  const quotas: Record<string, RateQuota> = {};
  if (record.quotas !== undefined) {
    if (typeof record.quotas !== 'object' || record.quotas === null) throw new UserInputError(`${path}: quotas must map operation names to {ratePerSecond, burst}`);
    for (const [op, q] of Object.entries(record.quotas as Record<string, unknown>)) {
      const { ratePerSecond, burst } = (q ?? {}) as Record<string, unknown>;
      quotas[op] = checkQuota(op, ratePerSecond, burst ?? ratePerSecond, path);
    }
  }
  return {
    instanceId: record.instanceId as string | undefined,
    region: record.region as string | undefined,
    dir: record.dir as string | undefined,
    quotas,
    ...(record.prune === undefined ? {} : { prune: record.prune as boolean }),
    ...(record.owner === undefined ? {} : { owner: record.owner as string }),
  };
}

/** The operations connect-gitops sends: a quota for any other name would silently do nothing. */
const PACED_OPERATIONS: readonly string[] = [...READ_OPERATIONS, ...WRITE_OPERATIONS];

function checkQuota(op: string, rate: unknown, burst: unknown, where: string): RateQuota {
  if (!PACED_OPERATIONS.includes(op)) {
    throw new UserInputError(
      `${where}: "${op}" is not an operation connect-gitops calls${didYouMean(op, PACED_OPERATIONS)}`,
      [],
      `Quotas can be set for: ${PACED_OPERATIONS.join(', ')}.`,
    );
  }
  if (typeof rate !== 'number' || !(rate > 0) || typeof burst !== 'number' || !(burst >= 1)) {
    throw new UserInputError(`${where}: quota for ${op} needs ratePerSecond > 0 and burst >= 1`);
  }
  return { ratePerSecond: rate, burst: Math.floor(burst) };
}

/** `--quota DescribeRoutingProfile=10:20` → rate 10/s, burst 20 (burst defaults to the rate). */
export function parseQuotaFlag(flag: string): [string, RateQuota] {
  const match = /^([A-Za-z]+)=([0-9.]+)(?::([0-9]+))?$/.exec(flag);
  const op = match?.[1];
  if (!match || op === undefined) throw new UserInputError(`--quota "${flag}" must look like Operation=RATE[:BURST], e.g. DescribeRoutingProfile=10:20`);
  const rate = Number(match[2]);
  const burst = match[3] === undefined ? Math.max(1, Math.floor(rate)) : Number(match[3]);
  return [op, checkQuota(op, rate, burst, '--quota')];
}

/** The config file: in the working directory, else next to the profiles folder named by --dir. */
function findConfigFile(cwd: string, dirFlag?: string): string | undefined {
  const candidates = [join(cwd, CONFIG_FILE_NAME)];
  if (dirFlag) candidates.push(join(dirname(resolve(cwd, dirFlag)), CONFIG_FILE_NAME));
  return candidates.find((c) => existsSync(c));
}

export function resolveTarget(flags: TargetFlagsInput, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Target {
  const configFile = findConfigFile(cwd, flags.dir);
  const config = configFile ? readConfigFile(configFile) : {};
  const configDir = config.dir && configFile ? join(dirname(configFile), config.dir) : undefined;
  const quotas = { ...(config.quotas ?? {}) };
  for (const flag of flags.quota ?? []) {
    const [op, q] = parseQuotaFlag(flag);
    quotas[op] = q;
  }
  if (flags.endpointUrl !== undefined) checkEndpointUrl(flags.endpointUrl);
  const instanceId = flags.instanceId ?? nonEmpty(env.CONNECT_INSTANCE_ID) ?? config.instanceId;
  const settled = regionFor(instanceId, flags.region, nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION), config.region, configFile);
  return {
    dir: flags.dir ?? configDir ?? DEFAULT_DIR,
    instanceId,
    region: settled.region,
    ...(settled.warning === undefined ? {} : { regionWarning: settled.warning }),
    endpointUrl: flags.endpointUrl,
    quotas,
    ...(config.prune === undefined ? {} : { prune: config.prune }),
    ...(config.owner === undefined ? {} : { owner: config.owner }),
    configFile,
  };
}

/**
 * An instance lives in exactly one Region, and its ARN names it: the ARN wins over every other setting. A
 * conflicting --region or config value is a mistake in what the user wrote (an error, before any call); a
 * conflicting AWS_REGION is usually the shell's general default, so it is only a warning.
 */
function regionFor(
  instanceId: string | undefined,
  flag: string | undefined,
  shell: string | undefined,
  config: string | undefined,
  configFile: string | undefined,
): { region?: string; warning?: string } {
  const fromArn = instanceId === undefined ? undefined : regionFromInstanceArn(instanceId);
  if (fromArn === undefined) return { region: flag ?? shell ?? config };
  if (flag !== undefined && flag !== fromArn) {
    throw new UserInputError(`--region ${flag} contradicts the instance ARN, which is in ${fromArn}`, [], 'Drop --region (the ARN names the Region), or pass the ARN of the instance you mean.');
  }
  if (config !== undefined && config !== fromArn) {
    throw new UserInputError(`${configFile ?? CONFIG_FILE_NAME}: region ${config} contradicts the instance ARN, which is in ${fromArn}`, [], 'Remove region from the config file, or correct it.');
  }
  if (shell !== undefined && shell !== fromArn) {
    return { region: fromArn, warning: `AWS_REGION is ${shell} but the instance ARN is in ${fromArn}: using ${fromArn}` };
  }
  return { region: fromArn };
}

function checkEndpointUrl(value: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UserInputError(`--endpoint-url must be an http:// or https:// URL, not "${value}"`, [], 'For the local emulator: --endpoint-url http://127.0.0.1:PORT.');
  }
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}

/** The instance is the one thing a command against Connect cannot guess. */
export function requireInstance(target: Target): string {
  if (!target.instanceId) {
    throw new UserInputError(
      'no Amazon Connect instance given',
      [],
      `Pass --instance-id (an instance ID or ARN), set CONNECT_INSTANCE_ID, or put instanceId in ${CONFIG_FILE_NAME}.`,
    );
  }
  return target.instanceId;
}
