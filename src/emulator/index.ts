// A local Amazon Connect for routing profiles, queues and tags, speaking the REST-JSON protocol of
// @aws-sdk/client-connect over HTTP on 127.0.0.1. Nothing in src/ outside this folder imports it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { scaledClock } from './clock.js';
import { Faults } from './faults.js';
import { validateShape } from './model.js';
import { Quotas } from './quotas.js';
import { uuidGenerator } from './random.js';
import { applySeed, loadSeedDir } from './seed.js';
import { requestListener } from './server.js';
import { readStateFile, writeStateFile } from './state-file.js';
import { ACCOUNT_ID_PATTERN, DEFAULT_ACCOUNT_ID, DEFAULT_REGION, Store } from './store.js';
import type {
  StoredProfile,
  EmulatorOptions,
  EmulatorSeed,
  EmulatorStateSnapshot,
  FaultOptions,
  QuotaSetting,
  RequestLogEntry,
} from './types.js';

export type {
  EmulatorOptions,
  EmulatorSeed,
  EmulatorStateSnapshot,
  FaultOptions,
  QuotaSetting,
  RequestLogEntry,
  SeedProfile,
  SeedQueue,
  SeedWorkloadType,
  StoredMediaConcurrency,
  StoredProfile,
  StoredQueue,
  StoredQueueConfig,
  StoredManualAssignmentQueue,
  StoredWorkloadType,
} from './types.js';

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  instanceId: string;
  instanceArn: string;
  region: string;
  /** The account in every ARN (emulator.yaml / seed `accountId`, else 123456789012). */
  accountId: string;
  /** Where the state came from: a state file that already existed (the seed, if any, was not used) or the seed. */
  startedFrom: 'state-file' | 'seed';
  /**
   * Sets NumberOfAssociatedUsers of the profile of that name, as assigning agents in the console would (no
   * operation in scope does it). Throws when no profile has that name.
   */
  setAssociatedUsers(profileName: string, users: number): void;
  /**
   * Makes the profile of that name the instance's default (IsDefault), taking the flag from any other; undefined
   * leaves the instance without one. Throws when no profile has that name.
   */
  setDefaultProfile(profileName: string | undefined): void;
  /** Every request in arrival order, including throttled, faulted and refused ones. */
  requestLog: RequestLogEntry[];
  clearRequestLog(): void;
  /** Replaces the fault settings; the fault draws restart from f.randomSeed (0 when absent). */
  setFaults(f: FaultOptions): void;
  setQuotas(q: EmulatorOptions['quotas']): void;
  /** A plain JSON copy of queues and profiles (tags and queue configs included). */
  snapshot(): EmulatorStateSnapshot;
  close(): Promise<void>;
}

function initialStore(
  opts: EmulatorOptions,
  newUuid: () => string,
  now: () => number,
): { store: Store; startedFrom: RunningEmulator['startedFrom'] } {
  const saved = opts.statePath ? readStateFile(opts.statePath) : undefined;
  if (saved) return { store: Store.restore(saved, newUuid), startedFrom: 'state-file' };
  if (opts.seed && opts.seedDir) throw new Error('give either seed or seedDir, not both');
  const loaded = opts.seedDir ? loadSeedDir(opts.seedDir) : undefined;
  const seed: EmulatorSeed = opts.seed ?? loaded?.seed ?? { queues: [], profiles: [] };
  const region = seed.region ?? DEFAULT_REGION;
  const regionProblems = validateShape('RegionName', region);
  if (regionProblems.length > 0) throw new Error(`seed region: ${regionProblems.join('; ')}`);
  const accountId = seed.accountId ?? DEFAULT_ACCOUNT_ID;
  if (!ACCOUNT_ID_PATTERN.test(accountId)) {
    throw new Error(`seed accountId: an AWS account ID is 12 digits, got ${JSON.stringify(accountId)}`);
  }
  const store = new Store(seed.instanceId ?? newUuid(), region, newUuid, accountId);
  applySeed({ store, now, searchLagMs: 0 }, seed, loaded?.sources);
  return { store, startedFrom: 'seed' };
}

function profileNamed(store: Store, name: string): StoredProfile {
  const p = store.profileByName(name);
  if (!p) throw new Error(`no routing profile is named '${name}' in instance ${store.instanceId}`);
  return p;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = scaledClock(opts.timeScale ?? 1);
  const faults = new Faults(opts.faults);
  const quotas = new Quotas(opts.quotas ?? 'off', clock);
  const { store, startedFrom } = initialStore(opts, uuidGenerator(opts.faults?.randomSeed), () => clock.now());
  if (opts.profileQuota !== undefined) store.profileQuota = opts.profileQuota;
  const persist = (): void => {
    if (opts.statePath) writeStateFile(opts.statePath, store.snapshot());
  };
  persist();
  const log: RequestLogEntry[] = [];
  const server = createServer(requestListener({ store, clock, quotas, faults, log, persist }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    instanceId: store.instanceId,
    instanceArn: store.instanceArn,
    region: store.region,
    accountId: store.accountId,
    startedFrom,
    setAssociatedUsers: (profileName, users) => {
      if (!Number.isSafeInteger(users) || users < 0) throw new Error(`users must be a whole number of 0 or more, got ${users}`);
      profileNamed(store, profileName).associatedUsers = users;
      persist();
    },
    setDefaultProfile: (profileName) => {
      const chosen = profileName === undefined ? undefined : profileNamed(store, profileName);
      for (const p of store.profiles.values()) p.isDefault = p === chosen;
      persist();
    },
    requestLog: log,
    // Emptied in place, so a reference taken earlier stays the live log.
    clearRequestLog: () => void log.splice(0),
    setFaults: (f) => faults.set(f),
    setQuotas: (q: QuotaSetting | undefined) => quotas.set(q ?? 'off'),
    snapshot: () => store.snapshot(),
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // SDK clients keep connections alive; without this, close() would wait for them to time out.
        server.closeAllConnections();
      })),
  };
}

/**
 * The body of `connect-gitops emulator`: start, print one line with the endpoint and instance ID on stdout,
 * serve until SIGINT or SIGTERM, then close cleanly.
 */
export async function runEmulatorCommand(opts: {
  port: number;
  seedDir?: string;
  statePath?: string;
  quotas?: 'off' | 'connect-defaults';
}): Promise<void> {
  const emu = await startEmulator(opts);
  if (opts.seedDir !== undefined && opts.statePath !== undefined && emu.startedFrom === 'state-file') {
    // The state file is what makes a restart keep its changes, so it wins; saying so keeps that from surprising.
    process.stderr.write(
      `emulator: ${opts.statePath} already holds a saved state, so it is used and the seed ${opts.seedDir} is not; ` +
        `delete ${opts.statePath} to start again from the seed.\n`,
    );
  }
  process.stdout.write(`Amazon Connect emulator listening on ${emu.endpoint} instance ${emu.instanceId}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await emu.close();
}
