// The model drives routes and validation; these tests check that it is wired completely and that the few
// limits the rest of the tool states as constants agree with it.
import { describe, expect, it } from 'vitest';
import { CHANNELS, CONCURRENCY_RANGE, LIMITS, WORKLOAD_BEHAVIORS } from '../../src/vocabulary.js';
import { HANDLERS } from '../../src/emulator/handlers/index.js';
import { loadModel, maxResultsBounds, modelErrorStatus, shape, validateShape } from '../../src/emulator/model.js';
import { matchRoute, buildInput } from '../../src/emulator/routes.js';

const README_OPERATIONS = [
  'CreateRoutingProfile', 'DescribeRoutingProfile', 'SearchRoutingProfiles', 'ListRoutingProfiles',
  'UpdateRoutingProfileConcurrency', 'UpdateRoutingProfileName', 'UpdateRoutingProfileDefaultOutboundQueue',
  'UpdateRoutingProfileQueues', 'AssociateRoutingProfileQueues', 'DisassociateRoutingProfileQueues',
  'ListRoutingProfileQueues', 'ListRoutingProfileManualAssignmentQueues', 'UpdateRoutingProfileAgentAvailabilityTimer', 'DeleteRoutingProfile',
  'SearchQueues', 'ListQueues', 'DescribeQueue', 'TagResource', 'UntagResource', 'ListTagsForResource',
];

describe('model wiring', () => {
  it('has exactly the 20 operations in scope, each with a handler', () => {
    expect(Object.keys(loadModel().operations).sort()).toEqual([...README_OPERATIONS].sort());
    expect(Object.keys(HANDLERS).sort()).toEqual([...README_OPERATIONS].sort());
  });

  it('routes every operation from its own URI template, unambiguously', () => {
    for (const op of Object.values(loadModel().operations)) {
      const path = op.http.requestUri.replace(/\{(\w+)\}/g, (_m, l: string) => encodeURIComponent(`v/${l}`));
      expect(matchRoute(op.http.method, path)?.operation).toBe(op.name);
    }
    expect(matchRoute('GET', '/nothing/here')).toBeUndefined();
  });

  it('decodes %2F inside labels and parses query members by their model type', () => {
    const arn = 'arn:aws:connect:us-east-1:123456789012:instance/i/queue/q';
    const m = matchRoute('DELETE', `/tags/${encodeURIComponent(arn)}`)!;
    expect(m).toEqual({ operation: 'UntagResource', labels: { resourceArn: arn } });
    expect(buildInput('UntagResource', m.labels, new URLSearchParams('tagKeys=a&tagKeys=b%20c'), {})).toEqual({
      resourceArn: arn,
      tagKeys: ['a', 'b c'],
    });
    expect(buildInput('ListQueues', { InstanceId: 'i' }, new URLSearchParams('maxResults=7&queueTypes=STANDARD'), {})).toEqual({
      InstanceId: 'i',
      MaxResults: 7,
      QueueTypes: ['STANDARD'],
    });
  });

  it('takes error statuses from the error shapes', () => {
    expect(modelErrorStatus('InvalidParameterException')).toBe(400);
    expect(modelErrorStatus('ResourceNotFoundException')).toBe(404);
    expect(modelErrorStatus('DuplicateResourceException')).toBe(409);
    expect(modelErrorStatus('ThrottlingException')).toBe(429);
    expect(modelErrorStatus('LimitExceededException')).toBe(429);
    expect(modelErrorStatus('InternalServiceException')).toBe(500);
  });
});

describe('constants stated elsewhere agree with the model', () => {
  it('batch limits and page sizes', () => {
    expect(shape('RoutingProfileQueueConfigList').max).toBe(LIMITS.queueConfigsPerCall);
    expect(shape('RoutingProfileManualAssignmentQueueConfigList').max).toBe(LIMITS.manualQueueConfigsPerCall);
    expect(shape('WorkloadTypeConcurrencies').max).toBe(LIMITS.workloadTypesPerChannel);
    expect(maxResultsBounds('ListRoutingProfileManualAssignmentQueues').max).toBe(LIMITS.listManualAssignmentQueuesPageSize);
    expect(shape('TagMap').max).toBe(LIMITS.tagsPerResource);
    expect(maxResultsBounds('SearchRoutingProfiles').max).toBe(LIMITS.searchPageSize);
    expect(maxResultsBounds('SearchQueues').max).toBe(LIMITS.searchPageSize);
    expect(maxResultsBounds('ListRoutingProfileQueues').max).toBe(LIMITS.listRoutingProfileQueuesPageSize);
    expect(maxResultsBounds('ListQueues').max).toBe(LIMITS.listQueuesPageSize);
    expect(maxResultsBounds('ListRoutingProfiles').max).toBe(LIMITS.listQueuesPageSize);
  });

  it('channels and per-channel concurrency stay inside the model', () => {
    expect(shape('Channel').enum).toEqual([...CHANNELS]);
    expect(shape('ChannelWorkloadBehaviorType').enum).toEqual([...WORKLOAD_BEHAVIORS]);
    for (const c of CHANNELS) {
      expect(CONCURRENCY_RANGE[c].min).toBeGreaterThanOrEqual(shape('Concurrency').min!);
      expect(CONCURRENCY_RANGE[c].max).toBeLessThanOrEqual(shape('Concurrency').max!);
    }
  });
});

describe('validateShape', () => {
  it('ignores unknown members (newer SDKs send members the model lacks)', () => {
    expect(validateShape('MediaConcurrency', { Channel: 'TASK', Concurrency: 2, FutureMember: [] })).toEqual([]);
  });

  it('counts string length in code points and applies patterns with Unicode classes', () => {
    expect(validateShape('RoutingProfileName', '😀'.repeat(127))).toEqual([]);
    expect(validateShape('TagKey', 'équipe:ventes')).toEqual([]);
    expect(validateShape('TagKey', 'aws:x')).toHaveLength(1);
    expect(validateShape('TagKey', 'bad#key')).toHaveLength(1);
  });

  it('rejects wrong JSON types', () => {
    expect(validateShape('Priority', '1')).toEqual(["Value '1' failed to satisfy constraint: Member must be an integer"]);
    expect(validateShape('Priority', 1.5)).toHaveLength(1);
    expect(validateShape('MediaConcurrencies', {})).toHaveLength(1);
  });
});
