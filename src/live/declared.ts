// What the files ask the reader for, and the fewest read calls that answers it (design.md, "Reading live state
// with the fewest calls"). The read-call lower bound is the yardstick the benchmark holds readLive to.
import { LIMITS } from '../vocabulary.js';
import type { DeclaredProfile } from './read.js';

/** The part of a profile document the reader cares about: its names and which lists it manages. */
export interface DeclaringDocument {
  name: string;
  /** Former names: a live profile of an old name is renamed, so it is read like the new one. */
  renamedFrom?: readonly string[];
  queues?: unknown;
  manualAssignmentQueues?: unknown;
}

/**
 * One DeclaredProfile per name and former name (design.md: names from `renamedFrom` are read, fingerprinted and
 * count as declared): a field the file states is managed, and must be read.
 */
export function declaredProfiles(documents: readonly DeclaringDocument[]): DeclaredProfile[] {
  return documents.flatMap((d) => {
    const wants = { managesQueues: d.queues !== undefined, managesManualQueues: d.manualAssignmentQueues !== undefined };
    return [d.name, ...(d.renamedFrom ?? [])].map((name) => ({ name, ...wants }));
  });
}

/** Which lists a declared profile needs beyond Describe. */
export interface Wants {
  queues: boolean;
  manualQueues: boolean;
}

/** Per name, what its declarations need read: a list is read when any document of that name manages it. */
export function wantsByName(declared: readonly DeclaredProfile[]): Map<string, Wants> {
  const wanted = new Map<string, Wants>();
  for (const d of declared) {
    const before = wanted.get(d.name);
    wanted.set(d.name, { queues: (before?.queues ?? false) || d.managesQueues, manualQueues: (before?.manualQueues ?? false) || d.managesManualQueues });
  }
  return wanted;
}

/** What the live instance holds, as far as the number of read calls depends on it. */
export interface LiveCounts {
  /** Routing profiles of the instance. */
  profiles: number;
  /** Standard queues of the instance. */
  queues: number;
  /** Per live profile name: its queue-channel pairs and its manual-assignment queue-channel pairs. */
  pairs: ReadonlyMap<string, { queues: number; manualQueues: number }>;
}

const pages = (items: number, pageSize: number): number => Math.ceil(items / pageSize);

/**
 * The fewest calls, per operation, that reading `declared` from an instance like `live` can take: one Search
 * page and one ListQueues page even when empty (that call is how we learn it is), Describe per declared profile
 * that exists, its queue list when the file states `queues`, and its manual-queue list when the file states
 * `manualAssignmentQueues` and the profile has any (Search counts them, so an empty list costs no call).
 */
export function readCallsLowerBound(declared: readonly DeclaredProfile[], live: LiveCounts): Record<string, number> {
  const bound: Record<string, number> = {
    SearchRoutingProfiles: Math.max(1, pages(live.profiles, LIMITS.searchPageSize)),
    ListQueues: Math.max(1, pages(live.queues, LIMITS.listQueuesPageSize)),
  };
  const add = (operation: string, n: number): void => {
    if (n > 0) bound[operation] = (bound[operation] ?? 0) + n;
  };
  for (const [name, wants] of wantsByName(declared)) {
    const pairs = live.pairs.get(name);
    if (!pairs) continue;
    add('DescribeRoutingProfile', 1);
    if (wants.queues) add('ListRoutingProfileQueues', Math.max(1, pages(pairs.queues, LIMITS.listRoutingProfileQueuesPageSize)));
    if (wants.manualQueues) add('ListRoutingProfileManualAssignmentQueues', pages(pairs.manualQueues, LIMITS.listManualAssignmentQueuesPageSize));
  }
  return bound;
}
