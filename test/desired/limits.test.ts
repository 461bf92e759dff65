// Hostile inputs must fail fast, with a located message, in bounded time and memory.
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_PROBLEMS_PER_FILE } from '../../src/desired/limits.js';
import { loadDesired, loadDesiredFiles } from '../../src/desired/load.js';
import { MINIMAL, problemsOf, tempDir } from './helpers.js';

// A bound against pathological (super-linear) parsing, not a performance target: these files take about a second
// on an idle 2-core machine, and a loaded CI runner must not fail them. Performance belongs in `npm run bench`.
const TIME_BOUND_MS = 15_000;
const MiB = 1024 * 1024;

/** Runs `action` and returns how long it took and how much the heap grew (garbage only makes this larger). */
async function measure(action: () => Promise<unknown>): Promise<{ ms: number; heapGrowth: number }> {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  await action().catch(() => undefined);
  return { ms: performance.now() - started, heapGrowth: process.memoryUsage().heapUsed - heapBefore };
}

let dir = '';
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

describe('loader bounds', () => {
  it('refuses a 20 MB file from its size, without reading it', async () => {
    const file = path.join(dir, 'huge', 'huge.yaml');
    await mkdir(path.dirname(file));
    // Written in chunks so the test itself does not hold 20 MB either.
    const out = createWriteStream(file);
    const chunk = `${MINIMAL}---\n`.repeat(4096);
    for (let written = 0; written < 20 * MiB; written += chunk.length) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    out.end();
    await finished(out);

    const cost = await measure(() => loadDesired(path.dirname(file)));
    expect(cost.ms).toBeLessThan(TIME_BOUND_MS);
    expect(cost.heapGrowth).toBeLessThan(8 * MiB);
    const [problem, ...rest] = await problemsOf(() => loadDesired(path.dirname(file)));
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^.*huge\.yaml:1:1: the file is 20\.\d MiB, more than the 2\.0 MiB allowed for a profile file; split it into smaller files$/);
  });

  it('accepts a file of exactly the size limit and refuses one byte more', async () => {
    const atLimit = path.join(dir, 'at-limit.yaml');
    const overLimit = path.join(dir, 'over-limit.yaml');
    const padding = (size: number): string => `${MINIMAL}#${'x'.repeat(size - MINIMAL.length - 2)}\n`;
    await writeFile(atLimit, padding(MAX_FILE_BYTES));
    await writeFile(overLimit, padding(MAX_FILE_BYTES + 1));
    await expect(loadDesiredFiles([atLimit])).resolves.toMatchObject({ profiles: [{ name: 'Tier1 Support' }] });
    expect(await problemsOf(() => loadDesiredFiles([overLimit]))).toEqual([
      expect.stringContaining('over-limit.yaml:1:1: the file is 2.0 MiB, more than the 2.0 MiB allowed'),
    ]);
  });

  it('defuses a billion-laughs alias bomb in bounded time and memory', async () => {
    const cost = await measure(() => loadDesiredFiles(['test/fixtures/invalid/alias-bomb-billion-laughs.yaml']));
    expect(cost.ms).toBeLessThan(TIME_BOUND_MS);
    expect(cost.heapGrowth).toBeLessThan(32 * MiB);
  });

  it('defuses a merge-key bomb in bounded time and memory', async () => {
    const cost = await measure(() => loadDesiredFiles(['test/fixtures/invalid/merge-key-bomb.yaml']));
    expect(cost.ms).toBeLessThan(TIME_BOUND_MS);
    expect(cost.heapGrowth).toBeLessThan(32 * MiB);
  });

  const fill = (prefix: string, unit: string, suffix = ''): string =>
    prefix + unit.repeat(Math.floor((MAX_FILE_BYTES - 1 - prefix.length - suffix.length) / unit.length)) + suffix;

  /** Distinct keys `k0: 1`, `k1: 1`, ... after `prefix`, up to the size limit. */
  const keys = (prefix: string): string => {
    const lines = [prefix];
    let length = prefix.length;
    for (let i = 0; length + 12 < MAX_FILE_BYTES; i++) {
      const line = `k${i}: 1\n`;
      lines.push(line);
      length += line.length;
    }
    return lines.join('');
  };

  it.each([
    ['one flow list of half a million numbers', () => fill(`${MINIMAL}tags: [`, '1,', '1]\n')],
    ['one mapping with two hundred thousand keys', () => keys(MINIMAL)],
    ['a quarter of a million broken documents', () => fill('', '--- []\n')],
    ['twenty thousand valid documents with one name', () => fill('', `${MINIMAL}---\n`)],
  ])('handles a file just under the size limit holding %s in bounded time', async (_what, make) => {
    const file = path.join(dir, 'big.yaml');
    const text = make();
    expect(text.length).toBeGreaterThan(MAX_FILE_BYTES * 0.9);
    expect(text.length).toBeLessThanOrEqual(MAX_FILE_BYTES);
    await writeFile(file, text);
    const started = performance.now();
    const problems = await problemsOf(() => loadDesiredFiles([file]));
    expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(MAX_PROBLEMS_PER_FILE + 1);
  });
});
