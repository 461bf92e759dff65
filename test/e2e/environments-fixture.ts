// Two instances, dev and prod, in two AWS accounts, served by two emulators; one repository of profile files
// for both (connect-gitops.yaml `environments:`, an overlay folder for prod, profiles limited to one environment).
// Shared by the environments end-to-end tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dump } from 'js-yaml';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { cliEnv, emulatorWith, releasedAfterEach, runCli, type CliResult } from './harness.js';
import { SEED_QUEUES, support, toYaml, type ProfileDoc } from './fixtures.js';

export const REGION = 'eu-west-2';
export const DEV_ACCOUNT = '111111111111';
export const PROD_ACCOUNT = '222222222222';
export const DEV_INSTANCE = 'de7de7de-0000-4000-8000-000000000001';
export const PROD_INSTANCE = 'b40db40d-0000-4000-8000-000000000002';

/** prod's queues carry other IDs than dev's: files name queues, so one set of files must serve both. */
export const PROD_QUEUES = SEED_QUEUES.map((q) => ({ name: q.name, queueId: q.queueId.replace(/^q-/, 'prod-q-') }));

export function sales(overrides: Partial<ProfileDoc> = {}): ProfileDoc {
  return {
    name: 'Sales Agents',
    description: 'Sales',
    defaultOutboundQueue: 'Sales',
    mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY' }],
    queues: [{ queue: 'Sales', channel: 'VOICE', priority: 1, delay: 0 }],
    tags: { team: 'sales' },
    ...overrides,
  };
}

/** Base files: two profiles for every environment, one only in dev, one only in prod. */
export const BASE_FILES: Record<string, string> = {
  'support.yaml': toYaml(support()),
  'sales.yaml': toYaml(sales()),
  'sandbox.yaml': toYaml(support({ name: 'Sandbox', description: 'Try-outs', environments: ['dev'] })),
  'night-shift.yaml': toYaml(support({ name: 'Night Shift', description: 'Follow the moon', environments: ['prod'] })),
};

/** prod's overlay: a replaced description and media list, and one tag merged over the base tags. */
export const PROD_OVERLAY = [
  'name: Sales Agents',
  'description: Sales (production)',
  'mediaConcurrencies:',
  '  - {channel: VOICE, concurrency: 1, crossChannelBehavior: ROUTE_ANY_CHANNEL}',
  '  - {channel: CHAT, concurrency: 2, crossChannelBehavior: ROUTE_ANY_CHANNEL}',
  'tags: {cost-centre: prod}',
  '',
].join('\n');

export const DEV_PROFILES = ['Sales Agents', 'Sandbox', 'Tier1 Support'];
export const PROD_PROFILES = ['Night Shift', 'Sales Agents', 'Tier1 Support'];

export interface EnvironmentSettings {
  instanceId: string;
  endpointUrl?: string;
  region?: string;
  overlay?: string;
}

export interface TwoEnvironments {
  dev: RunningEmulator;
  prod: RunningEmulator;
  /** The repository: connect-gitops.yaml, profiles/, overlays/prod/; every command runs here. */
  root: string;
  dir: string;
  /** A shell with credentials and a Region but no instance nor endpoint: the config file names them. */
  env: Record<string, string>;
  /** What `environments:` says for each, as written. */
  settings: Record<'dev' | 'prod', EnvironmentSettings>;
  write(relativePath: string, content: string): void;
  /** Rewrites connect-gitops.yaml: the two environments, plus `extra` top-level keys, or other environments. */
  writeConfig(opts?: { extra?: Record<string, unknown>; environments?: Record<string, EnvironmentSettings> }): void;
  run(args: string[], opts?: { env?: Record<string, string> }): Promise<CliResult>;
  close(): Promise<void>;
}

export async function twoEnvironments(opts: { overlayDir?: string } = {}): Promise<TwoEnvironments> {
  const dev = await emulatorWith({ queues: SEED_QUEUES, accountId: DEV_ACCOUNT, region: REGION, instanceId: DEV_INSTANCE });
  const prod = await emulatorWith({ queues: PROD_QUEUES, accountId: PROD_ACCOUNT, region: REGION, instanceId: PROD_INSTANCE });
  const root = mkdtempSync(join(tmpdir(), 'cg-e2e-env-'));
  const overlayDir = opts.overlayDir ?? 'overlays/prod';
  const write = (relativePath: string, content: string): void => {
    mkdirSync(dirname(join(root, relativePath)), { recursive: true });
    writeFileSync(join(root, relativePath), content);
  };
  for (const [name, content] of Object.entries(BASE_FILES)) write(join('profiles', name), content);
  write(join(overlayDir, 'sales.yaml'), PROD_OVERLAY);

  // Instance ARNs: the account (and the Region) travel with the instance, as in a real config.
  const settings: TwoEnvironments['settings'] = {
    dev: { instanceId: dev.instanceArn, endpointUrl: dev.endpoint },
    prod: { instanceId: prod.instanceArn, endpointUrl: prod.endpoint, overlay: overlayDir },
  };
  const writeConfig: TwoEnvironments['writeConfig'] = ({ extra = {}, environments = settings } = {}) =>
    write('connect-gitops.yaml', dump({ dir: 'profiles', ...extra, environments }, { lineWidth: 200 }));
  writeConfig();

  const { CONNECT_INSTANCE_ID: _instance, AWS_ENDPOINT_URL_CONNECT: _endpoint, ...shell } = cliEnv(dev);
  const env = { ...shell, AWS_REGION: REGION };
  return {
    dev,
    prod,
    root,
    dir: join(root, 'profiles'),
    env,
    settings,
    write,
    writeConfig,
    run: (args, o = {}) => runCli(args, { env: o.env ?? env, cwd: root }),
    close: async () => {
      await Promise.all([dev.close(), prod.close()]);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The profiles an instance holds, by name, as the emulator stores them. */
export function liveNames(emu: RunningEmulator): string[] {
  return emu
    .snapshot()
    .profiles.map((p) => p.name)
    .sort();
}

export function liveProfile(emu: RunningEmulator, name: string) {
  const p = emu.snapshot().profiles.find((x) => x.name === name);
  if (!p) throw new Error(`no profile ${name} in ${emu.instanceId}`);
  return p;
}

export interface PlanJson {
  formatVersion: 1;
  instanceId: string;
  environment?: string;
  changes: { action: string; name: string; diffs: { field: string; before: unknown; after: unknown }[]; calls: { operation: string }[] }[];
  summary: { create: number; update: number; noOp: number };
}

export interface EnvironmentsJson {
  formatVersion: 1;
  environments: ((PlanJson & { environment: string }) | { environment: string; error: { kind: string; message: string; hint: string } })[];
}

/** Names of the changes with that action, sorted. */
export function changed(plan: PlanJson, action: 'create' | 'update' | 'delete' | 'no-op'): string[] {
  return plan.changes
    .filter((c) => c.action === action)
    .map((c) => c.name)
    .sort();
}

/** twoEnvironments, closed after each test whether it passed or not (harness.ts releasedAfterEach). */
export function twoEnvironmentsPerTest(): (opts?: { overlayDir?: string }) => Promise<TwoEnvironments> {
  const { defer } = releasedAfterEach();
  return async (opts) => {
    const made = await twoEnvironments(opts);
    defer(() => made.close());
    return made;
  };
}
