// One environment's failure as its outcome in a run over several: the words the CLI would print for it alone.
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { environmentError } from '../../src/cli/plan-environments.js';
import { AwsError, InternalError, StalePlanError, UserInputError } from '../../src/errors.js';
import { tempTrees } from '../temp-tree.js';

describe('environmentError', () => {
  it('keeps a user-input error with its located problems, one a line, and its hint', () => {
    const error = new UserInputError('the profile files are invalid: 1 problem in 1 file', [{ file: 'p.yaml', line: 3, column: 5, message: 'bad' }], 'Fix it.');
    expect(environmentError(error)).toEqual({ kind: 'user-input', message: 'the profile files are invalid: 1 problem in 1 file\np.yaml:3:5: bad', hint: 'Fix it.' });
  });

  it('words a Connect failure as the single-environment run does', () => {
    const error = new AwsError('Connect is unreachable (ECONNREFUSED: connect refused); nothing more is sent', 'SearchRoutingProfiles', 'ECONNREFUSED', 'Check the endpoint.');
    expect(environmentError(error)).toEqual({
      kind: 'aws',
      message: 'SearchRoutingProfiles failed: ECONNREFUSED: Connect is unreachable (ECONNREFUSED: connect refused); nothing more is sent',
      hint: 'Check the endpoint.',
    });
  });

  it('lists what moved under a stale plan below its headline', () => {
    const error = new StalePlanError('the live instance changed', ['Tier1 Support: planned "update description", now "no changes"']);
    expect(environmentError(error)).toEqual({
      kind: 'stale-plan',
      message: 'the live instance changed\n  - Tier1 Support: planned "update description", now "no changes"',
      hint: error.hint,
    });
  });

  it('reports anything else as internal, without a stack', () => {
    expect(environmentError(new TypeError('x is undefined'))).toEqual({ kind: 'internal', message: 'x is undefined', hint: 'This is a bug in connect-gitops; please report it with the output above.' });
    expect(environmentError(new InternalError('invariant'))).toEqual({ kind: 'internal', message: 'invariant', hint: 'This is a bug in connect-gitops; please report it with the output above.' });
  });
});

describe('plan over several environments: refused before any call', () => {
  const repository = tempTrees('cg-plan-envs-');

  it('--out saves one environment: with several it is a usage error saying how to save each', async () => {
    // Endpoints nothing listens on: a call would fail with "unreachable", not with the usage error.
    const root = repository({ 'connect-gitops.yaml': 'environments:\n  dev: {instanceId: a, endpointUrl: "http://127.0.0.1:9"}\n  prod: {instanceId: b, endpointUrl: "http://127.0.0.1:9"}\n' });
    mkdirSync(join(root, 'profiles'));
    let stderr = '';
    const code = await run(['plan', '--env', 'all', '--out', 'plan.json'], { cwd: root, env: { LOG_LEVEL: 'silent' }, stdout: () => {}, stderr: (t) => void (stderr += t) });
    expect(code).toBe(1);
    expect(stderr).toBe(
      [
        "Error: --out saves the plan of one environment (--env NAME), and this run is over several (dev, prod)",
        'Save a plan per environment: connect-gitops plan --env NAME --out NAME.plan.json, then apply --env NAME --plan NAME.plan.json.',
        '',
      ].join('\n'),
    );
  });
});
