// Virtual time for tests: sleeps complete at once and move the clock forward, so backoff and consistency
// waits cost nothing in wall time while the code under test still sees time pass.
import type { Clock } from '../../../src/connect/clock.js';

export class VirtualClock implements Clock {
  private t = 0;
  readonly sleeps: number[] = [];

  now(): number {
    return this.t;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortError();
    this.sleeps.push(ms);
    const target = this.t + ms;
    // Let other tasks run first, as a real timer would.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw abortError();
    this.t = Math.max(this.t, target);
  }

  advance(ms: number): void {
    this.t += ms;
  }
}

/** A clock whose sleepers wake only when the test advances time: for exact pacing arithmetic. */
export class ManualClock implements Clock {
  private t = 0;
  private sleepers: { until: number; resolve: () => void }[] = [];

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const sleeper = { until: this.t + ms, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(abortError());
      });
    });
  }

  async advance(ms: number): Promise<void> {
    this.t += ms;
    const due = this.sleepers.filter((s) => s.until <= this.t);
    this.sleepers = this.sleepers.filter((s) => s.until > this.t);
    for (const s of due) s.resolve();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function abortError(): Error {
  const e = new Error('aborted');
  e.name = 'AbortError';
  return e;
}
