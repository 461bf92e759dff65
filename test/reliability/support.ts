// Shared by the reliability tests: a fast clock, a seeded generator of live/desired profile sets that differ in
// every way the planner knows, an independent field-by-field comparison of the emulator's state with the files,
// and fault counts read from the emulator's request log (the wire truth, not the client's own statistics).
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { expect, vi } from 'vitest';
import type { Clock } from '../../src/connect/clock.js';
import type { EmulatorStateSnapshot, RequestLogEntry, SeedProfile } from '../../src/emulator/index.js';
import type { ProfileDoc } from '../e2e/fixtures.js';
import { CLI, FAKE_CREDENTIALS, REPO_ROOT } from '../e2e/harness.js';
import { seededRandom } from '../../src/emulator/random.js';

/**
 * A clock running `scale` times faster than real time, for the client (pacing, backoff, consistency waits).
 * Paired with the emulator's timeScale at the same value, both sides agree on how long a second is, so Connect's
 * quotas and search lag keep their proportions while a run takes a fraction of the time.
 */
export function fastClock(scale: number): Clock {
  const start = performance.now();
  return {
    now: () => (performance.now() - start) * scale,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        const reason = (): Error => (signal?.reason instanceof Error ? signal.reason : Object.assign(new Error('aborted'), { name: 'AbortError' }));
        if (signal?.aborted) return reject(reason());
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, Math.max(0, ms / scale));
        const onAbort = (): void => {
          clearTimeout(timer);
          reject(reason());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
  };
}

/**
 * Profile documents as emulator seed: the same file format, but the fixtures type enum fields as plain strings
 * (they also build invalid documents), where the seed wants the enums.
 */
export function asSeed(...docs: ProfileDoc[]): SeedProfile[] {
  return docs as unknown as SeedProfile[];
}

/**
 * In-process SDK clients read credentials through the default chain: give them fake ones, and keep the
 * developer's own session token, profile and shared files (a region or endpoint_url there would redirect the
 * client) out (undo with vi.unstubAllEnvs()).
 */
export function stubFakeCredentials(): void {
  for (const [key, value] of Object.entries(FAKE_CREDENTIALS)) vi.stubEnv(key, value);
  vi.stubEnv('AWS_SESSION_TOKEN', '');
  vi.stubEnv('AWS_PROFILE', '');
  vi.stubEnv('AWS_CONFIG_FILE', '/dev/null');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/dev/null');
}

/** The built CLI as a child process the test can signal or outlive, with its output collected as it comes. */
export interface RunningCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The exit code once the process has closed. */
  exited: Promise<number | null>;
}

