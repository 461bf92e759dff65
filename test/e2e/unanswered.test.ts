// An endpoint that takes requests and never answers: the run ends, says which call got no answer within how
// long, and nothing of the SDK's own wording reaches the terminal. CONNECT_GITOPS_REQUEST_TIMEOUT_MS keeps
// each attempt short here; the retry policy is the one users get.
import { describe, expect, it } from 'vitest';
import { MAX_CREATE_SENDS } from '../../src/apply/create.js';
import { cliEnv, isWrite, received, runCli, releasedAfterEach } from './harness.js';
import { SEED_QUEUES, support, toYaml } from './fixtures.js';

const scope = releasedAfterEach();

describe('an endpoint that never answers', () => {
  it('apply: a create that gets no answer is looked for, sent again, and reported as maybe done', async () => {
    const e = await scope.emulator({ queues: SEED_QUEUES, profiles: [] }, { faults: { unansweredOperations: ['CreateRoutingProfile'] } });
    const files = scope.profiles({ 'support.yaml': toYaml(support()) });
    const r = await runCli(['apply', '--dir', files.dir, '--auto-approve'], { env: cliEnv(e, { CONNECT_GITOPS_REQUEST_TIMEOUT_MS: '200' }) });
    expect(r.code).toBe(1);
    // Each create that got no answer is looked for by name before it is sent again (apply/create.ts).
    const ops = received(e).map((c) => c.operation);
    expect(ops.slice(ops.indexOf('CreateRoutingProfile'), ops.indexOf('CreateRoutingProfile') + 2 * MAX_CREATE_SENDS)).toEqual(
      Array.from({ length: MAX_CREATE_SENDS }, () => ['CreateRoutingProfile', 'SearchRoutingProfiles']).flat(),
    );
    expect(received(e, isWrite).map((c) => c.operation)).toEqual(Array.from({ length: MAX_CREATE_SENDS }, () => 'CreateRoutingProfile'));
    expect(r.stdout).toContain(
      '✗ CreateRoutingProfile failed: ETIMEDOUT: CreateRoutingProfile for routing profile "Tier1 Support": the answer from Connect was lost ' +
        '(ETIMEDOUT: the endpoint did not answer within 0.2 s); the call may or may not have taken effect',
    );
    expect(r.stderr).not.toMatch(/smithy|requestTimeout/);
    expect(e.snapshot().profiles).toEqual([]);
  });

  it('a timeout that is not a number of milliseconds is refused before any request', async () => {
    const e = await scope.emulator({ queues: SEED_QUEUES, profiles: [] });
    const files = scope.profiles({ 'support.yaml': toYaml(support()) });
    const r = await runCli(['plan', '--dir', files.dir], { env: cliEnv(e, { CONNECT_GITOPS_REQUEST_TIMEOUT_MS: '30s' }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error: CONNECT_GITOPS_REQUEST_TIMEOUT_MS must be a whole number of milliseconds above 0, not "30s"');
    expect(e.requestLog).toEqual([]);
  });
});
