// Connect's own rules that a JSON Schema cannot say (or cannot say clearly): per-channel concurrency,
// uniqueness inside lists, the queue-channel pair quotas, workload types, names, reserved tag keys, and
// characters that must not hide in names and tags.
// These run on the raw document even when the schema failed, so every problem is reported in one go; each
// check therefore looks at types itself and ignores what the schema already reports.
import type { InputProblem } from '../errors.js';
import { CONCURRENCY_RANGE, LIMITS, OWNERSHIP_TAG_KEY, type Channel } from '../vocabulary.js';
import type { YamlMapping } from './construct.js';
import type { DocumentLocator } from './document.js';
import { MANUAL_ASSIGNMENT_CHANNELS, MANUAL_QUEUE_PAIRS_PER_PROFILE } from './limits.js';
import { childPointer, readablePath } from './pointer.js';
import { checkEnvironments, checkName, checkRenamedFrom, formerNames } from './rules-names.js';
import { checkWorkloadTypes } from './rules-workload-types.js';
import { PROTOTYPE_KEYS } from './tag-keys.js';
import { findForbiddenCharacter } from './text-safety.js';
import { entries, isChannel, isMapping, own, strings } from './yaml-value.js';

type Check = (document: YamlMapping, at: DocumentLocator) => InputProblem[];

/** The two lists of queue-channel pairs: routed queues and manual-assignment (Worklist) queues. */
type QueueList = 'queues' | 'manualAssignmentQueues';

const concurrencyPerChannel: Check = (document, at) =>
  entries(own(document, 'mediaConcurrencies')).flatMap(([index, entry]) => {
    const channel = own(entry, 'channel');
    const concurrency = own(entry, 'concurrency');
    if (!isChannel(channel) || typeof concurrency !== 'number' || !Number.isInteger(concurrency)) return [];
    const range = CONCURRENCY_RANGE[channel];
    // Values outside 1..10 are already reported by the schema; this adds what differs per channel (VOICE).
    if (concurrency < 1 || concurrency > 10 || (concurrency >= range.min && concurrency <= range.max)) return [];
    const pointer = `/mediaConcurrencies/${index}/concurrency`;
    const allowed = range.min === range.max ? `exactly ${range.min}` : `between ${range.min} and ${range.max}`;
    return [{ ...at.value(pointer), message: `${readablePath(pointer)}: ${channel} concurrency must be ${allowed}, not ${concurrency}` }];
  });

const oneEntryPerChannel: Check = (document, at) => {
  const first = new Map<Channel, number>();
  return entries(own(document, 'mediaConcurrencies')).flatMap(([index, entry]) => {
    const channel = own(entry, 'channel');
    if (!isChannel(channel)) return [];
    const earlier = first.get(channel);
    if (earlier === undefined) {
      first.set(channel, index);
      return [];
    }
    const pointer = `/mediaConcurrencies/${index}/channel`;
    const line = at.value(`/mediaConcurrencies/${earlier}/channel`).line;
    return [{ ...at.value(pointer), message: `${readablePath(pointer)}: channel ${channel} is listed twice (first on line ${line}); give one entry per channel` }];
  });
};

const oneEntryPerQueueAndChannel = (list: QueueList): Check => (document, at) => {
  const first = new Map<string, number>();
  return entries(own(document, list)).flatMap(([index, entry]) => {
    const queue = own(entry, 'queue');
    const channel = own(entry, 'channel');
    if (typeof queue !== 'string' || !isChannel(channel)) return [];
    const identity = JSON.stringify([queue, channel]);
    const earlier = first.get(identity);
    if (earlier === undefined) {
      first.set(identity, index);
      return [];
    }
    const pointer = `/${list}/${index}/queue`;
    const line = at.value(`/${list}/${earlier}/queue`).line;
    return [{ ...at.value(pointer), message: `${readablePath(`/${list}/${index}`)}: queue ${JSON.stringify(queue)} on channel ${channel} is listed twice (first on line ${line}); give one entry per queue and channel` }];
  });
};

/** `whose` says whose limit it is: Connect's published quota, or ours where none is published. */
const queueChannelPairQuota = (list: QueueList, limit: number, whose: (limit: number) => string): Check => (document, at) => {
  const queues = own(document, list);
  if (!Array.isArray(queues) || queues.length <= limit) return [];
  const pointer = `/${list}/${limit}`;
  return [{ ...at.value(pointer), message: `${list} lists ${queues.length} queue-channel pairs; ${whose(limit)} (this is entry ${limit + 1})` }];
};

