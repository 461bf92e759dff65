// Reading live state with the fewest calls (design.md): queues once, one Search over every profile, then
// Describe and ListRoutingProfileQueues only where the files need what only they return. The calls are issued
// concurrently; the transport's token buckets pace them.
import { instanceIdFrom } from '../connect/instance-id.js';
import type { LiveReader } from '../connect/read-types.js';
import { LIMITS } from '../vocabulary.js';
import { wantsByName, type Wants } from './declared.js';
import { profileFromSearch, queueFrom, withDescribe, withManualQueues, withQueueConfigs } from './map.js';
import { collectPages } from './paginate.js';
import type { LiveProfile, LiveQueue, LiveState } from './types.js';

export interface DeclaredProfile {
  name: string;
  /** The file states `queues`: ListRoutingProfileQueues is then needed for priority and delay. */
  managesQueues: boolean;
  /** The file states `manualAssignmentQueues`: ListRoutingProfileManualAssignmentQueues is then needed. */
  managesManualQueues: boolean;
}

export interface ReadLiveOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * `declared` may be a function of the profiles Search found, for a caller that learns what to read in full only
 * from Search itself (export reads every live profile) without a second Search.
 */
export async function readLive(
  reader: LiveReader,
  instanceIdOrArn: string,
  declared: readonly DeclaredProfile[] | ((searched: readonly LiveProfile[]) => readonly DeclaredProfile[]),
  opts: ReadLiveOptions = {},
): Promise<LiveState> {
  const instanceId = instanceIdFrom(instanceIdOrArn);

  // The queue inventory is only needed after the reads, for resolving references: the per-profile reads start
  // as soon as Search answers instead of waiting for it (one round trip less on the critical path).
  const queuesRead = readQueues(reader, instanceId, opts.signal);
  // Observed below by Promise.all; this only keeps an early failure from being reported as unhandled.
  queuesRead.catch(() => undefined);
  const searched = await readAllProfiles(reader, instanceId, opts.signal);

  const byName = new Map(searched.map((p) => [p.name, p]));
  const wanted = wantsByName(typeof declared === 'function' ? declared(searched) : declared);
  const targets = [...wanted].flatMap(([name, wants]) => {
    const profile = byName.get(name);
    return profile ? [{ profile, wants }] : [];
  });
  // Progress counts declared profiles read in full ("230/500 profiles"): the part of a read that takes time.
  let done = 0;
  opts.onProgress?.(done, targets.length);
  const profileRead = () => opts.onProgress?.(++done, targets.length);

  const [queues, detailed] = await Promise.all([
    queuesRead,
    Promise.all(targets.map(({ profile, wants }) => detailProfile(reader, instanceId, profile, wants, opts.signal).then((p) => (profileRead(), p)))),
  ]);
  const replaced = new Map(detailed.map((p) => [p.routingProfileId, p]));
  return {
    instanceId,
    queues,
    profiles: searched.map((p) => replaced.get(p.routingProfileId) ?? p),
  };
}

/**
 * Re-reads named profiles (adopting after a DuplicateResourceException, verifying after apply): one Search with
 * an EXACT name condition per name, then Describe, ListRoutingProfileQueues when `queues` is set and
 * ListRoutingProfileManualAssignmentQueues when `manualQueues` is (and the profile has any).
 * Names that Search does not (yet) return are simply absent from the result.
 */
export async function readProfilesByName(
  reader: LiveReader,
  instanceId: string,
  names: readonly string[],
  opts: { queues?: boolean; manualQueues?: boolean; signal?: AbortSignal } = {},
): Promise<LiveProfile[]> {
  const wants: Wants = { queues: opts.queues ?? false, manualQueues: opts.manualQueues ?? false };
  const found = await Promise.all(
    [...new Set(names)].map(async (name) => {
      const records = await collectPages(
        'SearchRoutingProfiles',
        (nextToken) =>
          reader.searchRoutingProfiles({ instanceId, nameEquals: name, nextToken, maxResults: LIMITS.searchPageSize }, { profile: name, signal: opts.signal }),
        { profile: name },
      );
      // EXACT is case-sensitive in Connect's docs, but compare here too rather than trust the index.
      const profile = records.map(profileFromSearch).find((p) => p?.name === name);
      return profile ? detailProfile(reader, instanceId, profile, wants, opts.signal) : undefined;
    }),
  );
  return found.filter((p): p is LiveProfile => p !== undefined);
}

