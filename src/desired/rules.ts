// Connect's own rules that a JSON Schema cannot say (or cannot say clearly): per-channel concurrency,
// uniqueness inside lists, the queue-channel pair quota, and characters that must not hide in names and tags.
// These run on the raw document even when the schema failed, so every problem is reported in one go; each
// check therefore looks at types itself and ignores what the schema already reports.
import type { InputProblem } from '../errors.js';
import { CHANNELS, CONCURRENCY_RANGE, LIMITS, type Channel } from '../vocabulary.js';
import type { YamlMapping, YamlValue } from './construct.js';
import type { DocumentLocator } from './document.js';
import { childPointer, readablePath } from './pointer.js';
import { PROTOTYPE_KEYS } from './tag-keys.js';
import { findForbiddenCharacter } from './text-safety.js';

type Check = (document: YamlMapping, at: DocumentLocator) => InputProblem[];

function isMapping(value: YamlValue | undefined): value is YamlMapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entries(value: YamlValue | undefined): [number, YamlMapping][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index): [number, YamlMapping][] => (isMapping(item) ? [[index, item]] : []));
}

function isChannel(value: YamlValue | undefined): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

function own(mapping: YamlMapping, key: string): YamlValue | undefined {
  return Object.prototype.hasOwnProperty.call(mapping, key) ? mapping[key] : undefined;
}

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

const oneEntryPerQueueAndChannel: Check = (document, at) => {
  const first = new Map<string, number>();
  return entries(own(document, 'queues')).flatMap(([index, entry]) => {
    const queue = own(entry, 'queue');
    const channel = own(entry, 'channel');
    if (typeof queue !== 'string' || !isChannel(channel)) return [];
    const identity = JSON.stringify([queue, channel]);
    const earlier = first.get(identity);
    if (earlier === undefined) {
      first.set(identity, index);
      return [];
    }
    const pointer = `/queues/${index}/queue`;
    const line = at.value(`/queues/${earlier}/queue`).line;
    return [{ ...at.value(pointer), message: `${readablePath(`/queues/${index}`)}: queue ${JSON.stringify(queue)} on channel ${channel} is listed twice (first on line ${line}); give one entry per queue and channel` }];
  });
};

const queueChannelPairQuota: Check = (document, at) => {
  const queues = own(document, 'queues');
  const limit = LIMITS.queueChannelPairsPerProfile;
  if (!Array.isArray(queues) || queues.length <= limit) return [];
  const pointer = `/queues/${limit}`;
  return [{ ...at.value(pointer), message: `queues lists ${queues.length} queue-channel pairs; Connect allows at most ${limit} per routing profile (this is entry ${limit + 1})` }];
};

/** The strings a person reads and compares: names, descriptions, queue references and tags. */
function readableStrings(document: YamlMapping): { pointer: string; value: string; isKey: boolean }[] {
  const found: { pointer: string; value: string; isKey: boolean }[] = [];
  for (const key of ['name', 'description', 'defaultOutboundQueue']) {
    const value = own(document, key);
    if (typeof value === 'string') found.push({ pointer: `/${key}`, value, isKey: false });
  }
  for (const [index, entry] of entries(own(document, 'queues'))) {
    const queue = own(entry, 'queue');
    if (typeof queue === 'string') found.push({ pointer: `/queues/${index}/queue`, value: queue, isKey: false });
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
    return [{ ...location, message: `${what} contains ${found.description} at character ${found.index + 1}; control, bidirectional and invisible characters are not allowed (write it on one line, in plain text)` }];
  });

const noPrototypeTagKeys: Check = (document, at) => {
  const tags = own(document, 'tags');
  if (!isMapping(tags)) return [];
  return Object.keys(tags)
    .filter((key) => PROTOTYPE_KEYS.has(key))
    .map((key) => ({ ...at.key(childPointer('/tags', key)), message: `tag key ${JSON.stringify(key)} is reserved (it names a built-in object member, which tools reading tags can mistake for their own); rename it` }));
};

const CHECKS: readonly Check[] = [
  concurrencyPerChannel,
  oneEntryPerChannel,
  oneEntryPerQueueAndChannel,
  queueChannelPairQuota,
  noHiddenCharacters,
  noPrototypeTagKeys,
];

export function checkConnectRules(document: YamlMapping, at: DocumentLocator): InputProblem[] {
  return CHECKS.flatMap((check) => check(document, at));
}
