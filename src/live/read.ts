// Reading live state with the fewest calls (design.md): queues once, one Search over every profile, then
// Describe and ListRoutingProfileQueues only where the files need what only they return. The calls are issued
// concurrently; the transport's token buckets pace them.
import { instanceIdFrom } from '../connect/instance-id.js';
import type { LiveReader } from '../connect/read-types.js';
import { LIMITS } from '../vocabulary.js';
import { profileFromSearch, queueFrom, withDescribe, withQueueConfigs } from './map.js';
import { collectPages } from './paginate.js';
import type { LiveProfile, LiveQueue, LiveState } from './types.js';

export interface DeclaredProfile {
  name: string;
  /** The file states `queues`: ListRoutingProfileQueues is then needed for priority and delay. */
  managesQueues: boolean;
}

export interface ReadLiveOptions {
  onProgress?: (done: number, total: number) => void;
  /**
   * How to list queues. ListQueues (QueueTypes=STANDARD) is the default: 1,000 a page and a 10 requests/s
   * quota against SearchQueues' 500 a page at 2 requests/s (connect-api README), so never more calls.
   */
  queueSource?: 'ListQueues' | 'SearchQueues';
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
  const queuesRead = readQueues(reader, instanceId, opts);
  // Observed below by Promise.all; this only keeps an early failure from being reported as unhandled.
  queuesRead.catch(() => undefined);
  const searched = await readAllProfiles(reader, instanceId, opts.signal);

  const byName = new Map(searched.map((p) => [p.name, p]));
  const wanted = new Map<string, boolean>();
  for (const d of typeof declared === 'function' ? declared(searched) : declared) wanted.set(d.name, (wanted.get(d.name) ?? false) || d.managesQueues);

  const targets = [...wanted].flatMap(([name, managesQueues]) => {
    const profile = byName.get(name);
    return profile ? [{ profile, managesQueues }] : [];
  });
  // Progress counts declared profiles read in full ("230/500 profiles"): the part of a read that takes time.
  let done = 0;
  opts.onProgress?.(done, targets.length);
  const profileRead = () => opts.onProgress?.(++done, targets.length);

  const [queues, detailed] = await Promise.all([
    queuesRead,
    Promise.all(targets.map(({ profile, managesQueues }) => detailProfile(reader, instanceId, profile, managesQueues, opts.signal).then((p) => (profileRead(), p)))),
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
 * an EXACT name condition per name, then Describe, and ListRoutingProfileQueues when `queues` is set.
 * Names that Search does not (yet) return are simply absent from the result.
 */
export async function readProfilesByName(
  reader: LiveReader,
  instanceId: string,
  names: readonly string[],
  opts: { queues?: boolean; signal?: AbortSignal } = {},
): Promise<LiveProfile[]> {
  const found = await Promise.all(
    [...new Set(names)].map(async (name) => {
      const records = await collectPages((nextToken) =>
        reader.searchRoutingProfiles(
          { instanceId, nameEquals: name, nextToken, maxResults: LIMITS.searchPageSize },
          { profile: name, signal: opts.signal },
        ),
      );
      // EXACT is case-sensitive in Connect's docs, but compare here too rather than trust the index.
      const profile = records.map(profileFromSearch).find((p) => p?.name === name);
      return profile ? detailProfile(reader, instanceId, profile, opts.queues ?? false, opts.signal) : undefined;
    }),
  );
  return found.filter((p): p is LiveProfile => p !== undefined);
}

/** Every queue-channel pair currently associated with a profile (ListRoutingProfileQueues, all pages). */
export async function readProfileQueues(reader: LiveReader, instanceId: string, routingProfileId: string, profile?: string, signal?: AbortSignal) {
  return collectPages((nextToken) =>
    reader.listRoutingProfileQueues(
      { instanceId, routingProfileId, nextToken, maxResults: LIMITS.listRoutingProfileQueuesPageSize },
      { profile, signal },
    ),
  );
}

async function readQueues(reader: LiveReader, instanceId: string, opts: ReadLiveOptions): Promise<LiveQueue[]> {
  const records =
    opts.queueSource === 'SearchQueues'
      ? await collectPages((nextToken) => reader.searchQueues({ instanceId, nextToken, maxResults: LIMITS.searchPageSize }, { signal: opts.signal }))
      : await collectPages((nextToken) => reader.listQueues({ instanceId, nextToken, maxResults: LIMITS.listQueuesPageSize }, { signal: opts.signal }));
  const byId = new Map<string, LiveQueue>();
  for (const r of records) {
    const q = queueFrom(r);
    if (q) byId.set(q.queueId, q);
  }
  return [...byId.values()];
}

async function readAllProfiles(reader: LiveReader, instanceId: string, signal: AbortSignal | undefined): Promise<LiveProfile[]> {
  const records = await collectPages((nextToken) =>
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

async function detailProfile(
  reader: LiveReader,
  instanceId: string,
  profile: LiveProfile,
  managesQueues: boolean,
  signal: AbortSignal | undefined,
): Promise<LiveProfile> {
  const ids = { instanceId, routingProfileId: profile.routingProfileId };
  const ctx = { profile: profile.name, signal };
  const [described, queueConfigs] = await Promise.all([
    reader.describeRoutingProfile(ids, ctx),
    managesQueues ? readProfileQueues(reader, instanceId, profile.routingProfileId, profile.name, signal) : undefined,
  ]);
  const merged = withDescribe(profile, described);
  return queueConfigs ? withQueueConfigs(merged, queueConfigs) : merged;
}
