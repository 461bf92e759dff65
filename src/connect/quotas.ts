// Amazon Connect's API rate quotas (per account and Region, token bucket), as published.
// Used twice on purpose: by the client to pace its own calls, and by the emulator to throttle like Connect.
// Accounts can have raised quotas, so the client's table is overridable (config file and --quota flag).

export interface RateQuota {
  /** Steady requests per second. */
  ratePerSecond: number;
  /** Bucket size: requests that may go at once after a quiet period. */
  burst: number;
}

/** The admin guide's default for every operation: 2 requests/s with a burst of 5. */
export const ADMIN_GUIDE_DEFAULT_QUOTA: RateQuota = { ratePerSecond: 2, burst: 5 };

/**
 * A newer Service Quotas snapshot raises these reads to 10 requests/s. Their burst is UNVERIFIED
 * (connect-api README); we assume 10, one second's worth, which is how Connect sizes its other buckets.
 */
const RAISED_READ_QUOTA: RateQuota = { ratePerSecond: 10, burst: 10 };

/**
 * ListRoutingProfileManualAssignmentQueues (September 2025) is in neither the admin guide's table nor the
 * Service Quotas snapshot. UNVERIFIED: we pace it at the admin guide's default for every operation, the lowest
 * rate Connect publishes, rather than assume its sibling ListRoutingProfileQueues' raised 10/s. Too slow costs
 * a little time on large instances; too fast would cost throttles on a quota shared with other integrations.
 */
export const MANUAL_ASSIGNMENT_LIST_QUOTA: RateQuota = ADMIN_GUIDE_DEFAULT_QUOTA;

export const CONNECT_DEFAULT_QUOTAS: Readonly<Record<string, RateQuota>> = {
  DescribeRoutingProfile: RAISED_READ_QUOTA,
  ListRoutingProfiles: RAISED_READ_QUOTA,
  ListRoutingProfileQueues: RAISED_READ_QUOTA,
  ListRoutingProfileManualAssignmentQueues: MANUAL_ASSIGNMENT_LIST_QUOTA,
  ListQueues: RAISED_READ_QUOTA,
};

/** The published quota for an operation (every operation not raised above keeps the admin guide default). */
export function defaultQuotaFor(operation: string): RateQuota {
  return CONNECT_DEFAULT_QUOTAS[operation] ?? ADMIN_GUIDE_DEFAULT_QUOTA;
}
