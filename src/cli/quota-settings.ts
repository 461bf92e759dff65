// API quotas a user may set (connect-gitops.yaml `quotas`, --quota): only for operations connect-gitops sends,
// since a quota for any other name would silently do nothing.
import { UserInputError } from '../errors.js';
import type { RateQuota } from '../connect/quotas.js';
import { READ_OPERATIONS, WRITE_OPERATIONS } from '../connect/operations.js';
import { didYouMean } from '../desired/suggest.js';

export const PACED_OPERATIONS: readonly string[] = [...READ_OPERATIONS, ...WRITE_OPERATIONS];

export const QUOTA_HINT = `Quotas can be set for: ${PACED_OPERATIONS.join(', ')}.`;

/** The message for a name that is not a paced operation, or undefined when it is one. */
export function unknownOperation(op: string): string | undefined {
  return PACED_OPERATIONS.includes(op) ? undefined : `"${op}" is not an operation connect-gitops calls${didYouMean(op, PACED_OPERATIONS)}`;
}

/** A burst is a count of requests: a fractional one is rounded down, and it defaults to the rate. */
export function rateQuota(ratePerSecond: number, burst: number | undefined): RateQuota {
  return { ratePerSecond, burst: Math.max(1, Math.floor(burst ?? ratePerSecond)) };
}

/** `--quota DescribeRoutingProfile=10:20` → rate 10/s, burst 20 (burst defaults to the rate). */
export function parseQuotaFlag(flag: string): [string, RateQuota] {
  const match = /^([A-Za-z]+)=([0-9.]+)(?::([0-9]+))?$/.exec(flag);
  const op = match?.[1];
  if (!match || op === undefined) throw new UserInputError(`--quota "${flag}" must look like Operation=RATE[:BURST], e.g. DescribeRoutingProfile=10:20`);
  const unknown = unknownOperation(op);
  if (unknown !== undefined) throw new UserInputError(`--quota: ${unknown}`, [], QUOTA_HINT);
  const rate = Number(match[2]);
  const burst = match[3] === undefined ? undefined : Number(match[3]);
  if (!(rate > 0) || (burst !== undefined && !(burst >= 1))) {
    throw new UserInputError(`--quota: quota for ${op} needs ratePerSecond > 0 and burst >= 1`);
  }
  return [op, rateQuota(rate, burst)];
}