export function spawnCli(args: string[], env: Record<string, string>): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], { env, cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Resolves once `seen()` holds (polling every 10 ms), or after `timeoutMs`. */
export async function waitFor(seen: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!seen() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

/** Test data is drawn from the emulator's own seeded generator, so a seed repeats the same scenario. */
export const seeded = seededRandom;


export const BASIC_QUEUE = 'Basic';
/** 30 standard queues besides Basic: with two channels, 60 pairs to draw profiles' queue lists from. */
export const SOAK_QUEUES = [BASIC_QUEUE, ...Array.from({ length: 30 }, (_, i) => `Queue ${String(i + 1).padStart(2, '0')}`)];

/** Every kind of update the planner can emit; each update profile gets at least one, in turn. */
export const UPDATE_KINDS = ['description', 'outbound', 'timer', 'concurrency', 'cross-channel', 'queue-removed', 'queue-added', 'queue-priority', 'tags'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

export interface Scenario {
  /** The files: 30 profiles. */
  desired: ProfileDoc[];
  /** What is live before the first apply: the updated profiles as they were, and profiles the files do not manage. */
  live: SeedProfile[];
  creates: number;
  updates: number;
  /** Creates whose queue list needs AssociateRoutingProfileQueues batches after CreateRoutingProfile. */
  createsOver10Queues: number;
  unmanaged: string[];
  kinds: Record<UpdateKind, number>;
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const int = (r: Rand, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));

/** Typed with the channel enum, so the list fits both a file document and a live seed. */
function queuePairs(r: Rand, count: number): { queue: string; channel: 'VOICE' | 'CHAT'; priority: number; delay: number }[] {
  const all = SOAK_QUEUES.slice(1).flatMap((queue) => (['VOICE', 'CHAT'] as const).map((channel) => ({ queue, channel })));
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, count).map((p) => ({ ...p, priority: int(r, 1, 99), delay: int(r, 0, 9999) }));
}

function desiredProfile(r: Rand, name: string, queueCount: number): ProfileDoc {
  const doc: ProfileDoc = {
    name,
    description: `${name} agents, shift ${int(r, 1, 9)}`,
    defaultOutboundQueue: pick(r, SOAK_QUEUES),
    mediaConcurrencies: [
      { channel: 'VOICE', concurrency: 1, ...(r() < 0.5 ? { crossChannelBehavior: 'ROUTE_ANY_CHANNEL' } : {}) },
      { channel: 'CHAT', concurrency: int(r, 1, 10), ...(r() < 0.3 ? { crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY' } : {}) },
      ...(r() < 0.5 ? [{ channel: 'TASK' as const, concurrency: int(r, 1, 10) }] : []),
    ],
    queues: queuePairs(r, queueCount),
  };
  if (r() < 0.7) doc.agentAvailabilityTimer = pick(r, ['TIME_SINCE_LAST_ACTIVITY', 'TIME_SINCE_LAST_INBOUND']);
  if (r() < 0.8) doc.tags = Object.fromEntries(Array.from({ length: int(r, 0, 3) }, (_, i) => [`key${i}`, `v${int(r, 0, 99)}`]));
  return doc;
}

/** The live profile an update starts from: the file's profile with `kinds` undone. */
function liveBefore(r: Rand, doc: ProfileDoc, kinds: ReadonlySet<UpdateKind>): SeedProfile {
  // A kind is only a difference when the file manages the field it touches.
  if (kinds.has('timer')) doc.agentAvailabilityTimer ??= 'TIME_SINCE_LAST_INBOUND';
  if (kinds.has('tags')) doc.tags ??= { team: 'soak' };
  const live = structuredClone(doc) as unknown as SeedProfile;
  // An unmanaged optional field (timer, tags) still exists live; make it something so "left alone" is visible.
  if (kinds.has('description')) live.description = `${doc.description} (old)`;
  if (kinds.has('outbound')) live.defaultOutboundQueue = SOAK_QUEUES.find((q) => q !== doc.defaultOutboundQueue) ?? BASIC_QUEUE;
  if (kinds.has('timer') || doc.agentAvailabilityTimer === undefined) {
    live.agentAvailabilityTimer = doc.agentAvailabilityTimer === 'TIME_SINCE_LAST_INBOUND' ? 'TIME_SINCE_LAST_ACTIVITY' : 'TIME_SINCE_LAST_INBOUND';
  }
  if (kinds.has('concurrency')) {
    const chat = live.mediaConcurrencies.find((m) => m.channel === 'CHAT');
    if (chat) chat.concurrency = chat.concurrency === 10 ? 9 : chat.concurrency + 1;
    // A channel enabled live but not in the file must be disabled.
    if (!live.mediaConcurrencies.some((m) => m.channel === 'EMAIL')) live.mediaConcurrencies.push({ channel: 'EMAIL', concurrency: 2 });
  }
  if (kinds.has('cross-channel')) {
    const voice = live.mediaConcurrencies.find((m) => m.channel === 'VOICE');
    if (voice) voice.crossChannelBehavior = voice.crossChannelBehavior === 'ROUTE_ANY_CHANNEL' ? 'ROUTE_CURRENT_CHANNEL_ONLY' : 'ROUTE_ANY_CHANNEL';
  }
  const queues = live.queues ?? [];
  const wanted = new Set(queues.map((q) => `${q.queue}/${q.channel}`));
  if (kinds.has('queue-added')) {
    // The file adds pairs that are not live yet: drop some from the live copy.
    live.queues = queues.slice(int(r, 1, Math.max(1, Math.min(12, queues.length))));
  }
  if (kinds.has('queue-removed')) {
    // Live holds pairs the file does not list.
    const extra = queuePairs(r, 60).filter((q) => !wanted.has(`${q.queue}/${q.channel}`)).slice(0, int(r, 1, 12));
    live.queues = [...(live.queues ?? []), ...extra].slice(0, 50);
  }
  if (kinds.has('queue-priority')) {
    live.queues = (live.queues ?? []).map((q, i) => (i % 2 === 0 ? { ...q, priority: q.priority === 99 ? 98 : q.priority + 1, delay: q.delay === 0 ? 5 : 0 } : q));
  }
  if (kinds.has('tags') || doc.tags === undefined) {
    live.tags = { ...(doc.tags ?? {}), ...(doc.tags && Object.keys(doc.tags).length > 0 ? { [Object.keys(doc.tags)[0]]: 'stale' } : {}), obsolete: 'yes', 'aws:cloudformation:stack-name': 'kept' };
  } else {
    live.tags = { ...(doc.tags ?? {}), 'aws:cloudformation:stack-name': 'kept' };
  }
  return live;
}

/**
 * 30 desired profiles: 20 that exist live with differences (every update kind, in turn, plus random extras)
 * and 10 to create (half of them with more than 10 queue pairs). Live also holds 10 profiles the files do not
 * manage, which must be left exactly as they are.
 */
export function scenario(seed: number, total = 30, createCount = 10): Scenario {
  const r = seeded(seed * 7919 + 17);
  const desired: ProfileDoc[] = [];
  const live: SeedProfile[] = [];
  const kinds = Object.fromEntries(UPDATE_KINDS.map((k) => [k, 0])) as Record<UpdateKind, number>;
  let createsOver10Queues = 0;
  const updates = total - createCount;
  for (let i = 0; i < total; i++) {
    const name = `Soak ${String(i + 1).padStart(2, '0')}`;
    const isCreate = i >= updates;
    // Updates get at least two pairs so that every queue kind has something to change.
    const queueCount = isCreate ? (i % 2 === 0 ? int(r, 11, 30) : int(r, 0, 10)) : int(r, 2, 12);
    const doc = desiredProfile(r, name, queueCount);
    desired.push(doc);
    if (isCreate) {
      if (queueCount > 10) createsOver10Queues += 1;
      continue;
    }
    const chosen = new Set<UpdateKind>([UPDATE_KINDS[i % UPDATE_KINDS.length]]);
    for (const k of UPDATE_KINDS) if (r() < 0.25) chosen.add(k);
    for (const k of chosen) kinds[k] += 1;
    live.push(liveBefore(r, doc, chosen));
  }
  const unmanaged = Array.from({ length: 10 }, (_, i) => `Unmanaged ${i + 1}`);
  for (const name of unmanaged) live.push({ ...(desiredProfile(r, name, int(r, 0, 5)) as unknown as SeedProfile), tags: { owner: 'someone else' } });
  return { desired, live, creates: createCount, updates, createsOver10Queues, unmanaged, kinds };
}

/**
 * The emulator's state equals the files, field by field, read straight from its store (not through the tool's
 * own reader and planner, which could share a blind spot with the code under test).
 */
export function expectLiveEqualsFiles(state: EmulatorStateSnapshot, desired: readonly ProfileDoc[]): void {
  const queueId = new Map(state.queues.map((q) => [q.name, q.queueId]));
  for (const doc of desired) {
    const matches = state.profiles.filter((p) => p.name === doc.name);
    expect(matches, `exactly one live profile named ${doc.name}`).toHaveLength(1);
    const live = matches[0];
    const where = `profile ${doc.name}`;
    expect(live.description, `${where}: description`).toBe(doc.description);
    expect(live.defaultOutboundQueueId, `${where}: defaultOutboundQueue`).toBe(queueId.get(doc.defaultOutboundQueue));
    if (doc.agentAvailabilityTimer !== undefined) expect(live.agentAvailabilityTimer, `${where}: agentAvailabilityTimer`).toBe(doc.agentAvailabilityTimer);
    const media = (list: { channel: string; concurrency: number; crossChannelBehavior?: string }[]) =>
      list.map((m) => `${m.channel}:${m.concurrency}:${m.crossChannelBehavior ?? 'ROUTE_CURRENT_CHANNEL_ONLY'}`).sort();
    expect(media(live.mediaConcurrencies), `${where}: mediaConcurrencies`).toEqual(media(doc.mediaConcurrencies));
    if (doc.queues !== undefined) {
      const pairs = live.queueConfigs.map((q) => `${q.queueId}/${q.channel}/${q.priority}/${q.delay}`).sort();
      const want = doc.queues.map((q) => `${queueId.get(q.queue)}/${q.channel}/${q.priority}/${q.delay}`).sort();
      expect(pairs, `${where}: queues`).toEqual(want);
    }
    if (doc.tags !== undefined) {
      const own = Object.fromEntries(Object.entries(live.tags).filter(([k]) => !k.startsWith('aws:')));
      expect(own, `${where}: tags`).toEqual(doc.tags);
    }
  }
}

export function duplicateNames(state: EmulatorStateSnapshot): string[] {
  const seen = new Map<string, number>();
  for (const p of state.profiles) seen.set(p.name, (seen.get(p.name) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([name]) => name);
}

export interface FaultCounts {
  requests: number;
  writes: number;
  throttled: number;
  internalErrors: number;
  dropped: number;
}

export const isReadOperation = (op: string): boolean => /^(Search|Describe|List|Get)/.test(op);

export function countFaults(log: readonly RequestLogEntry[]): FaultCounts {
  return {
    requests: log.length,
    writes: log.filter((e) => !isReadOperation(e.operation)).length,
    throttled: log.filter((e) => e.status === 429).length,
    internalErrors: log.filter((e) => e.status === 500).length,
    dropped: log.filter((e) => e.errorType === 'ConnectionDropped').length,
  };
}
