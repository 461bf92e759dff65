// Table tests for every validation rule, with the exact message and position the CLI prints.
import { describe, expect, it } from 'vitest';
import { parseProfileText } from '../../src/desired/parse-text.js';
import { MINIMAL, render } from './helpers.js';

const F = 'profiles/p.yaml';

function problems(text: string): string[] {
  return parseProfileText(F, text).problems.map(render);
}

const QUEUE = (queue: string, channel = 'VOICE', priority: unknown = 1, delay: unknown = 0): string =>
  `  - queue: ${queue}\n    channel: ${channel}\n    priority: ${String(priority)}\n    delay: ${String(delay)}\n`;

interface Case {
  rule: string;
  text: string;
  expected: string[];
}

const cases: Case[] = [
  // Required keys and types.
  {
    rule: 'required key missing',
    text: 'name: n\ndescription: d\nmediaConcurrencies: [{channel: VOICE, concurrency: 1}]\n',
    expected: [`${F}:1:1: missing required key "defaultOutboundQueue"`],
  },
  {
    rule: 'concurrency given as a quoted string',
    text: MINIMAL.replace('concurrency: 1', 'concurrency: "3"'),
    expected: [`${F}:6:18: mediaConcurrencies[0].concurrency must be a whole number, not a string ("3"); write 3 without quotes`],
  },
  {
    rule: 'priority given as a fraction',
    text: `${MINIMAL}queues:\n${QUEUE('BasicQueue', 'VOICE', 1.5)}`,
    expected: [`${F}:10:15: queues[0].priority must be a whole number, not a fractional number (1.5)`],
  },
  {
    rule: 'name given as a number',
    text: MINIMAL.replace('name: Tier1 Support', 'name: 42'),
    expected: [`${F}:1:7: name must be a string, not a number (42); quote it if it is meant as text: "42"`],
  },
  {
    rule: 'empty value',
    text: MINIMAL.replace('defaultOutboundQueue: BasicQueue', 'defaultOutboundQueue:'),
    expected: [`${F}:3:1: defaultOutboundQueue must be a string, not empty`],
  },
  // Ranges and lengths from Connect's model.
  {
    rule: 'name longer than 127',
    text: MINIMAL.replace('name: Tier1 Support', `name: ${'x'.repeat(128)}`),
    expected: [`${F}:1:7: name is 128 characters long; the limit is 127`],
  },
  {
    rule: 'empty name',
    text: MINIMAL.replace('name: Tier1 Support', "name: ''"),
    expected: [`${F}:1:7: name must not be empty`],
  },
  {
    rule: 'description longer than 250',
    text: MINIMAL.replace('description: Frontline agents', `description: ${'d'.repeat(251)}`),
    expected: [`${F}:2:14: description is 251 characters long; the limit is 250`],
  },
  {
    rule: 'priority above 99',
    text: `${MINIMAL}queues:\n${QUEUE('BasicQueue', 'VOICE', 100)}`,
    expected: [`${F}:10:15: queues[0].priority must be between 1 and 99, not 100`],
  },
  {
    rule: 'delay above 9999',
    text: `${MINIMAL}queues:\n${QUEUE('BasicQueue', 'VOICE', 1, 10000)}`,
    expected: [`${F}:11:12: queues[0].delay must be between 0 and 9999, not 10000`],
  },
  {
    rule: 'delay below 0',
    text: `${MINIMAL}queues:\n${QUEUE('BasicQueue', 'VOICE', 1, -5)}`,
    expected: [`${F}:11:12: queues[0].delay must be between 0 and 9999, not -5`],
  },
  // Per-channel concurrency.
  {
    rule: 'VOICE concurrency other than 1',
    text: MINIMAL.replace('concurrency: 1', 'concurrency: 2'),
    expected: [`${F}:6:18: mediaConcurrencies[0].concurrency: VOICE concurrency must be exactly 1, not 2`],
  },
  {
    rule: 'CHAT concurrency above 10',
    text: `${MINIMAL}  - channel: CHAT\n    concurrency: 11\n`,
    expected: [`${F}:8:18: mediaConcurrencies[1].concurrency must be between 1 and 10, not 11`],
  },
  {
    rule: 'EMAIL concurrency 0',
    text: `${MINIMAL}  - channel: EMAIL\n    concurrency: 0\n`,
    expected: [`${F}:8:18: mediaConcurrencies[1].concurrency must be between 1 and 10, not 0`],
  },
  // Enums.
  {
    rule: 'unknown channel, with a suggestion',
    text: MINIMAL.replace('channel: VOICE', 'channel: Voice'),
    expected: [`${F}:5:14: mediaConcurrencies[0].channel must be one of VOICE, CHAT, TASK, EMAIL, not "Voice"; did you mean VOICE?`],
  },
  {
    rule: 'unknown crossChannelBehavior',
    text: `${MINIMAL}    crossChannelBehavior: ROUTE_ANY_CHANEL\n`,
    expected: [`${F}:7:27: mediaConcurrencies[0].crossChannelBehavior must be one of ROUTE_CURRENT_CHANNEL_ONLY, ROUTE_ANY_CHANNEL, not "ROUTE_ANY_CHANEL"; did you mean ROUTE_ANY_CHANNEL?`],
  },
  {
    rule: 'unknown agentAvailabilityTimer',
    text: `${MINIMAL}agentAvailabilityTimer: TIME_SINCE_LAST_INBOUNDS\n`,
    expected: [`${F}:7:25: agentAvailabilityTimer must be one of TIME_SINCE_LAST_ACTIVITY, TIME_SINCE_LAST_INBOUND, not "TIME_SINCE_LAST_INBOUNDS"; did you mean TIME_SINCE_LAST_INBOUND?`],
  },
  // Unknown keys.
  {
    rule: 'misspelt key, with a suggestion and without a redundant "missing" message',
    text: MINIMAL.replace('concurrency: 1', 'concurency: 1'),
    expected: [`${F}:6:5: unknown key "concurency" in mediaConcurrencies[0]; did you mean "concurrency"? (allowed: channel, concurrency, crossChannelBehavior, workloadTypes)`],
  },
  {
    rule: 'unknown top-level key without a close match',
    text: `${MINIMAL}owner: ops\n`,
    expected: [`${F}:7:1: unknown key "owner" (allowed: name, description, defaultOutboundQueue, agentAvailabilityTimer, mediaConcurrencies, queues, manualAssignmentQueues, tags, renamedFrom, environments)`],
  },
  {
    rule: '__proto__ is an unknown key',
    text: `${MINIMAL}__proto__: {polluted: true}\n`,
    expected: [`${F}:7:1: unknown key "__proto__" (allowed: name, description, defaultOutboundQueue, agentAvailabilityTimer, mediaConcurrencies, queues, manualAssignmentQueues, tags, renamedFrom, environments)`],
  },
  // Uniqueness.
  {
    rule: 'duplicate key',
    text: `${MINIMAL}description: again\n`,
    expected: [`${F}:7:1: duplicate key "description" (first set on line 2)`],
  },
  {
    rule: 'one entry per channel',
    text: `${MINIMAL}  - channel: VOICE\n    concurrency: 1\n`,
    expected: [`${F}:7:14: mediaConcurrencies[1].channel: channel VOICE is listed twice (first on line 5); give one entry per channel`],
  },
  {
    rule: 'one entry per queue and channel',
    text: `${MINIMAL}queues:\n${QUEUE('Sales')}${QUEUE('Sales', 'CHAT')}${QUEUE('Sales', 'VOICE', 2)}`,
    expected: [`${F}:16:12: queues[2]: queue "Sales" on channel VOICE is listed twice (first on line 8); give one entry per queue and channel`],
  },
  {
    rule: 'at most 50 queue-channel pairs',
    text: `${MINIMAL}queues:\n${Array.from({ length: 51 }, (_, i) => QUEUE(`Q${i}`)).join('')}`,
    expected: [`${F}:208:5: queues lists 51 queue-channel pairs; Connect allows at most 50 per routing profile (this is entry 51)`],
  },
  // Tags.
  {
    rule: 'tag key starting with aws:',
    text: `${MINIMAL}tags:\n  aws:createdBy: me\n`,
    expected: [`${F}:8:3: tag key "aws:createdBy" starts with the reserved prefix "aws:"; such tags belong to AWS and are never managed, remove it`],
  },
  {
    rule: 'more than 50 tags',
    text: `${MINIMAL}tags:\n${Array.from({ length: 51 }, (_, i) => `  k${i}: v\n`).join('')}`,
    expected: [`${F}:8:3: tags has 51 entries; Connect allows at most 50`],
  },
  {
    rule: 'tag key longer than 128',
    text: `${MINIMAL}tags:\n  ${'k'.repeat(129)}: v\n`,
    expected: [`${F}:8:3: tag key "kkkkkkkkkkkkkkkkkkkk"... is 129 characters long; the limit is 128`],
  },
  {
    rule: 'tag value longer than 256',
    text: `${MINIMAL}tags:\n  team: ${'v'.repeat(257)}\n`,
    expected: [`${F}:8:9: tags.team is 257 characters long; the limit is 256`],
  },
  {
    rule: 'tag value not a string',
    text: `${MINIMAL}tags:\n  tier: 1\n`,
    expected: [`${F}:8:9: tags.tier must be a string, not a number (1); quote it if it is meant as text: "1"`],
  },
  {
    rule: 'tag key naming an object member',
    text: `${MINIMAL}tags:\n  constructor: x\n`,
    expected: [`${F}:8:3: tag key "constructor" is reserved (it names a built-in object member, which tools reading tags can mistake for their own); rename it`],
  },
  // Hidden characters.
  {
    rule: 'right-to-left override in a name',
    text: MINIMAL.replace('name: Tier1 Support', 'name: "Tier1 \\u202Etroppus"'),
    expected: [`${F}:1:7: name contains U+202E (RIGHT-TO-LEFT OVERRIDE) at character 7; control, bidirectional and invisible characters are not allowed (write it on one line, in plain text)`],
  },
  {
    rule: 'escaped control character in a description',
    text: MINIMAL.replace('description: Frontline agents', 'description: "Front\\x1Bline"'),
    expected: [`${F}:2:14: description contains U+001B (control character) at character 6; control, bidirectional and invisible characters are not allowed (write it on one line, in plain text)`],
  },
  {
    rule: 'bidirectional isolate in a tag key',
    text: `${MINIMAL}tags:\n  "team\\u2066": x\n`,
    expected: [`${F}:8:3: tag key "team\u2066" contains U+2066 (LEFT-TO-RIGHT ISOLATE) at character 5; control, bidirectional and invisible characters are not allowed (write it on one line, in plain text)`],
  },
  // Document shape and YAML itself.
  {
    rule: 'document that is a list',
    text: '- a\n- b\n',
    expected: [`${F}:1:1: each document must be a mapping describing one routing profile, but this one is a list`],
  },
  {
    rule: 'document that is a scalar',
    text: '# nothing but a value\n42\n',
    expected: [`${F}:2:1: each document must be a mapping describing one routing profile, but this one is a single value ("42")`],
  },
  {
    rule: 'tab indentation',
    text: 'name: n\nmediaConcurrencies:\n\t- channel: VOICE\n',
    expected: [`${F}:3:1: tab used for indentation; YAML indents with spaces only`],
  },
  {
    rule: 'syntax error',
    text: 'name: n\n description: d\n',
    expected: [`${F}:2:13: YAML syntax error: bad indentation of a mapping entry`],
  },
  {
    rule: 'nesting beyond the bound',
    text: `${MINIMAL}tags: ${'['.repeat(40)}${']'.repeat(40)}\n`,
    expected: [`${F}:7:38: nesting deeper than 32 levels; a routing profile needs at most 4`],
  },
  {
    rule: 'nesting beyond the bound through aliases',
    text: `${MINIMAL}x: &deep ${'['.repeat(25)}1${']'.repeat(25)}\ntags: ${'['.repeat(25)}*deep${']'.repeat(25)}\n`,
    expected: [`${F}:7:17: values nest more than 32 levels deep`],
  },
  {
    rule: 'a document with more values than the bound',
    text: `${MINIMAL}tags: [${'1,'.repeat(20_000)}1]\n`,
    expected: [`${F}:7:39974: document has more than 20000 values; a routing profile needs a few hundred at most`],
  },
  {
    rule: 'alias to an unknown anchor',
    text: MINIMAL.replace('BasicQueue', '*queue'),
    expected: [`${F}:3:23: alias *queue refers to no anchor defined before it in this document`],
  },
  {
    rule: 'unsupported tag',
    text: MINIMAL.replace('BasicQueue', '!!timestamp 2024-01-01'),
    expected: [`${F}:3:23: tag !!timestamp is not supported; write the value without a tag`],
  },
];

