// Connect's API quotas are per account and Region: environments of one account in one Region, planned in one
// run, draw from one set of buckets, or together they would send more than the account may. Environments in
// other accounts (or Regions) keep their own, so they run side by side at full speed.
import { accountFromInstanceArn, QuotaBuckets } from '../connect/index.js';
import { canonicalJson } from '../plan/canonical-json.js';
import type { Target } from './target.js';

function accountOf(target: Target): string | undefined {
  return target.instanceId === undefined ? undefined : accountFromInstanceArn(target.instanceId);
}

/**
 * Which account and Region a target calls. The account is in an instance ARN; a bare instance ID does not say,
 * so it may be in the account of any other environment of its Region: then every environment of that Region
 * shares one set of buckets (sharing can only slow a run down; not sharing could get it throttled).
 */
function quotaKeys(targets: readonly Target[]): string[] {
  const regionsWithUnknownAccount = new Set(targets.filter((t) => accountOf(t) === undefined).map((t) => t.region ?? ''));
  return targets.map((target) => {
    const region = target.region ?? '';
    return regionsWithUnknownAccount.has(region) ? `${region}/any account` : `${region}/${accountOf(target) ?? ''}`;
  });
}

/**
 * One QuotaBuckets per target, shared by the targets of one account and Region. A group paces with its first
 * target's quotas: quotas belong to the account, so a different value in another environment of the same
 * account is said as a warning rather than silently half-applied.
 */
export function quotaBucketsFor(targets: readonly Target[]): { buckets: QuotaBuckets[]; warnings: string[] } {
  const groups = new Map<string, { buckets: QuotaBuckets; first: Target }>();
  const warnings: string[] = [];
  const keys = quotaKeys(targets);
  const buckets = targets.map((target, index) => {
    const key = keys[index] ?? '';
    const group = groups.get(key);
    if (group === undefined) {
      const made = { buckets: new QuotaBuckets(target.quotas), first: target };
      groups.set(key, made);
      return made.buckets;
    }
    if (canonicalJson(target.quotas) !== canonicalJson(group.first.quotas)) {
      warnings.push(
        `environments ${group.first.environment ?? ''} and ${target.environment ?? ''} call the same account and Region but set different quotas: both are paced with ${group.first.environment ?? ''}'s`,
      );
    }
    return group.buckets;
  });
  return { buckets, warnings };
}
