// Queues are exported by name, so the files work on every instance whose queues have the same names. A name
// is only written when it leads back to the same queue: the files resolve a reference by ARN, then ID, then
// exact name (design.md), so a name shared by two queues, or equal to another queue's ID or ARN, would not.
import type { LiveQueue } from '../live/types.js';
import { shownName } from './shown.js';

export type QueueName = { ok: true; name: string } | { ok: false; reason: string };

export interface QueueNames {
  nameOf(queueId: string): QueueName;
}

export function queueNames(queues: readonly LiveQueue[]): QueueNames {
  const byId = new Map(queues.map((q) => [q.queueId, q]));
  const named = new Map<string, LiveQueue[]>();
  for (const q of queues) named.set(q.name, [...(named.get(q.name) ?? []), q]);
  const identifiers = new Map<string, LiveQueue>();
  for (const q of queues) {
    identifiers.set(q.queueId, q);
    if (q.arn !== '') identifiers.set(q.arn, q);
  }
  return {
    nameOf(queueId) {
      const queue = byId.get(queueId);
      if (queue === undefined) {
        return { ok: false, reason: `queue ${shownName(queueId)} is known only by its ID: it is not among the instance's standard queues, so it has no name to write` };
      }
      if (queue.name === '') return { ok: false, reason: `queue ${shownName(queueId)} has no name` };
      const sharing = named.get(queue.name) ?? [];
      if (sharing.length > 1) {
        const ids = sharing.map((q) => q.queueId).sort().join(', ');
        return { ok: false, reason: `queue name ${shownName(queue.name)} is ambiguous: ${sharing.length} queues have it (IDs ${ids}); rename one in Connect` };
      }
      const other = identifiers.get(queue.name);
      if (other !== undefined && other.queueId !== queue.queueId) {
        return { ok: false, reason: `queue name ${shownName(queue.name)} is also the ID or ARN of queue ${shownName(other.name)}, so the files would read it as that queue` };
      }
      return { ok: true, name: queue.name };
    },
  };
}
