// Progress on stderr: only on a terminal, only once a read has taken about two seconds.
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

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
