// Benchmark inputs: N routing profiles with a fixed number of queue configs each, as profile files (desired) and
// as an emulator seed (live). Deterministic, so every run and every size measures the same shapes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import type { EmulatorSeed, SeedProfile } from '../src/emulator/index.js';

export type ScenarioKind = 'no-change' | 'drift' | 'create';
export const SCENARIO_KINDS: readonly ScenarioKind[] = ['no-change', 'drift', 'create'];

/** Queues in the instance. Twenty-five keeps every profile's queues distinct while staying one ListQueues page. */
export const QUEUE_POOL_SIZE = 25;
/** One profile in this many drifts in the drift scenario. */
export const DRIFT_EVERY = 10;

export interface Scenario {
  kind: ScenarioKind;
  size: number;
  queuesPerProfile: number;
  /** The profile files' documents, in file order. */
  desired: SeedProfile[];
  /** What the emulator starts with. */
  seed: EmulatorSeed;
  /** Profiles whose live state differs from the files (drift) or that do not exist (create). */
  expectedChanges: number;
}

export function queueName(i: number): string {
  return `BenchQueue ${String(i + 1).padStart(2, '0')}`;
}

export function profileName(i: number): string {
  return `Bench Profile ${String(i + 1).padStart(3, '0')}`;
}

/**
 * Profile i: VOICE and CHAT, and `queueConfigs` queue-channel pairs alternating VOICE/CHAT over consecutive queues
 * of the pool, so pairs are unique per profile (Connect refuses a repeated queue+channel).
 */
export function profileDocument(i: number, queueConfigs: number): SeedProfile {
  if (queueConfigs > 2 * QUEUE_POOL_SIZE) throw new RangeError(`at most ${2 * QUEUE_POOL_SIZE} queue configs per profile`);
  return {
    name: profileName(i),
    description: `Benchmark routing profile ${i + 1}`,
    defaultOutboundQueue: queueName(i % QUEUE_POOL_SIZE),
    agentAvailabilityTimer: 'TIME_SINCE_LAST_ACTIVITY',
    mediaConcurrencies: [
      { channel: 'VOICE', concurrency: 1 },
      { channel: 'CHAT', concurrency: 2 },
    ],
    queues: Array.from({ length: queueConfigs }, (_, k) => ({
      queue: queueName((i + Math.floor(k / 2)) % QUEUE_POOL_SIZE),
      channel: k % 2 === 0 ? ('VOICE' as const) : ('CHAT' as const),
      priority: k + 1,
      delay: k * 10,
    })),
    tags: { team: 'bench', index: String(i + 1) },
  };
}

/**
 * The live copy of a drifted profile: one of five kinds of drift, in turn, each a different call to repair
 * (UpdateRoutingProfileName, UpdateRoutingProfileConcurrency twice over, UpdateRoutingProfileQueues, TagResource).
 * CrossChannelBehavior drift is among them because only DescribeRoutingProfile can see it.
 */
export function drifted(doc: SeedProfile, variant: number): SeedProfile {
  const copy: SeedProfile = structuredClone(doc);
  switch (variant % 5) {
    case 0:
      copy.description = `${doc.description} (edited in the console)`;
      break;
    case 1:
      copy.mediaConcurrencies = copy.mediaConcurrencies.map((m) => (m.channel === 'CHAT' ? { ...m, concurrency: 5 } : m));
      break;
    case 2:
      copy.mediaConcurrencies = copy.mediaConcurrencies.map((m) => (m.channel === 'VOICE' ? { ...m, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' } : m));
      break;
    case 3:
      copy.queues = (copy.queues ?? []).map((q, k) => (k === 0 ? { ...q, priority: q.priority + 50 } : q));
      break;
    default:
      copy.tags = { ...copy.tags, team: 'someone-else' };
  }
  return copy;
}

export function buildScenario(kind: ScenarioKind, size: number, queuesPerProfile = 5): Scenario {
  if (!Number.isInteger(size) || size < 1 || size > 500) throw new RangeError(`size must be 1..500 (Connect's profiles per instance), got ${size}`);
  const desired = Array.from({ length: size }, (_, i) => profileDocument(i, queuesPerProfile));
  const queues = Array.from({ length: QUEUE_POOL_SIZE }, (_, i) => ({ name: queueName(i) }));
  let live: SeedProfile[];
  let expectedChanges: number;
  switch (kind) {
    case 'no-change':
      live = desired;
      expectedChanges = 0;
      break;
    case 'drift':
      live = desired.map((doc, i) => (i % DRIFT_EVERY === 0 ? drifted(doc, i / DRIFT_EVERY) : doc));
      expectedChanges = Math.ceil(size / DRIFT_EVERY);
      break;
    case 'create':
      live = [];
      expectedChanges = size;
      break;
  }
  return { kind, size, queuesPerProfile, desired, seed: { queues, profiles: live }, expectedChanges };
}

/** Writes one profile file per document (the usual layout of profiles/), replacing whatever `dir` held. */
export function writeProfileFiles(dir: string, docs: readonly SeedProfile[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  docs.forEach((doc, i) => {
    writeFileSync(join(dir, `profile-${String(i + 1).padStart(3, '0')}.yaml`), dump(doc));
  });
}