describe('validation rules', () => {
  it.each(cases)('$rule', ({ text, expected }) => {
    expect(problems(text)).toEqual(expected);
  });

  it('reports every problem of a document at once, in source order', () => {
    const text = `name: ""
description: d
defaultOutboundQueue: BasicQueue
mediaConcurrencies:
  - channel: VOICE
    concurrency: 2
  - channel: CHAT
    concurrency: "4"
queues:
${QUEUE('Sales', 'VOICE', 0)}tags:
  aws:x: y
`;
    expect(problems(text)).toEqual([
      `${F}:1:7: name must not be empty`,
      `${F}:6:18: mediaConcurrencies[0].concurrency: VOICE concurrency must be exactly 1, not 2`,
      `${F}:8:18: mediaConcurrencies[1].concurrency must be a whole number, not a string ("4"); write 4 without quotes`,
      `${F}:12:15: queues[0].priority must be between 1 and 99, not 0`,
      `${F}:15:3: tag key "aws:x" starts with the reserved prefix "aws:"; such tags belong to AWS and are never managed, remove it`,
    ]);
  });

  it('reports problems of every document in a file', () => {
    const text = `${MINIMAL.replace('concurrency: 1', 'concurrency: 5')}---\n${MINIMAL.replace('Tier1 Support', 'Tier2').replace('BasicQueue', '')}`;
    expect(problems(text)).toEqual([
      `${F}:6:18: mediaConcurrencies[0].concurrency: VOICE concurrency must be exactly 1, not 5`,
      `${F}:10:1: defaultOutboundQueue must be a string, not empty`,
    ]);
  });

  it('accepts a valid profile and records where each value is written', () => {
    const parsed = parseProfileText(F, `# a comment\n${MINIMAL}queues:\n${QUEUE('Sales')}tags:\n  cost/centre: x\n`);
    expect(parsed.problems).toEqual([]);
    const [profile] = parsed.profiles;
    expect(profile.source).toEqual({ file: F, line: 2, column: 1 });
    expect(profile.locations['/name']).toEqual({ file: F, line: 2, column: 7 });
    expect(profile.locations['/defaultOutboundQueue']).toEqual({ file: F, line: 4, column: 23 });
    expect(profile.locations['/queues/0/queue']).toEqual({ file: F, line: 9, column: 12 });
    expect(profile.locations['/tags/cost~1centre']).toEqual({ file: F, line: 14, column: 16 });
  });

  it('leaves optional fields the file does not state absent (not managed)', () => {
    const [profile] = parseProfileText(F, MINIMAL).profiles;
    expect(Object.keys(profile).sort()).toEqual(['defaultOutboundQueue', 'description', 'locations', 'mediaConcurrencies', 'name', 'source']);
    expect(profile.mediaConcurrencies).toEqual([{ channel: 'VOICE', concurrency: 1 }]);
  });

  it('keeps `queues: []` and `tags: {}` as "none"', () => {
    const [profile] = parseProfileText(F, `${MINIMAL}queues: []\ntags: {}\n`).profiles;
    expect(profile.queues).toEqual([]);
    expect(profile.tags).toEqual({});
  });

  it('never touches Object.prototype, whatever the keys', () => {
    const text = `${MINIMAL}__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\n`;
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    expect(problems(text)).toHaveLength(2);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
