import { describe, expect, it } from 'vitest';
import { environmentsExitCode } from '../../src/cli/environments-exit.js';
import type { EnvironmentOutcome } from '../../src/render/environments.js';
import { emptyPlan, goldenPlan, prunePlan } from '../render/fixtures.js';

const changed: EnvironmentOutcome = { environment: 'dev', plan: goldenPlan() };
const clean: EnvironmentOutcome = { environment: 'test', plan: emptyPlan() };
const blocked: EnvironmentOutcome = { environment: 'stage', plan: prunePlan() };
const failed: EnvironmentOutcome = { environment: 'prod', error: { kind: 'aws', message: 'denied', hint: 'Check the credentials.' } };

describe('environmentsExitCode', () => {
  it('is 1 when any environment failed, whatever the others found', () => {
    expect(environmentsExitCode([changed, clean, failed], { detailedExitcode: true })).toBe(1);
    expect(environmentsExitCode([clean, failed], { detailedExitcode: false })).toBe(1);
  });

  it('is 1 when any plan has blocking problems', () => {
    expect(environmentsExitCode([clean, blocked], { detailedExitcode: false })).toBe(1);
  });

  it('is 2 when any environment has changes and changes are reported (plan --detailed-exitcode, drift)', () => {
    expect(environmentsExitCode([clean, changed], { detailedExitcode: true })).toBe(2);
  });

  it('is 0 when nothing changes, or changes are not reported', () => {
    expect(environmentsExitCode([clean, clean], { detailedExitcode: true })).toBe(0);
    expect(environmentsExitCode([clean, changed], { detailedExitcode: false })).toBe(0);
  });
});