/** Every queue-channel pair currently associated with a profile (ListRoutingProfileQueues, all pages). */
export async function readProfileQueues(reader: LiveReader, instanceId: string, routingProfileId: string, profile?: string, signal?: AbortSignal) {
  return collectPages(
    'ListRoutingProfileQueues',
    (nextToken) =>
      reader.listRoutingProfileQueues({ instanceId, routingProfileId, nextToken, maxResults: LIMITS.listRoutingProfileQueuesPageSize }, { profile, signal }),
    { profile },
  );
}

/** Every manual-assignment queue-channel pair of a profile (ListRoutingProfileManualAssignmentQueues, all pages). */
export async function readProfileManualQueues(reader: LiveReader, instanceId: string, routingProfileId: string, profile?: string, signal?: AbortSignal) {
  return collectPages(
    'ListRoutingProfileManualAssignmentQueues',
    (nextToken) =>
      reader.listRoutingProfileManualAssignmentQueues(
        { instanceId, routingProfileId, nextToken, maxResults: LIMITS.listManualAssignmentQueuesPageSize },
        { profile, signal },
      ),
    { profile },
  );
}

/**
 * Standard queues through ListQueues (QueueTypes=STANDARD): 1,000 a page at 10 requests/s, against SearchQueues'
 * 500 a page at 2 requests/s (connect-api README), so never more calls and never slower.
 */
async function readQueues(reader: LiveReader, instanceId: string, signal: AbortSignal | undefined): Promise<LiveQueue[]> {
  const records = await collectPages('ListQueues', (nextToken) =>
    reader.listQueues({ instanceId, nextToken, maxResults: LIMITS.listQueuesPageSize }, { signal }),
  );
  const byId = new Map<string, LiveQueue>();
  for (const r of records) {
    const q = queueFrom(r);
    if (q) byId.set(q.queueId, q);
  }
  return [...byId.values()];
}

async function readAllProfiles(reader: LiveReader, instanceId: string, signal: AbortSignal | undefined): Promise<LiveProfile[]> {
  const records = await collectPages('SearchRoutingProfiles', (nextToken) =>
    reader.searchRoutingProfiles({ instanceId, nextToken, maxResults: LIMITS.searchPageSize }, { signal }),
  );
  // A profile can appear on two pages if the index changes between them: keep the last copy.
  const byId = new Map<string, LiveProfile>();
  for (const r of records) {
    const p = profileFromSearch(r);
    if (p) byId.set(p.routingProfileId, p);
  }
  return [...byId.values()];
}

/**
 * Describe, plus the lists the file needs. The manual-queue list is skipped when the profile has none
 * (NumberOfAssociatedManualAssignmentQueues 0): it starts beside Describe when Search counted some, and after
 * Describe only when Describe counts some that Search's index had not yet (the index may lag).
 */
async function detailProfile(
  reader: LiveReader,
  instanceId: string,
  profile: LiveProfile,
  wants: Wants,
  signal: AbortSignal | undefined,
): Promise<LiveProfile> {
  const id = profile.routingProfileId;
  const ctx = { profile: profile.name, signal };
  const listManual = () => readProfileManualQueues(reader, instanceId, id, profile.name, signal);
  const manualEarly = wants.manualQueues && profile.manualQueueCount > 0;
  const [described, queueConfigs, manualFirst] = await Promise.all([
    reader.describeRoutingProfile({ instanceId, routingProfileId: id }, ctx),
    wants.queues ? readProfileQueues(reader, instanceId, id, profile.name, signal) : undefined,
    manualEarly ? listManual() : undefined,
  ]);
  let merged = withDescribe(profile, described);
  if (queueConfigs) merged = withQueueConfigs(merged, queueConfigs);
  if (wants.manualQueues) {
    const manual = manualFirst ?? (merged.manualQueueCount > 0 ? await listManual() : []);
    merged = withManualQueues(merged, manual);
  }
  return merged;
}
