// A change's diffs regrouped the way a reviewer thinks of a routing profile: single-valued fields, one row per
// channel (and workload type), one row per queue, one per manual-assignment queue, one per tag. Grouping is by
// the structured `path`, never by parsing `field`. The diffs hold only what moved; the other cells of a changed
// row (a queue's delay when only its priority moved) are read from the change's own calls, which carry the
// whole desired row. Text and Markdown both lay out this one view.
import type { Call, Change, Diff, DiffPathSegment, QueueSegment } from '../plan/types.js';
import type { Channel } from '../vocabulary.js';
import { bareValue, cellText, type DiffKind, diffKind, formatValue } from './format.js';

/** One cell: `before` and `after` are equal when the value did not move (undefined both when unknown). */
export interface Cell {
  before: unknown;
  after: unknown;
}

export interface FieldRow {
  kind: DiffKind;
  /** The field as users write it in their file. */
  field: string;
  before: unknown;
  after: unknown;
}

export interface ChannelRow {
  kind: DiffKind;
  channel: Channel;
  /** Set for a row of one workload type within the channel. */
  workloadType?: string;
  concurrency: Cell;
  behavior: Cell;
}

export interface QueueRow {
  kind: DiffKind;
  queue: QueueSegment;
  priority: Cell;
  delay: Cell;
}

export interface ManualQueueRow {
  kind: DiffKind;
  queue: QueueSegment;
}

export interface TagRow {
  kind: DiffKind;
  key: string;
  value: Cell;
}

export interface ProfileView {
  fields: FieldRow[];
  channels: ChannelRow[];
  queues: QueueRow[];
  manualQueues: ManualQueueRow[];
  tags: TagRow[];
  /** Queue names held by two or more queue IDs in this change: those rows show the ID too. */
  ambiguousQueueNames: ReadonlySet<string>;
}

const isQueue = (s: DiffPathSegment | undefined): s is QueueSegment => typeof s === 'object';
const isText = (s: DiffPathSegment | undefined): s is string => typeof s === 'string';
const isName = (path: readonly DiffPathSegment[]): boolean => path.length === 1 && path[0] === 'name';

/** Diffs that share a key (one channel, one queue...), in the order their first diff appears. */
class Groups<K> {
  private readonly order: string[] = [];
  private readonly groups = new Map<string, { key: K; diffs: Diff[] }>();

  add(id: string, key: K, diff: Diff): void {
    let group = this.groups.get(id);
    if (group === undefined) {
      group = { key, diffs: [] };
      this.groups.set(id, group);
      this.order.push(id);
    }
    group.diffs.push(diff);
  }

  map<R>(f: (key: K, diffs: Diff[]) => R): R[] {
    return this.order.map((id) => {
      const group = this.groups.get(id) as { key: K; diffs: Diff[] };
      return f(group.key, group.diffs);
    });
  }
}

/** A row is added when nothing was there, removed when nothing remains, changed otherwise. */
function rowKind(diffs: readonly Diff[]): DiffKind {
  if (diffs.every((d) => d.before === undefined)) return 'add';
  if (diffs.every((d) => d.after === undefined)) return 'remove';
  return 'change';
}

/** The cell of one attribute: from its diff when it moved, else the unchanged value the calls carry. */
function cell(diffs: readonly Diff[], attribute: string, unchanged: () => unknown): Cell {
  const diff = diffs.find((d) => d.path.at(-1) === attribute);
  if (diff !== undefined) return { before: diff.before, after: diff.after };
  const value = unchanged();
  return { before: value, after: value };
}

function concurrencyCall(calls: readonly Call[], channel: Channel) {
  for (const call of calls) {
    if (call.operation === 'UpdateRoutingProfileConcurrency' || call.operation === 'CreateRoutingProfile') {
      const entry = call.input.MediaConcurrencies.find((m) => m.Channel === channel);
      if (entry !== undefined) return entry;
    }
  }
  return undefined;
}

function queueConfigCall(calls: readonly Call[], queue: QueueSegment) {
  for (const call of calls) {
    if (call.operation === 'UpdateRoutingProfileQueues' || call.operation === 'AssociateRoutingProfileQueues' || call.operation === 'CreateRoutingProfile') {
      const config = (call.input.QueueConfigs ?? []).find(
        (c) => c.QueueReference.QueueId === queue.queueId && c.QueueReference.Channel === queue.channel,
      );
      if (config !== undefined) return config;
    }
  }
  return undefined;
}

function queueId(queue: QueueSegment): string {
  // A NUL occurs in no queue ID or channel, so the pair is unambiguous.
  return `${queue.queueId}\u0000${queue.channel}`;
}

