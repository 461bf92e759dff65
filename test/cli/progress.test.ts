// Progress on stderr: only on a terminal, only once a read has taken about two seconds.
import { describe, expect, it, vi } from 'vitest';
import { createProgress, LOG_EVERY_MS, progressInterval } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (s: string) => (writes.push(s), true) } as unknown as NodeJS.WriteStream, writes };
}

describe('createProgress', () => {
  it('stays silent for short reads and off a terminal', () => {
    let now = 0;
    const tty = fakeStream(true);
    const p = createProgress('Reading live state', tty.stream, () => now);
    now = 1500;
    p.update(10, 500);
    p.finish();
    expect(tty.writes).toEqual([]);
    const pipe = fakeStream(false);
    const q = createProgress('Reading live state', pipe.stream, () => now);
    now = 10_000;
    q.update(230, 500);
    expect(pipe.writes).toEqual([]);
  });

  it('shows "Reading live state: 230/500 profiles" after two seconds and clears the line at the end', () => {
    let now = 0;
    const tty = fakeStream(true);
    const p = createProgress('Reading live state', tty.stream, () => now);
    now = 2100;
    p.update(230, 500);
    now = 2150; // redrawn at most every 100 ms
    p.update(231, 500);
    now = 2300;
    p.update(240, 500);
    p.finish();
    expect(tty.writes).toEqual(['\rReading live state: 230/500 profiles', '\rReading live state: 240/500 profiles', '\r\x1b[K']);
  });
});

describe('progress without a terminal', () => {
  it('logs a line every interval, with what is done so far, and stops at the end', () => {
    vi.useFakeTimers();
    try {
      const lines: string[] = [];
      const p = createProgress('Applying', fakeStream(false).stream, Date.now, { unit: 'calls', logEveryMs: 10_000, log: (m) => lines.push(m) });
      p.update(3, 40);
      vi.advanceTimersByTime(9_999);
      expect(lines).toEqual([]);
      vi.advanceTimersByTime(1);
      p.update(12, 40);
      vi.advanceTimersByTime(10_000);
      p.finish();
      vi.advanceTimersByTime(60_000);
      expect(lines).toEqual(['Applying: 3/40 calls', 'Applying: 12/40 calls']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes its interval from CONNECT_GITOPS_PROGRESS_INTERVAL_MS, else about ten seconds', () => {
    expect(progressInterval({})).toBe(LOG_EVERY_MS);
    expect(LOG_EVERY_MS).toBe(10_000);
    expect(progressInterval({ CONNECT_GITOPS_PROGRESS_INTERVAL_MS: '250' })).toBe(250);
    expect(progressInterval({ CONNECT_GITOPS_PROGRESS_INTERVAL_MS: 'soon' })).toBe(LOG_EVERY_MS);
  });
});