const manualQueueChannels: Check = (document, at) =>
  entries(own(document, 'manualAssignmentQueues')).flatMap(([index, entry]) => {
    const channel = own(entry, 'channel');
    if (!isChannel(channel) || MANUAL_ASSIGNMENT_CHANNELS.includes(channel)) return [];
    const pointer = `/manualAssignmentQueues/${index}/channel`;
    return [{ ...at.value(pointer), message: `${readablePath(pointer)}: ${channel} queues cannot be assigned manually (allowed: ${MANUAL_ASSIGNMENT_CHANNELS.join(', ')})` }];
  });

/** The strings a person reads and compares: names, descriptions, queue references and tags. */
function readableStrings(document: YamlMapping): { pointer: string; value: string; isKey: boolean }[] {
  const found: { pointer: string; value: string; isKey: boolean }[] = [];
  for (const key of ['name', 'description', 'defaultOutboundQueue']) {
    const value = own(document, key);
    if (typeof value === 'string') found.push({ pointer: `/${key}`, value, isKey: false });
  }
  for (const list of ['queues', 'manualAssignmentQueues'] as const) {
    for (const [index, entry] of entries(own(document, list))) {
      const queue = own(entry, 'queue');
      if (typeof queue === 'string') found.push({ pointer: `/${list}/${index}/queue`, value: queue, isKey: false });
    }
  }
  for (const [index, entry] of entries(own(document, 'mediaConcurrencies'))) {
    for (const [position, workload] of entries(own(entry, 'workloadTypes'))) {
      const name = own(workload, 'workloadType');
      const pointer = `/mediaConcurrencies/${index}/workloadTypes/${position}/workloadType`;
      if (typeof name === 'string') found.push({ pointer, value: name, isKey: false });
    }
  }
  for (const { pointer, name } of formerNames(own(document, 'renamedFrom'))) found.push({ pointer, value: name, isKey: false });
  for (const [index, environment] of strings(own(document, 'environments'))) {
    found.push({ pointer: `/environments/${index}`, value: environment, isKey: false });
  }
  const tags = own(document, 'tags');
  if (isMapping(tags)) {
    for (const [key, value] of Object.entries(tags)) {
      const pointer = childPointer('/tags', key);
      found.push({ pointer, value: key, isKey: true });
      if (typeof value === 'string') found.push({ pointer, value, isKey: false });
    }
  }
  return found;
}

const noHiddenCharacters: Check = (document, at) =>
  readableStrings(document).flatMap(({ pointer, value, isKey }) => {
    const found = findForbiddenCharacter(value);
    if (found === undefined) return [];
    const what = isKey ? `tag key ${JSON.stringify(value)}` : readablePath(pointer);
    const location = isKey ? at.key(pointer) : at.value(pointer);
    const rule = found.allowedWhere ?? 'control, bidirectional and invisible characters are not allowed (write it on one line, in plain text)';
    return [{ ...location, message: `${what} contains ${found.description} at character ${found.index + 1}; ${rule}` }];
  });

const noPrototypeTagKeys: Check = (document, at) => {
  const tags = own(document, 'tags');
  if (!isMapping(tags)) return [];
  return Object.keys(tags)
    .filter((key) => PROTOTYPE_KEYS.has(key))
    .map((key) => ({ ...at.key(childPointer('/tags', key)), message: `tag key ${JSON.stringify(key)} is reserved (it names a built-in object member, which tools reading tags can mistake for their own); rename it` }));
};

/** The ownership mark is apply's to set (when prune is on); a file that set it could claim or disown a profile. */
const noOwnershipTag: Check = (document, at) => {
  const tags = own(document, 'tags');
  if (!isMapping(tags) || own(tags, OWNERSHIP_TAG_KEY) === undefined) return [];
  return [{ ...at.key(childPointer('/tags', OWNERSHIP_TAG_KEY)), message: `tag key ${JSON.stringify(OWNERSHIP_TAG_KEY)} is reserved: connect-gitops sets it on the profiles it manages when prune is on (its value is the owner in connect-gitops.yaml); remove it` }];
};

const CHECKS: readonly Check[] = [
  checkName,
  concurrencyPerChannel,
  oneEntryPerChannel,
  checkWorkloadTypes,
  oneEntryPerQueueAndChannel('queues'),
  queueChannelPairQuota('queues', LIMITS.queueChannelPairsPerProfile, (limit) => `Connect allows at most ${limit} per routing profile`),
  manualQueueChannels,
  oneEntryPerQueueAndChannel('manualAssignmentQueues'),
  queueChannelPairQuota(
    'manualAssignmentQueues',
    MANUAL_QUEUE_PAIRS_PER_PROFILE,
    (limit) => `at most ${limit} are accepted per routing profile (Connect publishes no quota for them; this is the one for queues)`,
  ),
  checkRenamedFrom,
  checkEnvironments,
  noHiddenCharacters,
  noPrototypeTagKeys,
  noOwnershipTag,
];

export function checkConnectRules(document: YamlMapping, at: DocumentLocator): InputProblem[] {
  return CHECKS.flatMap((check) => check(document, at));
}
