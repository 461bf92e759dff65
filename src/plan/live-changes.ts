// What moved live between the snapshot a saved plan was made from and the one read now, with values, so that a
// stale plan can say `"Tier1": description "a" -> "b"` instead of only that something changed.
import equal from 'fast-deep-equal';
import { OWNERSHIP_TAG_KEY } from '../vocabulary.js';
import { diffProfile } from './diff.js';
import { type LiveSnapshot, ownEntry, type ProfileSnapshot, type PrunableSnapshot, snapshotNames } from './fingerprint.js';
import type { NormalisedProfile } from './normalise.js';
import { compareStrings } from './order.js';

function shown(value: unknown): string {
  return value === undefined || value === null ? '(none)' : JSON.stringify(value);
}

const OPTIONAL_FIELDS = ['agentAvailabilityTimer', 'queues', 'manualQueues', 'tags'] as const satisfies readonly (keyof NormalisedProfile)[];

function profileLines(before: NormalisedProfile, after: NormalisedProfile, nameOf: (queueId: string) => string): string[] {
  const { owner: ownerBefore, ...b } = before;
  const { owner: ownerAfter, ...a } = after;
  // diffProfile compares what its first argument states; both snapshots share one managed scope, so a field
  // present on one side only was emptied by Connect itself (rare, but never left unsaid).
  const lines = diffProfile(a, b, nameOf).map((d) => {
    if (d.path[0] === 'manualAssignmentQueues') return `${d.field} ${d.after === true ? 'added' : 'removed'}`;
    return `${d.field} ${shown(d.before)} -> ${shown(d.after)}`;
  });
  for (const field of OPTIONAL_FIELDS) {
    if (b[field] !== undefined && a[field] === undefined) lines.push(`${field} ${shown(b[field])} -> (none)`);
  }
  if (ownerBefore !== ownerAfter) lines.push(`tags.${OWNERSHIP_TAG_KEY} ${shown(ownerBefore)} -> ${shown(ownerAfter)}`);
  return lines;
}

function snapshotLines(before: ProfileSnapshot, after: ProfileSnapshot, nameOf: (queueId: string) => string): string[] {
  const lines: string[] = [];
  if (before.routingProfileId !== after.routingProfileId) lines.push(`routing profile ID ${shown(before.routingProfileId)} -> ${shown(after.routingProfileId)}`);
  lines.push(...profileLines(before.profile, after.profile, nameOf));
  if (!equal(before.associatedQueueIds ?? null, after.associatedQueueIds ?? null)) {
    lines.push(`associated queues ${shown(before.associatedQueueIds?.map(nameOf))} -> ${shown(after.associatedQueueIds?.map(nameOf))}`);
  }
  if (!equal(before.workloadTypeConcurrencies, after.workloadTypeConcurrencies)) {
    lines.push(`workload types kept from live ${shown(before.workloadTypeConcurrencies)} -> ${shown(after.workloadTypeConcurrencies)}`);
  }
  if (lines.length === 0 && !equal(before, after)) lines.push('read differently (described, ARN)');
  return lines;
}

function prunableLines(before: PrunableSnapshot | undefined, after: PrunableSnapshot | undefined): string[] {
  if (before === undefined && after !== undefined) return [`now carries our ownership tag and is undeclared: prune would delete it (${after.routingProfileId})`];
  if (before !== undefined && after === undefined) return ['no longer a profile prune would delete (gone, renamed, or its ownership tag changed)'];
  if (before !== undefined && after !== undefined && !equal(before, after)) {
    return [`routing profile ID ${shown(before.routingProfileId)} -> ${shown(after.routingProfileId)}, instance default ${before.isDefault} -> ${after.isDefault}`];
  }
  return [];
}

/**
 * One line per thing that moved, sorted: the instance, the queue inventory, each profile's managed values (by
 * name, quoted), and with prune on, the profiles it would delete. Empty when the snapshots are equal.
 */
export function describeLiveChanges(before: LiveSnapshot, after: LiveSnapshot): string[] {
  const lines: string[] = [];
  if (before.instanceId !== after.instanceId) lines.push(`instance ${shown(before.instanceId)} -> ${shown(after.instanceId)}`);

  const queueNames = new Map([...before.queues, ...after.queues].map((q) => [q.queueId, q.name]));
  const nameOf = (queueId: string): string => queueNames.get(queueId) ?? queueId;
  const queuesBefore = new Map(before.queues.map((q) => [q.queueId, q]));
  const queuesAfter = new Map(after.queues.map((q) => [q.queueId, q]));
  for (const id of [...new Set([...queuesBefore.keys(), ...queuesAfter.keys()])].sort(compareStrings)) {
    const b = queuesBefore.get(id);
    const a = queuesAfter.get(id);
    if (b === undefined && a !== undefined) lines.push(`queue ${shown(a.name)} (${id}): created`);
    else if (b !== undefined && a === undefined) lines.push(`queue ${shown(b.name)} (${id}): deleted`);
    else if (b !== undefined && a !== undefined && !equal(b, a)) lines.push(`queue ${id}: name ${shown(b.name)} -> ${shown(a.name)}${b.arn === a.arn ? '' : `, ARN ${shown(b.arn)} -> ${shown(a.arn)}`}`);
  }

  for (const name of snapshotNames(before, after)) {
    const b = ownEntry(before.profiles, name);
    const a = ownEntry(after.profiles, name);
    const profileChanges =
      b === null && a !== null
        ? [`now live (${a.routingProfileId})`]
        : b !== null && a === null
          ? [`no longer live (was ${b.routingProfileId})`]
          : b !== null && a !== null
            ? snapshotLines(b, a, nameOf)
            : [];
    const all = [...profileChanges, ...prunableLines(ownEntry(before.prunable, name) ?? undefined, ownEntry(after.prunable, name) ?? undefined)];
    lines.push(...all.map((line) => `${JSON.stringify(name)}: ${line}`));
  }
  return lines;
}
