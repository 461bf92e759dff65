// The emulator's own clock. timeScale > 1 makes it run faster than real time, so that quota refill and
// visibility lag can be exercised (benchmarks, tests) without waiting for them.
import { performance } from 'node:perf_hooks';

export interface Clock {
  /** Milliseconds on the emulator clock, starting at 0. */
  now(): number;
}

export function scaledClock(timeScale = 1): Clock {
  if (!(timeScale > 0)) throw new Error(`timeScale must be > 0, got ${timeScale}`);
  const start = performance.now();
  return { now: () => (performance.now() - start) * timeScale };
}
