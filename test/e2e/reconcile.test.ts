// One test per kind of change (issue: reconcile): the built CLI, the real SDK over HTTP, the emulator.
// Each asserts the exact mutating calls Connect received, that plan sent none, and that a second plan is empty.
import { describe, expect, it } from 'vitest';
import { UpdateRoutingProfileConcurrencyCommand, TagResourceCommand, UpdateRoutingProfileQueuesCommand } from '@aws-sdk/client-connect';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { cliEnv, isRead, isWrite, received, runCli, sdkFor, releasedAfterEach } from './harness.js';
import { MANY_QUEUES, QUEUE_IDS, SEED_QUEUES, support, toYaml, type ProfileDoc } from './fixtures.js';

const scope = releasedAfterEach();

async function start(live: ProfileDoc[], extraQueues: { name: string; queueId: string }[] = []) {
  const emu = await scope.emulator({ queues: [...SEED_QUEUES, ...extraQueues], profiles: live });
  return emu;
}

function profileId(e: RunningEmulator, name: string): string {
  const p = e.snapshot().profiles.find((x) => x.name === name);
  if (!p) throw new Error(`no live profile ${name}`);
  return p.routingProfileId;
}

function profileArn(e: RunningEmulator, name: string): string {
  const p = e.snapshot().profiles.find((x) => x.name === name);
  if (!p) throw new Error(`no live profile ${name}`);
  return p.arn;
}

/** plan (must send no write), apply, then plan again (must be empty). Returns the writes apply sent. */
async function reconcile(e: RunningEmulator, docs: ProfileDoc[]) {
  const files = scope.profiles({ 'profiles.yaml': toYaml(...docs) });
  const env = cliEnv(e);
  e.clearRequestLog();
  const plan = await runCli(['plan', '--dir', files.dir, '--format', 'json', '--detailed-exitcode'], { env });
  expect(plan.stderr).not.toMatch(/Error/);
  expect(received(e, isWrite)).toEqual([]);
  e.clearRequestLog();
  const apply = await runCli(['apply', '--dir', files.dir, '--auto-approve'], { env });
  expect(apply.stderr).toBe('');
  expect(apply.code).toBe(0);
  const writes = received(e, isWrite);
  e.clearRequestLog();
  const again = await runCli(['plan', '--dir', files.dir, '--detailed-exitcode'], { env });
  expect(again.stdout).toContain('No changes. Routing profiles match the files.');
  expect(again.code).toBe(0);
  expect(received(e, isWrite)).toEqual([]);
  return { plan, planJson: JSON.parse(plan.stdout) as { changes: { action: string; diffs: { field: string }[]; calls: { operation: string; input: unknown }[] }[] }, apply, writes };
}

