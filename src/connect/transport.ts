// Every Connect request goes through here: wait for the operation's token, take a concurrency slot, send,
// classify a failure, retry within the budget, and count. Reads and writes share one transport per run so
// the concurrency bound and the statistics cover the whole run.
import type { ConnectCommand } from './commands.js';
import { systemClock, type Clock } from './clock.js';
import { NotSentError, OutcomeUnknownError, toAwsError, UnreachableError } from './errors.js';
import { classifyFailure, type AttemptFailure } from './failure.js';
import { Semaphore } from './limiter.js';
import { isReadOperation, NON_IDEMPOTENT_OPERATIONS, type ConnectOperation } from './operations.js';
import type { RateQuota } from './quotas.js';
import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  MAX_UNANSWERED_ATTEMPTS,
  READ_RETRY_POLICY,
  THROTTLING_BACKOFF_BASE_MS,
  TRANSIENT_BACKOFF_BASE_MS,
  type RetryPolicy,
} from './retry.js';
import { QuotaBuckets, type Pace } from './quota-buckets.js';
import { RequestStats } from './stats.js';
import type { TokenBucket } from './token-bucket.js';

/** Requests in flight at once. Pacing, not this bound, is what normally limits the rate. */
export const DEFAULT_CONCURRENCY = 8;

// Pacing under the quota (headroom for bunched arrivals) is the buckets' business: quota-buckets.ts.
export { burstReserve, pacingQuota, PACING_JITTER_ALLOWANCE_MS, PACING_RATE_FACTOR } from './quota-buckets.js';

/**
 * What the transport needs from the SDK client: ConnectClient satisfies it, and so does a test double that
 * inspects `command.input`. No abort signal is passed down: a request already sent is allowed to finish.
 */
export interface CommandSender {
  send(command: ConnectCommand): Promise<unknown>;
}

/** Structured logging, pino-compatible. Only operation names, counts and error names are logged: never inputs, never headers. */
export interface TransportLogger {
  debug(obj: object, msg?: string): void;
}

export interface TransportOptions {
  /** Per-operation overrides for accounts with raised (or lowered) API quotas. */
  quotas?: Partial<Record<string, RateQuota>>;
  /**
   * The account's buckets, shared with other transports calling the same account and Region (environments of
   * one account in one run). When given, `quotas` is theirs: `quotas` here is ignored. Default: a set of its own.
   */
  buckets?: QuotaBuckets;
  concurrency?: number;
  /** Overrides both the read and the write policy (retry.ts). */
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
  /** For jitter; injectable so tests are deterministic. */
  random?: () => number;
  stats?: RequestStats;
  logger?: TransportLogger;
}

export interface CallContext {
  /** The routing profile the call is about, for error messages. */
  profile?: string;
  /** When aborted, nothing more is sent (a request already on the wire finishes). */
  signal?: AbortSignal;
}

export class PacedTransport {
  readonly stats: RequestStats;
  private readonly buckets: QuotaBuckets;
  private readonly slots: Semaphore;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly readPolicy: RetryPolicy;
  private readonly writePolicy: RetryPolicy;
  /** Set once Connect is found unreachable: from then on nothing is sent (the run is over). */
  private unreachableFailure?: AttemptFailure;
  /** Wakes every call waiting for a token or a slot once Connect is unreachable, so the run stops at once. */
  private readonly stopped = new AbortController();

