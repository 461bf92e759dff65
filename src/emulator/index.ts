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
import { DEFAULT_REGION, Store } from './store.js';
import type {
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
  StoredMediaConcurrency,
  StoredProfile,
  StoredQueue,
  StoredQueueConfig,
} from './types.js';

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  instanceId: string;
  instanceArn: string;
  region: string;
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

function initialStore(opts: EmulatorOptions, newUuid: () => string, now: () => number): Store {
  const saved = opts.statePath ? readStateFile(opts.statePath) : undefined;
  if (saved) return Store.restore(saved, newUuid);
  if (opts.seed && opts.seedDir) throw new Error('give either seed or seedDir, not both');
  const loaded = opts.seedDir ? loadSeedDir(opts.seedDir) : undefined;
  const seed: EmulatorSeed = opts.seed ?? loaded?.seed ?? { queues: [], profiles: [] };
  const region = seed.region ?? DEFAULT_REGION;
  const regionProblems = validateShape('RegionName', region);
  if (regionProblems.length > 0) throw new Error(`seed region: ${regionProblems.join('; ')}`);
  const store = new Store(seed.instanceId ?? newUuid(), region, newUuid);
  applySeed({ store, now, searchLagMs: 0 }, seed, loaded?.sources);
  return store;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = scaledClock(opts.timeScale ?? 1);
  const faults = new Faults(opts.faults);
  const quotas = new Quotas(opts.quotas ?? 'off', clock);
  const store = initialStore(opts, uuidGenerator(opts.faults?.randomSeed), () => clock.now());
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
