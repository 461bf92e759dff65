// The hostile-input corpus, end to end: every entry of test/fixtures/invalid, alone in a profiles folder, through
// the built CLI's `validate` and `plan`. Each must exit 1 with a `file:line:col:` message, without a stack
// trace, and without a single request reaching Connect (validation happens before any API call).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { assertBuilt, cliEnv, emulatorWith, REPO_ROOT, runCli, type CliResult } from '../e2e/harness.js';

const CORPUS = join(REPO_ROOT, 'test/fixtures/invalid');
const ENTRIES = readdirSync(CORPUS).sort();
/** Generous: a hostile file must never make a run hang (alias bombs, deep nesting), but CI machines are slow. */
const PER_FILE_BOUND_MS = 10_000;
/** Child processes at once: the two cores stay busy without starving the other test files. */
const PARALLEL = 3;

let emu: RunningEmulator;
let root: string;
const results = new Map<string, { validate: CliResult; plan: CliResult; ms: number; file: string }>();

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

beforeAll(async () => {
  assertBuilt();
  emu = await emulatorWith();
  root = mkdtempSync(join(tmpdir(), 'cg-hostile-'));
  const env = cliEnv(emu);
  await pool(ENTRIES, PARALLEL, async (entry) => {
    const dir = join(root, entry, 'profiles');
    mkdirSync(dir, { recursive: true });
    // An entry is a file, or a folder whose files only make sense together (duplicate names across files).
    const source = join(CORPUS, entry);
    if (statSync(source).isDirectory()) cpSync(source, dir, { recursive: true });
    else cpSync(source, join(dir, entry));
    const started = Date.now();
    const validate = await runCli(['validate', '--dir', dir], { env, timeoutMs: 30_000 });
    const plan = await runCli(['plan', '--dir', dir], { env, timeoutMs: 30_000 });
    results.set(entry, { validate, plan, ms: (Date.now() - started) / 2, file: entry });
  });
}, 300_000);

afterAll(async () => {
  await emu?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('hostile input through the built CLI', () => {
  it('the corpus is all there', () => {
    expect(ENTRIES.length).toBeGreaterThanOrEqual(69);
  });

  it.each(ENTRIES)('%s: validate and plan exit 1 with file:line:col, no stack trace', (entry) => {
    const r = results.get(entry);
    expect(r, `no result for ${entry}`).toBeDefined();
    if (!r) return;
    for (const [command, out] of [['validate', r.validate], ['plan', r.plan]] as const) {
      const all = out.stdout + out.stderr;
      expect(out.code, `${command} ${entry}:\n${all}`).toBe(1);
      // The location is the file in the temporary folder, with a 1-based line and column.
      expect(out.stderr, `${command} ${entry}`).toMatch(/(^|\n)\S*profiles\/\S+\.ya?ml:\d+:\d+: \S/);
      expect(all, `${command} ${entry}: a stack trace`).not.toMatch(/\n\s+at /);
      expect(all).not.toMatch(/Error: internal/);
    }
    expect(r.ms, `${entry} took ${r.ms} ms per command`).toBeLessThan(PER_FILE_BOUND_MS);
  });

  it('no request reached Connect for any of them', () => {
    expect(results.size).toBe(ENTRIES.length);
    expect(emu.requestLog).toEqual([]);
  });
});
