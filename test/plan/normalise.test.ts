import { describe, expect, it } from 'vitest';
import {
  normaliseChannelOrder,
  normaliseCrossChannelBehavior,
  normaliseDesired,
  normaliseLive,
  normaliseQueueConfigOrder,
  normaliseQueueId,
  normaliseTags,
  normaliseWorkloadTypes,
  ownershipTag,
} from '../../src/plan/normalise.js';
import { OWNERSHIP_TAG_KEY } from '../../src/vocabulary.js';
import { managedLive, managedScope } from '../../src/plan/managed.js';
import { desired, live, liveQueue, queueArn, resolvedQueue } from './fixtures.js';

describe('normalisers', () => {
  it('normaliseQueueId: a queue ARN and its ID are the same queue', () => {
    expect(normaliseQueueId(queueArn('q-01'))).toBe('q-01');
    expect(normaliseQueueId('q-01')).toBe('q-01');
    expect(normaliseQueueId('arn:aws:connect:us-east-1:1:instance/i/routing-profile/rp')).toBe('arn:aws:connect:us-east-1:1:instance/i/routing-profile/rp');
  });

  it('normaliseCrossChannelBehavior: absent is ROUTE_CURRENT_CHANNEL_ONLY', () => {
    expect(normaliseCrossChannelBehavior(undefined)).toBe('ROUTE_CURRENT_CHANNEL_ONLY');
    expect(normaliseCrossChannelBehavior('ROUTE_ANY_CHANNEL')).toBe('ROUTE_ANY_CHANNEL');
  });

  it('normaliseChannelOrder: VOICE, CHAT, TASK, EMAIL whatever the input order', () => {
    const order = normaliseChannelOrder([{ channel: 'EMAIL' as const }, { channel: 'VOICE' as const }, { channel: 'TASK' as const }, { channel: 'CHAT' as const }]);
    expect(order.map((e) => e.channel)).toEqual(['VOICE', 'CHAT', 'TASK', 'EMAIL']);
  });

  it('normaliseQueueConfigOrder: by queue ID then channel', () => {
    const order = normaliseQueueConfigOrder([liveQueue(3, 'CHAT'), liveQueue(2, 'CHAT'), liveQueue(2, 'VOICE')]);
    expect(order.map((c) => `${c.queueId}/${c.channel}`)).toEqual(['q-02/VOICE', 'q-02/CHAT', 'q-03/CHAT']);
  });

  it('normaliseTags: drops aws: keys and sorts the rest', () => {
    const tags = normaliseTags({ z: '1', 'aws:cloudformation:stack-name': 's', a: '2' });
    expect(Object.entries(tags)).toEqual([
      ['a', '2'],
      ['z', '1'],
    ]);
  });

  it('brings desired and its applied live form to the same value', () => {
    const d = desired({ queues: [resolvedQueue(3, 'CHAT', 2, 5), resolvedQueue(2)], tags: { team: 'x' }, agentAvailabilityTimer: 'TIME_SINCE_LAST_ACTIVITY' });
    const l = live({ queueConfigs: [liveQueue(2), liveQueue(3, 'CHAT', 2, 5)], tags: { team: 'x', 'aws:y': 'z' }, defaultOutboundQueueId: queueArn('q-01') });
    expect(managedLive(normaliseLive(l), managedScope(d))).toEqual(normaliseDesired(d));
  });

  it('keeps unmanaged optional fields undefined on the desired side', () => {
    const n = normaliseDesired(desired());
    expect('queues' in n || 'tags' in n || 'agentAvailabilityTimer' in n).toBe(false);
  });

  it('normaliseTags: the ownership tag is not an ordinary tag; ownershipTag reads it', () => {
    const tags = { [OWNERSHIP_TAG_KEY]: 'team-a', team: 'x', 'aws:y': 'z' };
    expect(normaliseTags(tags)).toEqual({ team: 'x' });
    expect(ownershipTag(tags)).toBe('team-a');
    expect(ownershipTag({ team: 'x' })).toBeUndefined();
    // Live data is hostile: a key like "__proto__" is kept as a tag, not lost or turned into a prototype.
    expect(Object.keys(normaliseTags(JSON.parse('{"__proto__":"v","a":"1"}')))).toEqual(['__proto__', 'a']);
  });

  it('normaliseWorkloadTypes: by workload type, an absent behaviour as the UNVERIFIED default', () => {
    expect(
      normaliseWorkloadTypes([
        { workloadType: 'Returns', concurrency: 2, crossChannelWorkloadBehavior: 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE' },
        { workloadType: 'Billing', concurrency: 1 },
      ]),
    ).toEqual([
      { workloadType: 'Billing', concurrency: 1, crossChannelWorkloadBehavior: 'ROUTE_CURRENT_CHANNEL_CURRENT_WORKLOADTYPE_ONLY' },
      { workloadType: 'Returns', concurrency: 2, crossChannelWorkloadBehavior: 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE' },
    ]);
  });
});
