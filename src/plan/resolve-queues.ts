// Queue references in the files (name, ID or ARN) -> live queue IDs. This is the first join of the files with
// live data, so it lives with the planner; it is pure (the live queues are read elsewhere).
import { readablePath } from '../desired/pointer.js';
import { didYouMean } from '../desired/suggest.js';
import type { DesiredProfile, ResolvedManualQueue, ResolvedProfile, ResolvedQueueConfig, SourceLocation } from '../desired/types.js';
import { UserInputError, type InputProblem } from '../errors.js';
import type { LiveQueue } from '../live/types.js';
import type { Channel } from '../vocabulary.js';

type Resolution = { ok: true; queue: LiveQueue } | { ok: false; message: string };

/** Lookup tables built once per call: ARN, then ID, then exact name (names are not unique in Connect). */
interface QueueIndex {
  byArn: Map<string, LiveQueue>;
  byId: Map<string, LiveQueue>;
  byName: Map<string, LiveQueue[]>;
  names: string[];
}

function indexQueues(queues: readonly LiveQueue[]): QueueIndex {
  const byName = new Map<string, LiveQueue[]>();
  for (const queue of queues) byName.set(queue.name, [...(byName.get(queue.name) ?? []), queue]);
  return {
    byArn: new Map(queues.map((q) => [q.arn, q])),
    byId: new Map(queues.map((q) => [q.queueId, q])),
    byName,
    names: [...byName.keys()].sort(),
  };
}

function resolve(reference: string, index: QueueIndex): Resolution {
  const exact = index.byArn.get(reference) ?? index.byId.get(reference);
  if (exact !== undefined) return { ok: true, queue: exact };
  const named = index.byName.get(reference) ?? [];
  const [only, ...others] = named;
  if (only !== undefined && others.length === 0) return { ok: true, queue: only };
  if (only !== undefined) {
    const ids = named.map((q) => q.queueId).sort().join(', ');
    return { ok: false, message: `queue name ${JSON.stringify(reference)} is ambiguous: ${named.length} queues have it (IDs ${ids}); use the queue ID or ARN` };
  }
  const hint = didYouMean(reference, index.names) || '; no queue has this name, ID or ARN in the instance';
  return { ok: false, message: `unknown queue ${JSON.stringify(reference)}${hint}` };
}

function locate(profile: DesiredProfile, pointer: string): SourceLocation {
  return profile.locations[pointer] ?? profile.source;
}

/**
 * Resolves every queue reference of every profile. Throws one UserInputError listing every unknown or
 * ambiguous reference, and every queue listed twice for one channel under two spellings (name and ID, say),
 * which only shows once references are resolved.
 */
export function resolveQueueReferences(profiles: readonly DesiredProfile[], queues: readonly LiveQueue[]): ResolvedProfile[] {
  const index = indexQueues(queues);
  const problems: InputProblem[] = [];
  const resolved: ResolvedProfile[] = [];

  const lookup = (profile: DesiredProfile, reference: string, pointer: string): LiveQueue | undefined => {
    const result = resolve(reference, index);
    if (result.ok) return result.queue;
    problems.push({ ...locate(profile, pointer), message: `${readablePath(pointer)}: ${result.message}` });
    return undefined;
  };

  /**
   * One list of queue entries. A queue listed twice for one channel under two spellings (name and ID, say)
   * only shows once references are resolved, so the check is here.
   */
  const resolveList = <E extends { queue: string; channel: Channel }, R>(
    profile: DesiredProfile,
    list: 'queues' | 'manualAssignmentQueues',
    entries: readonly E[] | undefined,
    make: (entry: E, queue: LiveQueue) => R,
  ): R[] | undefined => {
    if (entries === undefined) return undefined;
    const seen = new Map<string, number>();
    const out: R[] = [];
    entries.forEach((entry, i) => {
      const queue = lookup(profile, entry.queue, `/${list}/${i}/queue`);
      if (queue === undefined) return;
      const identity = `${queue.queueId}\u0000${entry.channel}`;
      const earlier = seen.get(identity);
      if (earlier !== undefined) {
        const line = locate(profile, `/${list}/${earlier}/queue`).line;
        problems.push({
          ...locate(profile, `/${list}/${i}/queue`),
          message: `${readablePath(`/${list}/${i}`)}: queue ${JSON.stringify(queue.name)} on channel ${entry.channel} is already listed on line ${line} (as ${JSON.stringify(entries[earlier]?.queue)}); give one entry per queue and channel`,
        });
        return;
      }
      seen.set(identity, i);
      out.push(make(entry, queue));
    });
    return out;
  };

  for (const profile of profiles) {
    const outbound = lookup(profile, profile.defaultOutboundQueue, '/defaultOutboundQueue');
    const queueConfigs = resolveList(profile, 'queues', profile.queues, (c, q): ResolvedQueueConfig => ({
      queueId: q.queueId,
      queueName: q.name,
      channel: c.channel,
      priority: c.priority,
      delay: c.delay,
    }));
    const manualQueues = resolveList(profile, 'manualAssignmentQueues', profile.manualAssignmentQueues, (c, q): ResolvedManualQueue => ({
      queueId: q.queueId,
      queueName: q.name,
      channel: c.channel,
    }));
    if (outbound === undefined) continue;
    const { defaultOutboundQueue: _reference, queues: _queues, manualAssignmentQueues: _manual, ...rest } = profile;
    resolved.push({
      ...rest,
      defaultOutboundQueueId: outbound.queueId,
      defaultOutboundQueueName: outbound.name,
      ...(queueConfigs === undefined ? {} : { queues: queueConfigs }),
      ...(manualQueues === undefined ? {} : { manualAssignmentQueues: manualQueues }),
    });
  }
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 queue reference' : `${problems.length} queue references`;
    throw new UserInputError(`${count} cannot be resolved against the instance's queues`, problems, 'Fix the queue names, IDs or ARNs named above (or create the queues) and run again.');
  }
  return resolved;
}