  constructor(
    private readonly client: CommandSender,
    private readonly options: TransportOptions = {},
  ) {
    this.stats = options.stats ?? new RequestStats();
    this.slots = new Semaphore(options.concurrency ?? DEFAULT_CONCURRENCY);
    this.clock = options.clock ?? systemClock;
    this.buckets = options.buckets ?? new QuotaBuckets(options.quotas, this.clock);
    this.random = options.random ?? Math.random;
    this.readPolicy = { ...READ_RETRY_POLICY, ...options.retry };
    this.writePolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  /** The account quota assumed for an operation: the override, else Connect's published default. */
  quotaFor(operation: ConnectOperation): RateQuota {
    return this.buckets.quotaFor(operation);
  }

  /** The bucket for an operation, sized a little under its quota (pacingQuota), its rate adapted to throttles. */
  bucketFor(operation: ConnectOperation): TokenBucket {
    return this.buckets.bucketFor(operation);
  }

  /** True once a call found Connect unreachable (connection refused, name not found). */
  get unreachable(): boolean {
    return this.unreachableFailure !== undefined;
  }

  policyFor(operation: ConnectOperation): RetryPolicy {
    return isReadOperation(operation) ? this.readPolicy : this.writePolicy;
  }

  /** Sends one command, paced and retried. Throws AwsError, OutcomeUnknownError, UnreachableError or NotSentError. */
  async execute(operation: ConnectOperation, command: ConnectCommand, ctx: CallContext = {}): Promise<unknown> {
    const policy = this.policyFor(operation);
    const pace = this.buckets.paceFor(operation);
    const started = this.clock.now();
    // Backoff slept so far: the retry budget (retry.ts). Token waits are pacing, not failure.
    let backoffSpentMs = 0;
    // Attempts throttled so far; every other attempt that did not return failed otherwise (attempt - throttled).
    let throttled = 0;
    // Attempts that timed out with no answer: bounded on their own (retry.ts, MAX_UNANSWERED_ATTEMPTS).
    let unanswered = 0;
    let answerLost = false;
    // Waits (for a token, a slot, a backoff) end early on an interrupt, and when Connect is found unreachable.
    const wake = ctx.signal ? AbortSignal.any([ctx.signal, this.stopped.signal]) : this.stopped.signal;
    for (let attempt = 1; ; attempt++) {
      this.refuseIfUnreachable(operation, ctx, answerLost);
      try {
        await this.waitForTurn(operation, pace, wake);
      } catch (e) {
        // Woken because Connect is gone: that, not an interrupt, is why the call is not sent.
        this.refuseIfUnreachable(operation, ctx, answerLost);
        throw e;
      }
      // Another call may have found Connect gone while this one waited for its turn.
      if (this.unreachableFailure) {
        this.slots.release();
        this.refuseIfUnreachable(operation, ctx, answerLost);
      }
      let failure: AttemptFailure;
      this.stats.recordAttempt(operation);
      const sentAt = this.clock.now();
      try {
        const output = await this.client.send(command);
        // Operation and profile only: inputs may hold names a team considers internal, never credentials.
        this.options.logger?.debug({ operation, profile: ctx.profile, attempt, ms: this.clock.now() - started }, 'Connect call done');
        return output;
      } catch (error) {
        failure = classifyFailure(error);
      } finally {
        this.slots.release();
      }

      const report = (): Error => toAwsError(failure, { operation, profile: ctx.profile, attempts: attempt, elapsedMs: this.clock.now() - started });
      if (failure.kind === 'unreachable') {
        this.unreachableFailure ??= failure;
        this.stopped.abort();
        this.options.logger?.debug({ operation, errorName: failure.errorName }, 'Connect unreachable: sending nothing more');
        throw new UnreachableError(operation, failure, ctx.profile, answerLost);
      }
      // Connect's LimitExceededException on create is the 500-profiles quota: retrying cannot help (README, Quotas).
      const isQuota = operation === 'CreateRoutingProfile' && failure.errorName === 'LimitExceededException';
      if (failure.kind === 'fatal' || isQuota) throw report();
      if (failure.kind === 'network-maybe-sent' && NON_IDEMPOTENT_OPERATIONS.has(operation)) {
        this.stats.recordOutcomeUnknown();
        throw new OutcomeUnknownError(operation, failure, ctx.profile);
      }

      if (failure.kind === 'network-maybe-sent') answerLost = true;
      let delay: number;
      if (failure.kind === 'throttling') {
        this.stats.recordThrottle();
        pace.rate.throttled(sentAt);
        throttled += 1;
        if (throttled >= policy.maxThrottledAttempts) throw report();
        delay = backoffMs(throttled - 1, THROTTLING_BACKOFF_BASE_MS, this.random);
      } else {
        const otherFailures = attempt - throttled;
        if (failure.errorName === 'ETIMEDOUT') unanswered += 1;
        if (otherFailures >= policy.maxAttempts || unanswered >= MAX_UNANSWERED_ATTEMPTS) throw report();
        delay = backoffMs(otherFailures - 1, TRANSIENT_BACKOFF_BASE_MS, this.random);
      }
      if (backoffSpentMs + delay > policy.budgetMs) throw report();
      backoffSpentMs += delay;
      this.stats.recordRetry();
      this.options.logger?.debug({ operation, attempt, errorName: failure.errorName, delayMs: delay }, 'retrying Connect call');
      try {
        await this.clock.sleep(delay, wake);
      } catch {
        this.refuseIfUnreachable(operation, ctx, answerLost);
        throw new NotSentError(operation);
      }
    }
  }

  private refuseIfUnreachable(operation: ConnectOperation, ctx: CallContext, answerLost: boolean): void {
    if (this.unreachableFailure) throw new UnreachableError(operation, this.unreachableFailure, ctx.profile, answerLost);
  }

  /** Token first, then a slot: a call waiting for its operation's token does not hold up other operations. */
  private async waitForTurn(operation: ConnectOperation, pace: Pace, wake: AbortSignal): Promise<void> {
    const before = this.clock.now();
    try {
      pace.rate.beforeTake();
      await pace.bucket.take(wake);
      await this.slots.acquire(wake);
    } catch {
      throw new NotSentError(operation);
    }
    this.stats.recordPacingWait(this.clock.now() - before);
  }
}
