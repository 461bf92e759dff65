// Starting state: DIR/emulator.yaml (instanceId, region, accountId, queues) and every other *.yaml / *.yml under DIR as
// routing-profile documents in the profiles/ format. Profiles are created through the same operations a
// client calls (CreateRoutingProfile, then AssociateRoutingProfileQueues by tens), so a seed can never hold
// a profile Connect would refuse. Only what no operation in scope can set is set directly: `aws:` tags (AWS
// sets them), the users assigned to a profile and the instance's default profile.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadAll } from 'js-yaml';
import { LIMITS, RESERVED_TAG_PREFIX } from '../vocabulary.js';
import { ConnectError } from './errors.js';
import { execute, type HandlerContext } from './handlers/index.js';
import type { EmulatorSeed, SeedProfile, SeedQueue, StoredProfile } from './types.js';

export const SEED_CONFIG_FILE = 'emulator.yaml';

export interface LoadedSeed {
  seed: EmulatorSeed;
  /** For each profile, the file it came from (for error messages). */
  sources: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

const CONFIG_KEYS = ['instanceId', 'region', 'accountId', 'queues'];

function parseConfig(file: string): Pick<EmulatorSeed, 'instanceId' | 'region' | 'accountId' | 'queues'> {
  if (!existsSync(file)) return { queues: [] };
  const [doc] = loadAll(readFileSync(file, 'utf8'));
  if (doc === undefined || doc === null) return { queues: [] };
  if (!isRecord(doc)) throw new Error(`${file}: expected a mapping with ${CONFIG_KEYS.join(', ')}.`);
  for (const key of Object.keys(doc)) {
    if (!CONFIG_KEYS.includes(key)) throw new Error(`${file}: unknown key '${key}'.`);
  }
  const { instanceId, region, accountId, queues = [] } = doc;
  for (const [key, value] of Object.entries({ instanceId, region, accountId })) {
    if (value !== undefined && typeof value !== 'string') throw new Error(`${file}: ${key} must be a string.`);
  }
  if (!Array.isArray(queues) || !queues.every((q) => isRecord(q) && typeof q.name === 'string')) {
    throw new Error(`${file}: queues must be a list of {name, queueId?}.`);
  }
  return {
    ...(instanceId !== undefined ? { instanceId: instanceId as string } : {}),
    ...(region !== undefined ? { region: region as string } : {}),
    ...(accountId !== undefined ? { accountId: accountId as string } : {}),
    queues: queues as SeedQueue[],
  };
}

/** Reads a seed directory. Profile documents are checked by the create path, not here. */
export function loadSeedDir(dir: string): LoadedSeed {
  const configFile = join(dir, SEED_CONFIG_FILE);
  const seed: EmulatorSeed = { ...parseConfig(configFile), profiles: [] };
  const sources: string[] = [];
  for (const file of yamlFiles(dir)) {
    if (file === configFile) continue;
    for (const doc of loadAll(readFileSync(file, 'utf8'))) {
      if (doc === null || doc === undefined) continue;
      if (!isRecord(doc)) throw new Error(`${relative(dir, file)}: a profile document must be a mapping.`);
      seed.profiles.push(doc as unknown as SeedProfile);
      sources.push(relative(dir, file));
    }
  }
  return { seed, sources };
}

/** Queue references resolve by ARN, then ID, then exact name, as in profile files (design.md). */
function resolveQueue(ctx: HandlerContext, ref: string): string | undefined {
  const queues = [...ctx.store.queues.values()];
  return (
    queues.find((q) => q.arn === ref)?.queueId ??
    queues.find((q) => q.queueId === ref)?.queueId ??
    queues.find((q) => q.name === ref)?.queueId
  );
}

export function seedQueues(ctx: HandlerContext, queues: readonly SeedQueue[]): void {
  const { store } = ctx;
  for (const q of queues) {
    if (store.queueByName(q.name)) throw new Error(`seed: two queues are named '${q.name}'.`);
    const queueId = q.queueId ?? store.newId();
    if (store.queues.has(queueId)) throw new Error(`seed: two queues have ID '${queueId}'.`);
    store.queues.set(queueId, {
      queueId,
      arn: store.queueArn(queueId),
      name: q.name,
      queueType: q.queueType ?? 'STANDARD',
      ...(q.description !== undefined ? { description: q.description } : {}),
      status: 'ENABLED',
      hoursOfOperationId: store.newId(),
      tags: { ...(q.tags ?? {}) },
      seq: store.nextSeq(),
      lastModifiedTime: Date.now(),
    });
  }
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Both spellings of a channel's workload types, as CreateRoutingProfile takes them. */
function wireWorkloadTypes(m: SeedProfile['mediaConcurrencies'][number]): Record<string, unknown> {
  if (m.workloadTypes !== undefined && m.workloadTypeConcurrencies !== undefined) {
    throw new Error(`channel ${m.channel}: give workloadTypes or workloadTypeConcurrencies, not both`);
  }
  const list =
    m.workloadTypes?.map((w) => ({ ...w, behavior: w.crossChannelWorkloadBehavior })) ??
    m.workloadTypeConcurrencies?.map((w) => ({ ...w, behavior: w.crossChannelWorkloadBehavior?.channelWorkloadBehaviorType }));
  if (list === undefined) return {};
  return {
    WorkloadTypeConcurrencies: list.map((w) => ({
      WorkloadType: w.workloadType,
      Concurrency: w.concurrency,
      ...(w.behavior !== undefined ? { CrossChannelWorkloadBehavior: { ChannelWorkloadBehaviorType: w.behavior } } : {}),
    })),
  };
}

/** The live-only fields no operation sets: checked here, since no create path checks them. */
function liveOnlyFields(p: SeedProfile): { associatedUsers: number; isDefault: boolean } {
  const { associatedUsers = 0, isDefault = false } = p;
  if (!Number.isSafeInteger(associatedUsers) || associatedUsers < 0) {
    throw new Error(`associatedUsers must be a whole number of 0 or more, got ${JSON.stringify(associatedUsers)}`);
  }
  if (typeof isDefault !== 'boolean') throw new Error(`isDefault must be true or false, got ${JSON.stringify(isDefault)}`);
  return { associatedUsers, isDefault };
}

function seedProfile(ctx: HandlerContext, p: SeedProfile): void {
  const { store } = ctx;
  const live = liveOnlyFields(p);
  const queueId = (ref: unknown): string => {
    const id = typeof ref === 'string' ? resolveQueue(ctx, ref) : undefined;
    if (!id) throw new Error(`queue reference ${JSON.stringify(ref)} matches no queue`);
    return id;
  };
  const configs = (p.queues ?? []).map((q) => ({
    QueueReference: { QueueId: queueId(q.queue), Channel: q.channel },
    Priority: q.priority,
    Delay: q.delay,
  }));
  const manual = (p.manualAssignmentQueues ?? []).map((q) => ({
    QueueReference: { QueueId: queueId(q.queue), Channel: q.channel },
  }));
  const tags = Object.entries(p.tags ?? {});
  const settable = Object.fromEntries(tags.filter(([k]) => !k.startsWith(RESERVED_TAG_PREFIX)));
  // As a client batches them (design.md): call i carries standard pairs [10i, 10i+9] and manual pairs likewise.
  const standardBatches = chunks(configs, LIMITS.queueConfigsPerCall);
  const manualBatches = chunks(manual, LIMITS.manualQueueConfigsPerCall);
  const created = execute(ctx, 'CreateRoutingProfile', {
    InstanceId: store.instanceId,
    Name: p.name,
    Description: p.description,
    DefaultOutboundQueueId: queueId(p.defaultOutboundQueue),
    MediaConcurrencies: (p.mediaConcurrencies ?? []).map((m) => ({
      Channel: m.channel,
      Concurrency: m.concurrency,
      ...(m.crossChannelBehavior ? { CrossChannelBehavior: { BehaviorType: m.crossChannelBehavior } } : {}),
      ...wireWorkloadTypes(m),
    })),
    ...(standardBatches[0] ? { QueueConfigs: standardBatches[0] } : {}),
    ...(manualBatches[0] ? { ManualAssignmentQueueConfigs: manualBatches[0] } : {}),
    ...(Object.keys(settable).length > 0 ? { Tags: settable } : {}),
    ...(p.agentAvailabilityTimer ? { AgentAvailabilityTimer: p.agentAvailabilityTimer } : {}),
  });
  const id = created!.RoutingProfileId as string;
  for (let i = 1; i < Math.max(standardBatches.length, manualBatches.length); i++) {
    execute(ctx, 'AssociateRoutingProfileQueues', {
      InstanceId: store.instanceId,
      RoutingProfileId: id,
      ...(standardBatches[i] ? { QueueConfigs: standardBatches[i] } : {}),
      ...(manualBatches[i] ? { ManualAssignmentQueueConfigs: manualBatches[i] } : {}),
    });
  }
  const profile = store.profiles.get(id)!;
  Object.assign(profile.tags, Object.fromEntries(tags));
  profile.associatedUsers = live.associatedUsers;
  profile.isDefault = live.isDefault;
  if (p.routingProfileId !== undefined && p.routingProfileId !== id) rekey(ctx, profile, p.routingProfileId);
}

function rekey(ctx: HandlerContext, profile: StoredProfile, newId: string): void {
  const { store } = ctx;
  if (store.profiles.has(newId) || store.queues.has(newId)) throw new Error(`ID '${newId}' is already taken`);
  store.profiles.delete(profile.routingProfileId);
  profile.routingProfileId = newId;
  profile.arn = store.profileArn(newId);
  store.profiles.set(newId, profile);
}

/** Applies a seed to an empty store; `ctx.searchLagMs` should be 0 (seeded state is already settled). */
export function applySeed(ctx: HandlerContext, seed: EmulatorSeed, sources: readonly string[] = []): void {
  const defaults = (seed.profiles ?? []).filter((p) => p.isDefault === true).map((p) => `'${String(p.name)}'`);
  if (defaults.length > 1) {
    throw new Error(`seed: an instance has one default routing profile, but ${defaults.join(' and ')} say isDefault: true.`);
  }
  seedQueues(ctx, seed.queues ?? []);
  (seed.profiles ?? []).forEach((p, i) => {
    try {
      seedProfile(ctx, p);
    } catch (e) {
      const where = sources[i] ? `${sources[i]}: ` : '';
      const what = e instanceof ConnectError ? `${e.errorType}: ${e.message}` : (e as Error).message;
      throw new Error(`${where}seed profile '${String(p.name)}': ${what}`, { cause: e });
    }
  });
}
