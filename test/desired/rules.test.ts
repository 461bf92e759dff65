// Table tests for every validation rule, with the exact message and position the CLI prints.
import { describe, expect, it } from 'vitest';
import { MANUAL_ASSIGNMENT_CHANNELS, MANUAL_QUEUE_PAIRS_PER_PROFILE, WORKLOAD_TYPE_NAME_MAX_LENGTH } from '../../src/desired/limits.js';
import { parseProfileText } from '../../src/desired/parse-text.js';
import { LIMITS } from '../../src/vocabulary.js';
import { MINIMAL, render } from './helpers.js';

const F = 'profiles/p.yaml';

function problems(text: string): string[] {
  return parseProfileText(F, text).problems.map(render);
}

const QUEUE = (queue: string, channel = 'VOICE', priority: unknown = 1, delay: unknown = 0): string =>
  `  - queue: ${queue}\n    channel: ${channel}\n    priority: ${String(priority)}\n    delay: ${String(delay)}\n`;

const WORKLOAD = (name: string, concurrency = 1, behavior = 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE'): string =>
  `      - {workloadType: ${name}, concurrency: ${concurrency}, crossChannelWorkloadBehavior: ${behavior}}\n`;

/** MINIMAL plus a second channel (line 7) whose workload types start on line 10. */
const TASK = (workloads: string, channel = 'TASK'): string => `${MINIMAL}  - channel: ${channel}\n    concurrency: 3\n    workloadTypes:\n${workloads}`;

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
  // Manual-assignment queues.
  {
    rule: 'manual-assignment queue with a priority and a delay',
    text: `${MINIMAL}manualAssignmentQueues:\n  - queue: Sales\n    channel: CHAT\n    priority: 1\n    delay: 5\n`,
    expected: [
      `${F}:10:5: manualAssignmentQueues[0]: a manual-assignment queue has no priority (agents pick its contacts in the Worklist app); remove "priority", or list the queue under queues to route its contacts`,
      `${F}:11:5: manualAssignmentQueues[0]: a manual-assignment queue has no delay (agents pick its contacts in the Worklist app); remove "delay", or list the queue under queues to route its contacts`,
    ],
  },
  {
    rule: 'manual-assignment queue without a channel',
    text: `${MINIMAL}manualAssignmentQueues:\n  - queue: Sales\n`,
    expected: [`${F}:8:5: manualAssignmentQueues[0]: missing required key "channel"`],
  },
  {
    rule: 'manual-assignment queues not a list',
    text: `${MINIMAL}manualAssignmentQueues: Sales\n`,
    expected: [`${F}:7:25: manualAssignmentQueues must be a list, not a string ("Sales")`],
  },
  {
    rule: 'manual-assignment queue on an unknown channel',
    text: `${MINIMAL}manualAssignmentQueues:\n  - {queue: Sales, channel: Chat}\n`,
    expected: [`${F}:8:29: manualAssignmentQueues[0].channel must be one of VOICE, CHAT, TASK, EMAIL, not "Chat"; did you mean CHAT?`],
  },
  {
    rule: 'one manual-assignment entry per queue and channel',
    text: `${MINIMAL}manualAssignmentQueues:\n  - {queue: Sales, channel: CHAT}\n  - {queue: Sales, channel: TASK}\n  - {queue: Sales, channel: CHAT}\n`,
    expected: [`${F}:10:13: manualAssignmentQueues[2]: queue "Sales" on channel CHAT is listed twice (first on line 8); give one entry per queue and channel`],
  },
  {
    rule: 'at most 50 manual-assignment queue-channel pairs',
    text: `${MINIMAL}manualAssignmentQueues:\n${Array.from({ length: 51 }, (_, i) => `  - {queue: Q${i}, channel: CHAT}\n`).join('')}`,
    expected: [`${F}:58:5: manualAssignmentQueues lists 51 queue-channel pairs; at most 50 are accepted per routing profile (Connect publishes no quota for them; this is the one for queues) (this is entry 51)`],
  },
  // Workload types.
  {
    rule: 'workload types on a channel that has none',
    text: `${MINIMAL}    workloadTypes: []\n`,
    expected: [`${F}:7:5: mediaConcurrencies[0].workloadTypes: VOICE has no workload types (they exist on TASK and EMAIL); remove workloadTypes from this channel`],
  },
  {
    rule: 'more than 5 workload types on a channel',
    text: TASK(Array.from({ length: 6 }, (_, i) => WORKLOAD(`W${i}`)).join('')),
    expected: [`${F}:10:7: mediaConcurrencies[1].workloadTypes lists 6 workload types; Connect allows at most 5 per channel`],
  },
  {
    rule: 'workload type concurrency above 10',
    text: TASK(WORKLOAD('Billing', 11)),
    expected: [`${F}:10:46: mediaConcurrencies[1].workloadTypes[0].concurrency must be between 1 and 10, not 11`],
  },
  {
    rule: 'workload type concurrency 0',
    text: TASK(WORKLOAD('Billing', 0)),
    expected: [`${F}:10:46: mediaConcurrencies[1].workloadTypes[0].concurrency must be between 1 and 10, not 0`],
  },
  {
    rule: 'one entry per workload type on a channel',
    text: TASK(`${WORKLOAD('Billing')}${WORKLOAD('Billing', 2)}`, 'EMAIL'),
    expected: [`${F}:11:24: mediaConcurrencies[1].workloadTypes[1].workloadType: workload type "Billing" is listed twice on channel EMAIL (first on line 10); give one entry per workload type`],
  },
  {
    rule: 'workload type name with a space at an end, a blank one, and one too long',
    text: TASK(`${WORKLOAD('" Billing"')}${WORKLOAD('"  "')}${WORKLOAD('w'.repeat(129))}`),
    expected: [
      `${F}:10:24: mediaConcurrencies[1].workloadTypes[0].workloadType " Billing" starts with a space; remove it`,
      `${F}:11:24: mediaConcurrencies[1].workloadTypes[1].workloadType is blank; write the workload type's name`,
      `${F}:12:24: mediaConcurrencies[1].workloadTypes[2].workloadType is 129 characters long; the limit is 128`,
    ],
  },
  {
    rule: 'unknown crossChannelWorkloadBehavior',
    text: TASK(WORKLOAD('Billing', 1, 'ROUTE_ANY_CHANNEL_ANY_WORKLOADTYPE')),
    expected: [`${F}:10:79: mediaConcurrencies[1].workloadTypes[0].crossChannelWorkloadBehavior must be one of ROUTE_CURRENT_CHANNEL_CURRENT_WORKLOADTYPE_ONLY, ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY, ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE, not "ROUTE_ANY_CHANNEL_ANY_WORKLOADTYPE"; did you mean ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE?`],
  },
  {
    rule: 'workload type without its behaviour',
    text: TASK('      - {workloadType: Billing, concurrency: 1}\n'),
    expected: [`${F}:10:9: mediaConcurrencies[1].workloadTypes[0]: missing required key "crossChannelWorkloadBehavior"`],
  },
  // Names.
  {
    rule: 'blank name',
    text: MINIMAL.replace('name: Tier1 Support', 'name: "   "'),
    expected: [`${F}:1:7: name is blank; give the profile a name people can read`],
  },
  {
    rule: 'name starting with a space',
    text: MINIMAL.replace('name: Tier1 Support', 'name: " Tier1 Support"'),
    expected: [`${F}:1:7: name " Tier1 Support" starts with a space, which no one sees in the console; remove it`],
  },
  {
    rule: 'name ending with a no-break space',
    text: MINIMAL.replace('name: Tier1 Support', 'name: "Tier1 Support\\u00A0"'),
    expected: [`${F}:1:7: name "Tier1 Support\u00A0" ends with a space, which no one sees in the console; remove it`],
  },
  // Former names.
  {
    rule: 'renamedFrom naming the profile itself',
    text: `${MINIMAL}renamedFrom: Tier1 Support\n`,
    expected: [`${F}:7:14: renamedFrom "Tier1 Support" is this profile's own name; list only former names`],
  },
  {
    rule: 'renamedFrom listing a name twice, and a blank one',
    text: `${MINIMAL}renamedFrom:\n  - Old\n  - Older\n  - Old\n  - "  "\n`,
    expected: [`${F}:10:5: renamedFrom[2] "Old" is listed twice (first on line 8)`, `${F}:11:5: renamedFrom[3] is blank; write the profile's former name`],
  },
  {
    rule: 'renamedFrom neither a name nor a list',
    text: `${MINIMAL}renamedFrom: 5\n`,
    expected: [`${F}:7:14: renamedFrom must be a string or a list, not a number (5)`],
  },
  {
    rule: 'renamedFrom listing a number',
    text: `${MINIMAL}renamedFrom: [5]\n`,
    expected: [`${F}:7:15: renamedFrom[0] must be a string, not a number (5); quote it if it is meant as text: "5"`],
  },
  {
    rule: 'renamedFrom an empty list',
    text: `${MINIMAL}renamedFrom: []\n`,
    expected: [`${F}:7:14: renamedFrom must list at least 1 entry`],
  },
  {
    rule: 'renamedFrom an empty name',
    text: `${MINIMAL}renamedFrom: ""\n`,
    expected: [`${F}:7:14: renamedFrom must not be empty`],
  },
  // Environments.
  {
    rule: 'environments: the reserved name, a repeat and spaces at an end',
    text: `${MINIMAL}environments: [dev, all, dev, " prod"]\n`,
    expected: [
      `${F}:7:21: environments[1]: "all" is reserved (--env all means every environment); leave environments out to declare the profile everywhere`,
      `${F}:7:26: environments[2]: environment "dev" is listed twice (first on line 7)`,
      `${F}:7:31: environments[3] " prod" has spaces at an end; write the environment name as connect-gitops.yaml defines it`,
    ],
  },
  {
    rule: 'environments an empty list',
    text: `${MINIMAL}environments: []\n`,
    expected: [`${F}:7:15: environments must list at least 1 entry`],
  },
  {
    rule: 'environments a single name',
    text: `${MINIMAL}environments: dev\n`,
    expected: [`${F}:7:15: environments must be a list, not a string ("dev")`],
  },
  // The ownership tag.
  {
    rule: 'the reserved ownership tag key',
    text: `${MINIMAL}tags:\n  connect-gitops:managed-by: me\n`,
    expected: [`${F}:8:3: tag key "connect-gitops:managed-by" is reserved: connect-gitops sets it on the profiles it manages when prune is on (its value is the owner in connect-gitops.yaml); remove it`],
  },
  // Joiners.
  {
    rule: 'zero width joiner between Latin letters',
    text: MINIMAL.replace('name: Tier1 Support', 'name: "Tier1\\u200DSupport"'),
    expected: [`${F}:1:7: name contains U+200D (ZERO WIDTH JOINER) at character 6; joiners are allowed only between two non-ASCII characters, as in Indic and Arabic scripts and emoji sequences`],
  },
  {
    rule: 'zero width non-joiner at the end of a name',
    text: MINIMAL.replace('name: Tier1 Support', 'name: "सहायता\\u200C"'),
    expected: [`${F}:1:7: name contains U+200C (ZERO WIDTH NON-JOINER) at character 7; joiners are allowed only between two non-ASCII characters, as in Indic and Arabic scripts and emoji sequences`],
  },
  {
    rule: 'word joiner, invisible in any script',
    text: MINIMAL.replace('name: Tier1 Support', 'name: "सहा\\u2060यता"'),
    expected: [`${F}:1:7: name contains U+2060 (WORD JOINER) at character 4; control, bidirectional and invisible characters are not allowed (write it on one line, in plain text)`],
  },
  {
    rule: 'zero width space in a workload type and in a former name',
    text: TASK(WORKLOAD('"Bill\\u200Bing"')).replace('\nmediaConcurrencies', '\nrenamedFrom: "Old\\u200B"\nmediaConcurrencies'),
    expected: [
      `${F}:4:14: renamedFrom contains U+200B (ZERO WIDTH SPACE) at character 4; control, bidirectional and invisible characters are not allowed (write it on one line, in plain text)`,
      `${F}:11:24: mediaConcurrencies[1].workloadTypes[0].workloadType contains U+200B (ZERO WIDTH SPACE) at character 5; control, bidirectional and invisible characters are not allowed (write it on one line, in plain text)`,
    ],
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

  it('reads manual-assignment queues, workload types, former names and environments as written', () => {
    const text = `${MINIMAL}  - channel: TASK
    concurrency: 3
    workloadTypes:
${WORKLOAD('Billing', 2)}${WORKLOAD('Claims', 1, 'ROUTE_CURRENT_CHANNEL_CURRENT_WORKLOADTYPE_ONLY')}manualAssignmentQueues:
  - {queue: Callbacks, channel: TASK}
  - {queue: Sales, channel: CHAT}
renamedFrom: [Tier1, Tier 1 Support]
environments: [dev, test]
`;
    const parsed = parseProfileText(F, text);
    expect(parsed.problems).toEqual([]);
    const [profile] = parsed.profiles;
    expect(profile.mediaConcurrencies[1]).toEqual({
      channel: 'TASK',
      concurrency: 3,
      workloadTypes: [
        { workloadType: 'Billing', concurrency: 2, crossChannelWorkloadBehavior: 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE' },
        { workloadType: 'Claims', concurrency: 1, crossChannelWorkloadBehavior: 'ROUTE_CURRENT_CHANNEL_CURRENT_WORKLOADTYPE_ONLY' },
      ],
    });
    expect(profile.manualAssignmentQueues).toEqual([
      { queue: 'Callbacks', channel: 'TASK' },
      { queue: 'Sales', channel: 'CHAT' },
    ]);
    expect(profile.renamedFrom).toEqual(['Tier1', 'Tier 1 Support']);
    expect(profile.environments).toEqual(['dev', 'test']);
    expect(profile.locations['/manualAssignmentQueues/1/queue']).toEqual({ file: F, line: 14, column: 13 });
    expect(profile.locations['/renamedFrom/1']).toEqual({ file: F, line: 15, column: 22 });
  });

  it('reads one former name as a list of one', () => {
    const [profile] = parseProfileText(F, `${MINIMAL}renamedFrom: Tier1\n`).profiles;
    expect(profile.renamedFrom).toEqual(['Tier1']);
    expect(profile.locations['/renamedFrom']).toEqual({ file: F, line: 7, column: 14 });
  });

  it('keeps `manualAssignmentQueues: []` and `workloadTypes: []` as "none", and leaves them absent when not written', () => {
    const [none] = parseProfileText(F, `${MINIMAL}  - channel: TASK\n    concurrency: 3\n    workloadTypes: []\nmanualAssignmentQueues: []\n`).profiles;
    expect(none.manualAssignmentQueues).toEqual([]);
    expect(none.mediaConcurrencies[1]).toEqual({ channel: 'TASK', concurrency: 3, workloadTypes: [] });
    const [unmanaged] = parseProfileText(F, `${MINIMAL}  - channel: TASK\n    concurrency: 3\n`).profiles;
    expect(unmanaged).not.toHaveProperty('manualAssignmentQueues');
    expect(unmanaged.mediaConcurrencies[1]).not.toHaveProperty('workloadTypes');
  });

  it('accepts manual-assignment queues on VOICE (UNVERIFIED in Connect: MANUAL_ASSIGNMENT_CHANNELS)', () => {
    expect(MANUAL_ASSIGNMENT_CHANNELS).toContain('VOICE');
    expect(problems(`${MINIMAL}manualAssignmentQueues:\n  - {queue: Callbacks, channel: VOICE}\n`)).toEqual([]);
  });

  it('accepts every limit at its bound', () => {
    const manual = Array.from({ length: MANUAL_QUEUE_PAIRS_PER_PROFILE }, (_, i) => `  - {queue: Q${i}, channel: CHAT}\n`).join('');
    expect(problems(`${MINIMAL}manualAssignmentQueues:\n${manual}`)).toEqual([]);
    const workloads = Array.from({ length: LIMITS.workloadTypesPerChannel }, (_, i) => WORKLOAD(`W${i}`, 10)).join('');
    expect(problems(TASK(workloads, 'EMAIL'))).toEqual([]);
    expect(problems(TASK(WORKLOAD('w'.repeat(WORKLOAD_TYPE_NAME_MAX_LENGTH))))).toEqual([]);
    expect(problems(TASK(WORKLOAD('Fatura 2/ödeme-ÇAĞRI (night)')))).toEqual([]);
  });

  it.each([
    ['Devanagari conjunct with ZWJ', 'क्\u200Dष सहायता'],
    ['Persian word with ZWNJ', 'پشتیبانی می\u200Cشود'],
    ['emoji ZWJ sequence', 'Team 👩\u200D💻'],
    ['emoji with skin tone and ZWJ', 'Team 👩🏽\u200D🚀'],
  ])('accepts a name with joiners where the script needs them: %s', (_what, name) => {
    const [profile] = parseProfileText(F, MINIMAL.replace('name: Tier1 Support', `name: ${JSON.stringify(name)}`)).profiles;
    expect(profile.name).toBe(name);
  });

  it('accepts former names with spaces at either end: that is how a badly named live profile gets a good name', () => {
    expect(parseProfileText(F, `${MINIMAL}renamedFrom: " Tier1 Support "\n`).profiles[0].renamedFrom).toEqual([' Tier1 Support ']);
  });
});