export function profileView(change: Change): ProfileView {
  const fields: FieldRow[] = [];
  const channels = new Groups<{ channel: Channel; workloadType?: string }>();
  const queues = new Groups<QueueSegment>();
  const manualQueues = new Groups<QueueSegment>();
  const tags = new Groups<string>();

  // A plan read back from JSON (a saved plan, `show`) writes an absent side as null: the same as undefined here.
  const diffs = change.diffs.map((d) => ({ ...d, before: d.before ?? undefined, after: d.after ?? undefined }));
  for (const diff of diffs) {
    const [section, key, sub, workloadType] = diff.path;
    if (section === 'mediaConcurrencies' && isText(key) && sub === 'workloadTypes' && isText(workloadType)) {
      channels.add(`${key}\u0000${workloadType}`, { channel: key as Channel, workloadType }, diff);
    } else if (section === 'mediaConcurrencies' && isText(key) && diff.path.length === 3) {
      channels.add(key, { channel: key as Channel }, diff);
    } else if (section === 'queues' && isQueue(key)) {
      queues.add(queueId(key), key, diff);
    } else if (section === 'manualAssignmentQueues' && isQueue(key)) {
      manualQueues.add(queueId(key), key, diff);
    } else if (section === 'tags' && isText(key) && diff.path.length === 2) {
      tags.add(key, key, diff);
    } else if (isName(diff.path) && (change.action === 'create' || change.action === 'delete')) {
      // A create or delete names the profile in its heading; a name row would say it twice.
    } else {
      // Single-valued fields, and any path this renderer does not know yet: shown as the field users wrote.
      fields.push({ kind: diffKind(diff.before, diff.after), field: diff.field, before: diff.before, after: diff.after });
    }
  }

  // A rename shows as its name moving on the same profile ID, whether or not the planner listed the name diff.
  if (change.renamedFrom !== undefined && !diffs.some((d) => isName(d.path))) {
    fields.unshift({ kind: 'change', field: 'name', before: change.renamedFrom, after: change.name });
  }

  const channelRows = channels.map(({ channel, workloadType }, diffs): ChannelRow => {
    const entry = () => concurrencyCall(change.calls, channel);
    const workload = () => entry()?.WorkloadTypeConcurrencies?.find((w) => w.WorkloadType === workloadType);
    return workloadType === undefined
      ? {
          kind: rowKind(diffs),
          channel,
          concurrency: cell(diffs, 'concurrency', () => entry()?.Concurrency),
          behavior: cell(diffs, 'crossChannelBehavior', () => entry()?.CrossChannelBehavior?.BehaviorType),
        }
      : {
          kind: rowKind(diffs),
          channel,
          workloadType,
          concurrency: cell(diffs, 'concurrency', () => workload()?.Concurrency),
          behavior: cell(diffs, 'crossChannelWorkloadBehavior', () => workload()?.CrossChannelWorkloadBehavior?.ChannelWorkloadBehaviorType),
        };
  });

  const queueRows = queues.map((queue, diffs): QueueRow => ({
    kind: rowKind(diffs),
    queue,
    priority: cell(diffs, 'priority', () => queueConfigCall(change.calls, queue)?.Priority),
    delay: cell(diffs, 'delay', () => queueConfigCall(change.calls, queue)?.Delay),
  }));

  const manualRows = manualQueues.map((queue, diffs): ManualQueueRow => {
    // before/after are `true` when the pair is associated; the last diff decides.
    const last = diffs.at(-1) as Diff;
    return { kind: last.after === undefined || last.after === false ? 'remove' : 'add', queue };
  });

  const tagRows = tags.map((key, diffs): TagRow => {
    const diff = diffs.at(-1) as Diff;
    return { kind: diffKind(diff.before, diff.after), key, value: { before: diff.before, after: diff.after } };
  });

  return {
    fields,
    channels: channelRows,
    queues: queueRows,
    manualQueues: manualRows,
    tags: tagRows,
    ambiguousQueueNames: ambiguousNames([...queueRows, ...manualRows].map((r) => r.queue)),
  };
}

function ambiguousNames(queues: readonly QueueSegment[]): Set<string> {
  const ids = new Map<string, Set<string>>();
  for (const q of queues) ids.set(q.queue, (ids.get(q.queue) ?? new Set()).add(q.queueId));
  return new Set([...ids].filter(([, set]) => set.size > 1).map(([name]) => name));
}

/** The name a queue row shows; the queue ID joins it when two queues of this change share the name. */
function queueLabel(queue: QueueSegment, view: ProfileView, escape: (text: string) => string): string {
  return view.ambiguousQueueNames.has(queue.queue) ? `${escape(queue.queue)} (${escape(queue.queueId)})` : escape(queue.queue);
}

/** One table of a view, for either layout: a lowercase label and header, rows of escaped cells. */
export interface ViewTable {
  label: string;
  header: string[];
  rows: { kind: DiffKind; cells: string[] }[];
}

/**
 * The channels, queues, manual-assignment queues and tags of a view as tables, empty ones left out. `escape`
 * makes a user value inert for the target (terminal or Markdown); `arrow` joins a moved cell's two values.
 */
export function viewTables(view: ProfileView, escape: (text: string) => string, arrow: string): ViewTable[] {
  const cell = (kind: DiffKind, c: Cell, format: (value: unknown) => string): string =>
    cellText(kind, c.before, c.after, (v) => escape(format(v)), arrow);
  const queueName = (q: QueueSegment): string => queueLabel(q, view, escape);
  const tables: ViewTable[] = [
    {
      label: 'channels',
      header: ['channel', 'concurrency', 'cross-channel'],
      rows: view.channels.map((c) => ({
        kind: c.kind,
        cells: [
          c.workloadType === undefined ? c.channel : `${c.channel} › ${escape(c.workloadType)}`,
          cell(c.kind, c.concurrency, bareValue),
          cell(c.kind, c.behavior, bareValue),
        ],
      })),
    },
    {
      label: 'queues',
      header: ['queue', 'channel', 'priority', 'delay'],
      rows: view.queues.map((q) => ({
        kind: q.kind,
        cells: [queueName(q.queue), q.queue.channel, cell(q.kind, q.priority, bareValue), cell(q.kind, q.delay, bareValue)],
      })),
    },
    {
      label: 'manual-assignment queues',
      header: ['queue', 'channel'],
      rows: view.manualQueues.map((q) => ({ kind: q.kind, cells: [queueName(q.queue), q.queue.channel] })),
    },
    {
      label: 'tags',
      header: ['tag', 'value'],
      rows: view.tags.map((t) => ({ kind: t.kind, cells: [escape(t.key), cell(t.kind, t.value, formatValue)] })),
    },
  ];
  return tables.filter((t) => t.rows.length > 0);
}
