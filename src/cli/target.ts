// Which instance, Region, endpoint, folder and pacing a command works on (design.md, "Command line").
// Without environments: flags first, then the shell (CONNECT_INSTANCE_ID, AWS_REGION, AWS_ENDPOINT_URL_CONNECT),
// then connect-gitops.yaml, so CI can override a checked-in default. With environments: the chosen environment
// says where, and its instanceId and endpoint win over the shell's (a shell left pointing at an emulator must
// not send a production plan there).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InternalError, UserInputError } from '../errors.js';
import { regionFromInstanceArn } from '../connect/instance-id.js';
import type { RateQuota } from '../connect/quotas.js';
import { SETTINGS_FILE_NAME } from '../desired/files.js';
import { ALL_ENVIRONMENTS, DEFAULT_PROFILES_DIR, isHttpUrl, readConfigFile, type ConfigFile, type EnvironmentConfig } from './config-file.js';
import { instanceFlagsGiven } from './args.js';
import { chooseEnvironments } from './environments.js';
import type { EnvironmentSource } from '../desired/environments.js';
import { parseQuotaFlag } from './quota-settings.js';
import { requestTimeoutFrom } from './request-timeout.js';

export const CONFIG_FILE_NAME = SETTINGS_FILE_NAME;

export interface TargetFlagsInput {
  dir?: string;
  instanceId?: string;
  region?: string;
  endpointUrl?: string;
  quota?: string[];
  /** --env NAME (repeatable; `all` for every environment). */
  env?: string[];
}

export interface Target {
  /** The environment of connect-gitops.yaml, when the file defines environments. */
  environment?: string;
  dir: string;
  /** Instance ID or instance ARN, as given; undefined when nothing names one. */
  instanceId?: string;
  region?: string;
  endpointUrl?: string;
  /**
   * True when the SDK must not pick an endpoint from AWS_ENDPOINT_URL_CONNECT, AWS_ENDPOINT_URL or the shared
   * config by itself: an environment's endpoint (or Connect's own, when it names none) wins over the shell's.
   */
  ignoreShellEndpoint: boolean;
  /** The SDK shared-config profile for credentials: set only when the shell holds no credentials of its own. */
  awsProfile?: string;
  quotas: Record<string, RateQuota>;
  /** The environment's overlay folder (absolute). */
  overlayDir?: string;
  /** Every environment of connect-gitops.yaml, when it defines them: loading checks each one's profiles. */
  environments?: readonly EnvironmentSource[];
  /** Said on stderr before any call: settings of the shell that were overruled. */
  warnings: string[];
  /** Said at debug level: which credentials apply. */
  notes: string[];
  /** The config file that contributed, for messages. */
  configFile?: string;
  /** `prune` / `owner` of connect-gitops.yaml (the environment's own value wins); --prune wins over both. */
  prune?: boolean;
  owner?: string;
  /** connect-gitops.yaml `profileQuota` (the environment's own value wins): the instance's raised quota. */
  profileQuota?: number;
  /** CONNECT_GITOPS_REQUEST_TIMEOUT_MS: how long one request may go unanswered; else the client's default. */
  requestTimeoutMs?: number;
}

/** The config file: in the working directory, else next to the profiles folder named by --dir. */
function findConfigFile(cwd: string, dirFlag?: string): string | undefined {
  const candidates = [join(cwd, CONFIG_FILE_NAME)];
  if (dirFlag) candidates.push(join(dirname(resolve(cwd, dirFlag)), CONFIG_FILE_NAME));
  return candidates.find((c) => existsSync(c));
}

export interface ProjectSettings {
  config?: ConfigFile;
  /** The profiles folder: --dir, else `dir` of the config file, else profiles. */
  dir: string;
}

/** The config file (checked) and the profiles folder, without choosing a target: what validate needs. */
export function readProjectSettings(dirFlag: string | undefined, cwd: string): ProjectSettings {
  const file = findConfigFile(cwd, dirFlag);
  const config = file === undefined ? undefined : readConfigFile(file, { cwd });
  return { ...(config === undefined ? {} : { config }), dir: dirFlag ?? config?.dir ?? DEFAULT_PROFILES_DIR };
}

