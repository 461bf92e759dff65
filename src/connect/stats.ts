// Counters the benchmark and the logs read: how many requests each operation cost, and how often Connect pushed back.

export interface RequestStatsSnapshot {
  /** Requests sent, per operation (every attempt counts: it is what Connect meters). */
  calls: Record<string, number>;
  totalCalls: number;
  /** Attempts answered with throttling (429). */
  throttles: number;
  /** Attempts that were repeated after a retryable failure. */
  retries: number;
  /** Non-idempotent writes whose answer was lost. */
  outcomeUnknown: number;
  /** Time spent waiting for a token, summed over calls (ms). */
  pacingWaitMs: number;
}

export class RequestStats {
  private readonly calls = new Map<string, number>();
  private throttles = 0;
  private retries = 0;
  private outcomeUnknown = 0;
  private pacingWaitMs = 0;

  recordAttempt(operation: string): void {
    this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
  }
  recordThrottle(): void {
    this.throttles += 1;
  }
  recordRetry(): void {
    this.retries += 1;
  }
  recordOutcomeUnknown(): void {
    this.outcomeUnknown += 1;
  }
  recordPacingWait(ms: number): void {
    this.pacingWaitMs += ms;
  }

  snapshot(): RequestStatsSnapshot {
    const calls = Object.fromEntries([...this.calls.entries()].sort(([a], [b]) => a.localeCompare(b)));
    return {
      calls,
      totalCalls: [...this.calls.values()].reduce((a, b) => a + b, 0),
      throttles: this.throttles,
      retries: this.retries,
      outcomeUnknown: this.outcomeUnknown,
      pacingWaitMs: Math.round(this.pacingWaitMs),
    };
  }
}