describe('reconcile end to end', () => {
  it('creates a missing profile with one CreateRoutingProfile carrying everything', async () => {
    const e = await start([]);
    const { plan, planJson, writes } = await reconcile(e, [support()]);
    expect(plan.code).toBe(2);
    expect(planJson.changes[0].action).toBe('create');
    expect(writes).toEqual([
      {
        operation: 'CreateRoutingProfile',
        input: {
          InstanceId: e.instanceId,
          Name: 'Tier1 Support',
          Description: 'Frontline agents',
          DefaultOutboundQueueId: QUEUE_IDS.BasicQueue,
          MediaConcurrencies: [
            { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
            { Channel: 'CHAT', Concurrency: 3, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
          ],
          QueueConfigs: [
            { QueueReference: { QueueId: QUEUE_IDS.Support, Channel: 'VOICE' }, Priority: 1, Delay: 0 },
            { QueueReference: { QueueId: QUEUE_IDS.Support, Channel: 'CHAT' }, Priority: 2, Delay: 30 },
          ],
          Tags: { team: 'support' },
        },
      },
    ]);
    // What the plan showed is what apply sent.
    expect(planJson.changes[0].calls).toEqual(writes);
  });

  it('creates a profile with 16 queues: 10 in the create, 6 in one AssociateRoutingProfileQueues', async () => {
    const e = await start([], MANY_QUEUES);
    const queues = MANY_QUEUES.slice(0, 16).map((q, i) => ({ queue: q.name, channel: 'VOICE' as const, priority: i + 1, delay: i }));
    const { writes } = await reconcile(e, [support({ queues, tags: undefined })]);
    expect(writes.map((w) => w.operation)).toEqual(['CreateRoutingProfile', 'AssociateRoutingProfileQueues']);
    type Configs = { QueueConfigs: { QueueReference: { QueueId: string } }[] };
    const inCreate = (writes[0].input as Configs).QueueConfigs;
    const associate = writes[1].input as Configs & { RoutingProfileId: string };
    expect(inCreate).toHaveLength(10);
    expect(associate.RoutingProfileId).toBe(profileId(e, 'Tier1 Support'));
    expect(associate.QueueConfigs).toHaveLength(6);
    // Together exactly the 16 pairs of the file, each once, with its own priority and delay.
    const all = [...inCreate, ...associate.QueueConfigs].sort((a, b) => a.QueueReference.QueueId.localeCompare(b.QueueReference.QueueId));
    expect(all).toEqual(
      MANY_QUEUES.slice(0, 16)
        .map((q, i) => ({ QueueReference: { QueueId: q.queueId, Channel: 'VOICE' }, Priority: i + 1, Delay: i }))
        .sort((a, b) => a.QueueReference.QueueId.localeCompare(b.QueueReference.QueueId)),
    );
  });

  it('changes only the description with UpdateRoutingProfileName', async () => {
    const e = await start([support()]);
    const { writes } = await reconcile(e, [support({ description: 'Frontline agents, all regions' })]);
    expect(writes).toEqual([
      {
        operation: 'UpdateRoutingProfileName',
        input: { InstanceId: e.instanceId, RoutingProfileId: profileId(e, 'Tier1 Support'), Name: 'Tier1 Support', Description: 'Frontline agents, all regions' },
      },
    ]);
  });

  it('changes only the default outbound queue', async () => {
    const e = await start([support()]);
    const { writes } = await reconcile(e, [support({ defaultOutboundQueue: 'Callbacks' })]);
    expect(writes).toEqual([
      {
        operation: 'UpdateRoutingProfileDefaultOutboundQueue',
        input: { InstanceId: e.instanceId, RoutingProfileId: profileId(e, 'Tier1 Support'), DefaultOutboundQueueId: QUEUE_IDS.Callbacks },
      },
    ]);
  });

  it('changes only the agent availability timer', async () => {
    const e = await start([support({ agentAvailabilityTimer: 'TIME_SINCE_LAST_ACTIVITY' })]);
    const { writes } = await reconcile(e, [support({ agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND' })]);
    expect(writes).toEqual([
      {
        operation: 'UpdateRoutingProfileAgentAvailabilityTimer',
        input: { InstanceId: e.instanceId, RoutingProfileId: profileId(e, 'Tier1 Support'), AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND' },
      },
    ]);
  });

  it('changes only a concurrency, sending the full desired list', async () => {
    const e = await start([support()]);
    const { writes } = await reconcile(e, [
      support({ mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' }, { channel: 'CHAT', concurrency: 5 }] }),
    ]);
    expect(writes).toEqual([
      {
        operation: 'UpdateRoutingProfileConcurrency',
        input: {
          InstanceId: e.instanceId,
          RoutingProfileId: profileId(e, 'Tier1 Support'),
          MediaConcurrencies: [
            { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
            { Channel: 'CHAT', Concurrency: 5, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
          ],
        },
      },
    ]);
  });

  it('sees cross-channel behaviour drift while the concurrency stays equal (Search cannot show it)', async () => {
    const e = await start([support()]);
    // Someone flips CHAT to ROUTE_ANY_CHANNEL in the console; the concurrency numbers stay the same.
    await sdkFor(e).send(
      new UpdateRoutingProfileConcurrencyCommand({
        InstanceId: e.instanceId,
        RoutingProfileId: profileId(e, 'Tier1 Support'),
        MediaConcurrencies: [
          { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
          { Channel: 'CHAT', Concurrency: 3, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
        ],
      }),
    );
    const { planJson, writes } = await reconcile(e, [support()]);
    expect(planJson.changes[0].diffs.map((d) => d.field)).toEqual(['mediaConcurrencies.CHAT.crossChannelBehavior']);
    expect(writes.map((w) => w.operation)).toEqual(['UpdateRoutingProfileConcurrency']);
  });

  it('changes a queue priority in place with UpdateRoutingProfileQueues, never remove-and-re-add', async () => {
    const e = await start([support()]);
    const { writes } = await reconcile(e, [
      support({ queues: [{ queue: 'Support', channel: 'VOICE', priority: 5, delay: 0 }, { queue: 'Support', channel: 'CHAT', priority: 2, delay: 30 }] }),
    ]);
    expect(writes).toEqual([
      {
        operation: 'UpdateRoutingProfileQueues',
        input: {
          InstanceId: e.instanceId,
          RoutingProfileId: profileId(e, 'Tier1 Support'),
          QueueConfigs: [{ QueueReference: { QueueId: QUEUE_IDS.Support, Channel: 'VOICE' }, Priority: 5, Delay: 0 }],
        },
      },
    ]);
  });

  it('adds and removes queues: disassociate, then associate', async () => {
    const e = await start([support()]);
    const { writes } = await reconcile(e, [
      support({ queues: [{ queue: 'Support', channel: 'VOICE', priority: 1, delay: 0 }, { queue: 'Escalations', channel: 'CHAT', priority: 1, delay: 0 }] }),
    ]);
    const id = profileId(e, 'Tier1 Support');
    expect(writes).toEqual([
      { operation: 'DisassociateRoutingProfileQueues', input: { InstanceId: e.instanceId, RoutingProfileId: id, QueueReferences: [{ QueueId: QUEUE_IDS.Support, Channel: 'CHAT' }] } },
      {
        operation: 'AssociateRoutingProfileQueues',
        input: { InstanceId: e.instanceId, RoutingProfileId: id, QueueConfigs: [{ QueueReference: { QueueId: QUEUE_IDS.Escalations, Channel: 'CHAT' }, Priority: 1, Delay: 0 }] },
      },
    ]);
  });

  it('manages tags next to an aws: tag it never touches', async () => {
    const e = await start([support({ tags: { team: 'support', costCentre: 'cc-1', 'aws:cloudformation:stack-name': 'legacy' } })]);
    const { writes } = await reconcile(e, [support({ tags: { team: 'frontline', region: 'emea' } })]);
    const arn = profileArn(e, 'Tier1 Support');
    expect(writes).toEqual([
      { operation: 'UntagResource', input: { resourceArn: arn, tagKeys: ['costCentre'] } },
      { operation: 'TagResource', input: { resourceArn: arn, tags: { region: 'emea', team: 'frontline' } } },
    ]);
    const tags = e.snapshot().profiles.find((p) => p.name === 'Tier1 Support')?.tags;
    expect(tags).toEqual({ team: 'frontline', region: 'emea', 'aws:cloudformation:stack-name': 'legacy' });
  });

  it('leaves unmanaged fields alone and does not even read them', async () => {
    const e = await start([support({ agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND' })]);
    // Live drifts on fields the file will not state.
    const id = profileId(e, 'Tier1 Support');
    await sdkFor(e).send(new TagResourceCommand({ resourceArn: profileArn(e, 'Tier1 Support'), tags: { extra: 'x' } }));
    await sdkFor(e).send(
      new UpdateRoutingProfileQueuesCommand({
        InstanceId: e.instanceId,
        RoutingProfileId: id,
        QueueConfigs: [{ QueueReference: { QueueId: QUEUE_IDS.Support, Channel: 'VOICE' }, Priority: 9, Delay: 9 }],
      }),
    );
    const unmanaged = support({ queues: undefined, tags: undefined, agentAvailabilityTimer: undefined });
    const files = scope.profiles({ 'p.yaml': toYaml(unmanaged) });
    e.clearRequestLog();
    const plan = await runCli(['plan', '--dir', files.dir, '--detailed-exitcode'], { env: cliEnv(e) });
    expect(plan.stdout).toContain('No changes. Routing profiles match the files.');
    expect(plan.code).toBe(0);
    expect(received(e).map((r) => r.operation)).not.toContain('ListRoutingProfileQueues');
  });

  it('leaves profiles that no file declares alone: no describe, no change', async () => {
    const e = await start([support(), support({ name: 'Legacy Night Shift', tags: undefined })]);
    const { writes } = await reconcile(e, [support({ description: 'changed' })]);
    expect(writes.map((w) => w.operation)).toEqual(['UpdateRoutingProfileName']);
    e.clearRequestLog();
    const files = scope.profiles({ 'p.yaml': toYaml(support({ description: 'changed' })) });
    await runCli(['plan', '--dir', files.dir], { env: cliEnv(e) });
    const legacyId = profileId(e, 'Legacy Night Shift');
    expect(received(e).filter((r) => (r.input as { RoutingProfileId?: string }).RoutingProfileId === legacyId)).toEqual([]);
  });

  it('plan reads with the fewest calls and never sends a write', async () => {
    const e = await start([support(), support({ name: 'Sales Desk', queues: undefined }), support({ name: 'Not Declared' })]);
    const files = scope.profiles({ 'p.yaml': toYaml(support({ description: 'x' }), support({ name: 'Sales Desk', queues: undefined }), support({ name: 'New One' })) });
    e.clearRequestLog();
    const plan = await runCli(['plan', '--dir', files.dir, '--detailed-exitcode'], { env: cliEnv(e) });
    expect(plan.code).toBe(2);
    const ops = received(e).map((r) => r.operation).sort();
    expect(ops.every(isRead)).toBe(true);
    // 1 queue page + 1 search page + 2 describes (declared and live) + 1 queue list (only Tier1 manages queues).
    expect(ops).toEqual(['DescribeRoutingProfile', 'DescribeRoutingProfile', 'ListRoutingProfileQueues', 'ListQueues', 'SearchRoutingProfiles'].sort());
  });
});

describe('reconcile end to end: manual-assignment queues and workload types', () => {
  const overflow = (n: number) => `Overflow ${String(n).padStart(2, '0')}`;
  const manual = (...ns: number[]) => ns.map((n) => ({ queue: overflow(n), channel: 'CHAT' as const }));
  const manualRefs = (...ns: number[]) => ns.map((n) => ({ QueueId: `q-overflow-${n}`, Channel: 'CHAT' }));
  const task = (workloadTypes?: ProfileDoc['mediaConcurrencies'][number]['workloadTypes']) => ({
    channel: 'TASK' as const,
    concurrency: 4,
    ...(workloadTypes === undefined ? {} : { workloadTypes }),
  });

  it('creates a profile with 12 manual queues: 10 in the create, 2 in one Associate', async () => {
    const e = await start([], MANY_QUEUES);
    const { writes } = await reconcile(e, [support({ manualAssignmentQueues: manual(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12) })]);
    expect(writes.map((w) => w.operation)).toEqual(['CreateRoutingProfile', 'AssociateRoutingProfileQueues']);
    // Pairs go out in queue-ID order (code units: q-overflow-1, -10, -11, -12, -2, ...), the planner's one deterministic order.
    expect(writes[0]?.input.ManualAssignmentQueueConfigs).toEqual(manualRefs(1, 10, 11, 12, 2, 3, 4, 5, 6, 7).map((r) => ({ QueueReference: r })));
    expect(writes[1]?.input).toEqual({
      InstanceId: e.instanceId,
      RoutingProfileId: profileId(e, 'Tier1 Support'),
      ManualAssignmentQueueConfigs: manualRefs(8, 9).map((r) => ({ QueueReference: r })),
    });
  });

  it('adds and removes manual queues with one Disassociate and one Associate, leaving standard queues alone', async () => {
    const e = await start([support({ manualAssignmentQueues: manual(1, 2) })], MANY_QUEUES);
    const { writes } = await reconcile(e, [support({ manualAssignmentQueues: manual(2, 3) })]);
    const id = profileId(e, 'Tier1 Support');
    expect(writes).toEqual([
      { operation: 'DisassociateRoutingProfileQueues', input: { InstanceId: e.instanceId, RoutingProfileId: id, ManualAssignmentQueueReferences: manualRefs(1) } },
      { operation: 'AssociateRoutingProfileQueues', input: { InstanceId: e.instanceId, RoutingProfileId: id, ManualAssignmentQueueConfigs: [{ QueueReference: manualRefs(3)[0] }] } },
    ]);
  });

  it('manualAssignmentQueues: [] removes every manual queue; left out, they are neither read nor touched', async () => {
    const e = await start([support({ manualAssignmentQueues: manual(1, 2) })], MANY_QUEUES);
    const files = scope.profiles({ 'profiles.yaml': toYaml(support()) });
    const unmanaged = await runCli(['plan', '--dir', files.dir, '--detailed-exitcode'], { env: cliEnv(e) });
    expect(unmanaged.code).toBe(0);
    expect(received(e).map((r) => r.operation)).not.toContain('ListRoutingProfileManualAssignmentQueues');
    const { writes } = await reconcile(e, [support({ manualAssignmentQueues: [] })]);
    expect(writes).toEqual([
      {
        operation: 'DisassociateRoutingProfileQueues',
        input: { InstanceId: e.instanceId, RoutingProfileId: profileId(e, 'Tier1 Support'), ManualAssignmentQueueReferences: manualRefs(1, 2) },
      },
    ]);
  });

  it('workload types: managed ones are sent whole; left out, live ones ride along unchanged in a concurrency update', async () => {
    const base = support().mediaConcurrencies;
    const billing = { workloadType: 'Billing', concurrency: 2, crossChannelWorkloadBehavior: 'ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY' as const };
    const e = await start([support({ mediaConcurrencies: [...base, task()] })]);
    const managed = await reconcile(e, [support({ mediaConcurrencies: [...base, task([billing])] })]);
    expect(managed.writes.map((w) => w.operation)).toEqual(['UpdateRoutingProfileConcurrency']);
    const sent = (managed.writes[0]?.input.MediaConcurrencies as { Channel: string; WorkloadTypeConcurrencies?: unknown }[]).find((m) => m.Channel === 'TASK');
    expect(sent?.WorkloadTypeConcurrencies).toEqual([
      { WorkloadType: 'Billing', Concurrency: 2, CrossChannelWorkloadBehavior: { ChannelWorkloadBehaviorType: 'ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY' } },
    ]);
    // The file stops managing them and changes CHAT: the update must carry TASK's live workload types back.
    const kept = await reconcile(e, [
      support({ mediaConcurrencies: [base[0] as ProfileDoc['mediaConcurrencies'][number], { channel: 'CHAT', concurrency: 5 }, task()] }),
    ]);
    const carried = (kept.writes[0]?.input.MediaConcurrencies as { Channel: string; WorkloadTypeConcurrencies?: unknown }[]).find((m) => m.Channel === 'TASK');
    expect(carried?.WorkloadTypeConcurrencies).toEqual(sent?.WorkloadTypeConcurrencies);
    const live = e.snapshot().profiles.find((p) => p.name === 'Tier1 Support');
    expect(JSON.stringify(live)).toContain('Billing');
  });
});