/** Every target the command works on: one without environments, else one per chosen environment. */
export function resolveTargets(flags: TargetFlagsInput, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Target[] {
  const settings = readProjectSettings(flags.dir, cwd);
  if (flags.endpointUrl !== undefined && !isHttpUrl(flags.endpointUrl)) {
    throw new UserInputError(`--endpoint-url must be an http:// or https:// URL, not "${flags.endpointUrl}"`, [], 'For the local emulator: --endpoint-url http://127.0.0.1:PORT.');
  }
  const flagQuotas = Object.fromEntries((flags.quota ?? []).map(parseQuotaFlag));
  const ms = requestTimeoutFrom(env);
  const timeout = ms === undefined ? {} : { requestTimeoutMs: ms };
  const config = settings.config;
  const chosen = chooseEnvironments(config, flags.env ?? []);
  if (config === undefined || chosen.length === 0) return [{ ...singleTarget(flags, env, settings, flagQuotas), ...timeout }];
  refuseTargetFlags(flags, config);
  return chosen.map((environment) => ({ ...environmentTarget(environment, env, { dir: settings.dir, config }, flagQuotas), ...timeout }));
}

/** apply and export work on exactly one target: args.ts refuses `--env all` and several names for them. */
export function resolveTarget(flags: TargetFlagsInput, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Target {
  const targets = resolveTargets(flags, env, cwd);
  const [only] = targets;
  if (only === undefined || targets.length > 1) throw new InternalError(`one target expected, ${targets.length} resolved`);
  return only;
}

/**
 * Whether the run was asked for several environments (`--env all`, or two names or more), however many the
 * file defines: the output's shape follows what was asked, so `jq '.environments[]'` in a pipeline does not
 * break the day a repository has a single environment.
 */
export function asksForSeveralEnvironments(flags: TargetFlagsInput): boolean {
  const requested = flags.env ?? [];
  return requested.includes(ALL_ENVIRONMENTS) || new Set(requested).size > 1;
}

/** Flags name an instance; environments name instances: a run says where by one or the other. */
function refuseTargetFlags(flags: TargetFlagsInput, config: ConfigFile | undefined): void {
  const given = instanceFlagsGiven(flags);
  if (given.length === 0) return;
  throw new UserInputError(
    `${given.join(', ')} cannot be used when ${config?.shownAs ?? CONFIG_FILE_NAME} defines environments`,
    [],
    'Choose the instance with --env NAME; its instanceId, region and endpointUrl are set in connect-gitops.yaml.',
  );
}

/** Today's behaviour, for a config without environments: flags, then the shell, then the file. */
function singleTarget(flags: TargetFlagsInput, env: NodeJS.ProcessEnv, settings: ProjectSettings, flagQuotas: Record<string, RateQuota>): Target {
  const config = settings.config;
  const instanceId = flags.instanceId ?? nonEmpty(env.CONNECT_INSTANCE_ID) ?? config?.instanceId;
  const settled = regionFor(instanceId, flags.region, shellRegion(env), config?.region, config?.shownAs);
  return {
    dir: settings.dir,
    instanceId,
    region: settled.region,
    endpointUrl: flags.endpointUrl,
    ignoreShellEndpoint: false,
    quotas: { ...config?.quotas, ...flagQuotas },
    warnings: settled.warning === undefined ? [] : [settled.warning],
    notes: [],
    ...(config?.prune === undefined ? {} : { prune: config.prune }),
    ...(config?.owner === undefined ? {} : { owner: config.owner }),
    ...(config?.profileQuota === undefined ? {} : { profileQuota: config.profileQuota }),
    ...(config === undefined ? {} : { configFile: config.file }),
  };
}

function environmentTarget(
  environment: EnvironmentConfig,
  env: NodeJS.ProcessEnv,
  settings: { dir: string; config: ConfigFile },
  flagQuotas: Record<string, RateQuota>,
): Target {
  const config = settings.config;
  const name = environment.name;
  const warnings: string[] = [];
  const shellInstance = nonEmpty(env.CONNECT_INSTANCE_ID);
  if (shellInstance !== undefined && shellInstance !== environment.instanceId) {
    warnings.push(`CONNECT_INSTANCE_ID is set in the shell, but environment ${name} names its own instance: using ${environment.instanceId}`);
  }
  for (const variable of ['AWS_ENDPOINT_URL_CONNECT', 'AWS_ENDPOINT_URL'] as const) {
    const value = nonEmpty(env[variable]);
    if (value !== undefined && value !== environment.endpointUrl) {
      const used = environment.endpointUrl ?? "Connect's own endpoint for the Region";
      warnings.push(`${variable} is set in the shell, but environment ${name} decides its endpoint: ignored ${variable}, using ${used}`);
    }
  }
  // The ARN's Region wins (config-file.ts refuses a contradicting region); then the environment's own.
  const fromArn = regionFromInstanceArn(environment.instanceId);
  const region = fromArn ?? environment.region ?? shellRegion(env);
  const credentials = shellCredentials(env);
  const notes: string[] = [];
  if (environment.awsProfile !== undefined) {
    notes.push(
      credentials === undefined
        ? `environment ${name}: credentials from AWS profile ${environment.awsProfile} (the shell holds none)`
        : `environment ${name}: credentials from the shell (${credentials}); awsProfile ${environment.awsProfile} is not used`,
    );
  }
  const prune = environment.prune ?? config.prune;
  const owner = environment.owner ?? config.owner;
  const profileQuota = environment.profileQuota ?? config.profileQuota;
  return {
    environment: name,
    dir: settings.dir,
    instanceId: environment.instanceId,
    ...(region === undefined ? {} : { region }),
    ...(environment.endpointUrl === undefined ? {} : { endpointUrl: environment.endpointUrl }),
    ignoreShellEndpoint: true,
    ...(environment.awsProfile !== undefined && credentials === undefined ? { awsProfile: environment.awsProfile } : {}),
    quotas: { ...config.quotas, ...environment.quotas, ...flagQuotas },
    ...(environment.overlayDir === undefined ? {} : { overlayDir: environment.overlayDir }),
    environments: config.environments.map((e) => ({ name: e.name, ...(e.overlayDir === undefined ? {} : { overlayDir: e.overlayDir }) })),
    warnings,
    notes,
    configFile: config.file,
    ...(prune === undefined ? {} : { prune }),
    ...(owner === undefined ? {} : { owner }),
    ...(profileQuota === undefined ? {} : { profileQuota }),
  };
}

/**
 * Credentials the shell holds itself (keys, a web identity token, a container role): they win over an
 * environment's awsProfile, so one config serves laptops (profiles) and CI jobs (OIDC) alike. The variable
 * that says so, or undefined.
 */
function shellCredentials(env: NodeJS.ProcessEnv): string | undefined {
  // AWS_PROFILE too: a profile chosen in the shell is the user's choice for this run, as keys would be.
  const variables = ['AWS_ACCESS_KEY_ID', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_PROFILE'];
  return variables.find((v) => nonEmpty(env[v]) !== undefined);
}

function shellRegion(env: NodeJS.ProcessEnv): string | undefined {
  return nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
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
