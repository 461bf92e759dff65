// A fixed plan for the renderer golden files: one create (16 queues, so a Create and an Associate), one update
// touching every field, one update of tags only, and one no-op. Built by the planner itself, so the goldens
// also pin what the planner produces.
import type { ApplyResult } from '../../src/apply/types.js';
import { computePlan } from '../../src/plan/planner.js';
import type { Change, Plan } from '../../src/plan/types.js';
import { desired, live, liveQueue, resolvedQueue, state } from '../plan/fixtures.js';

export function goldenPlan(): Plan {
  return computePlan(
    [
      desired({
        name: 'Sales Inbound',
        description: 'Inbound sales, "priority" line',
        agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
        queues: Array.from({ length: 16 }, (_, i) => resolvedQueue(i + 1, i % 2 === 0 ? 'VOICE' : 'CHAT', 1 + (i % 3), i * 5)),
        tags: { team: 'sales', 'cost-centre': 'cc-42' },
      }),
      desired({
        name: 'Tier1 Support',
        description: 'Frontline agents, all channels',
        defaultOutboundQueueId: 'q-05',
        defaultOutboundQueueName: 'Queue05',
        agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
        mediaConcurrencies: [
          { channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' },
          { channel: 'CHAT', concurrency: 3 },
          { channel: 'TASK', concurrency: 2, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' },
        ],
        queues: [resolvedQueue(2, 'VOICE', 1, 0), resolvedQueue(3, 'CHAT', 2, 30), resolvedQueue(4, 'TASK', 5, 0)],
        tags: { team: 'support', env: 'prod' },
      }),
      desired({ name: 'Tier2 Support', tags: { team: 'support', tier: '2' } }),
      desired({ name: 'Back Office' }),
    ],
    state([
      live({
        name: 'Tier1 Support',
        routingProfileId: 'rp-tier1',
        arn: 'arn:aws:connect:us-east-1:123456789012:instance/inst-1/routing-profile/rp-tier1',
        description: 'Frontline agents',
        mediaConcurrencies: [
          { channel: 'CHAT', concurrency: 2, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' },
          { channel: 'EMAIL', concurrency: 1, crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY' },
          { channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY' },
        ],
        queueConfigs: [liveQueue(2, 'VOICE', 1, 0), liveQueue(3, 'CHAT', 1, 30), liveQueue(6, 'VOICE', 1, 0)],
        tags: { team: 'support', owner: 'jane', 'aws:cloudformation:stack-name': 'legacy' },
      }),
      live({
        name: 'Tier2 Support',
        routingProfileId: 'rp-tier2',
        arn: 'arn:aws:connect:us-east-1:123456789012:instance/inst-1/routing-profile/rp-tier2',
        tags: { team: 'support', tier: '1' },
      }),
      live({ name: 'Back Office', routingProfileId: 'rp-back', arn: 'arn:aws:connect:us-east-1:123456789012:instance/inst-1/routing-profile/rp-back' }),
      live({ name: 'Not In Git', routingProfileId: 'rp-other', described: false }),
    ]),
  );
}

export function noChangesPlan(): Plan {
  return computePlan([desired()], state([live()]));
}

/** What apply might report for goldenPlan(): the create done, Tier1 failed half-way, Tier2 done. */
export function goldenApplyResult(plan: Plan): ApplyResult {
  const byName = (name: string): Change => {
    const change = plan.changes.find((c) => c.name === name);
    if (change === undefined) throw new Error(`fixture plan has no ${name}`);
    return change;
  };
  const [sales, tier1, tier2] = [byName('Sales Inbound'), byName('Tier1 Support'), byName('Tier2 Support')];
  const failedAt = tier1.calls.findIndex((c) => c.operation === 'UpdateRoutingProfileConcurrency');
  return {
    changes: [
      { name: sales.name, routingProfileId: 'rp-new', outcome: 'done', calls: sales.calls.map((call) => ({ status: 'done', call })) },
      {
        name: tier1.name,
        routingProfileId: tier1.routingProfileId,
        outcome: 'failed',
        calls: tier1.calls.map((call, i) =>
          i < failedAt
            ? { status: 'done', call }
            : i === failedAt
              ? {
                  status: 'failed',
                  call,
                  errorName: 'InvalidParameterException',
                  message: 'Concurrency for TASK exceeds the instance limit',
                  hint: 'Check the concurrency against your instance quotas, fix the file and run apply again.',
                }
              : { status: 'skipped', call, reason: 'not sent: UpdateRoutingProfileConcurrency failed earlier for this profile' },
        ),
      },
      {
        name: tier2.name,
        routingProfileId: tier2.routingProfileId,
        outcome: 'done',
        calls: tier2.calls.map((call) => ({ status: 'done', call, note: 'tags were already set; nothing to change' })),
      },
      { name: 'Back Office', routingProfileId: 'rp-back', outcome: 'unchanged', calls: [] },
    ],
    converged: false,
    notConverged: [{ name: tier1.name, fields: ['mediaConcurrencies.TASK.concurrency', 'queues.Queue04/TASK.priority'] }],
    interrupted: false,
  };
}

export function successfulApplyResult(plan: Plan): ApplyResult {
  return {
    changes: plan.changes.map((c) => ({
      name: c.name,
      routingProfileId: c.routingProfileId ?? 'rp-new',
      outcome: c.action === 'no-op' ? 'unchanged' : 'done',
      calls: c.calls.map((call, i) =>
        call.operation === 'CreateRoutingProfile' && i === 0 ? { status: 'adopted', call, routingProfileId: 'rp-new' } : { status: 'done', call },
      ),
    })),
    converged: true,
    notConverged: [],
    interrupted: false,
  };
}
