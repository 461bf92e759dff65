// Plan files are written whole or not at all. The mechanism (a temporary file beside the target, flushed, then
// renamed over it) is checked with node:fs failures injected at each step; the CLI is checked for what a user
// sees when --out cannot be written: a clear message, exit 1, no partial file, no stray temporary file.
import * as realFs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Which fs step fails next, and how; everything else goes to the real node:fs. */
const inject = vi.hoisted(() => ({
  write: undefined as undefined | 'enospc-halfway',
  rename: false,
  renames: [] as { from: string; to: string; contentAtRename: string }[],
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const enospc = (): Error => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  const writeFileSync = ((file: Parameters<typeof fs.writeFileSync>[0], data: string, options?: Parameters<typeof fs.writeFileSync>[2]) => {
    if (inject.write === 'enospc-halfway' && typeof file === 'number') {
      // The disk fills up after half the plan is on it.
      fs.writeSync(file, data.slice(0, Math.floor(data.length / 2)));
      throw enospc();
    }
    return fs.writeFileSync(file, data, options);
  }) as typeof fs.writeFileSync;
  const renameSync = ((from: string, to: string) => {
    inject.renames.push({ from, to, contentAtRename: fs.readFileSync(from, 'utf8') });
    if (inject.rename) throw Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${from}' -> '${to}'`), { code: 'EXDEV' });
    return fs.renameSync(from, to);
  }) as typeof fs.renameSync;
  return { ...fs, default: { ...fs, writeFileSync, renameSync }, writeFileSync, renameSync };
});

const { writeFileAtomic } = await import('../../src/cli/atomic-write.js');

const OLD_PLAN = JSON.stringify({ formatVersion: 1, note: 'the old plan' }, null, 2);
const NEW_PLAN = JSON.stringify({ formatVersion: 1, changes: Array.from({ length: 2000 }, (_, i) => ({ name: `p${i}` })) }, null, 2);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cg-atomic-'));
  inject.write = undefined;
  inject.rename = false;
  inject.renames = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entries = (): string[] => readdirSync(dir).sort();

describe('writeFileAtomic', () => {
  it('renames a complete temporary file from the same folder over the target', () => {
    const target = join(dir, 'plan.json');
    writeFileSync(target, OLD_PLAN);
    writeFileAtomic(target, NEW_PLAN);
    expect(readFileSync(target, 'utf8')).toBe(NEW_PLAN);
    expect(inject.renames).toHaveLength(1);
    const [{ from, to, contentAtRename }] = inject.renames;
    // Same folder (so rename is atomic on one filesystem), a hidden name, and the whole content before rename.
    expect(to).toBe(target);
    expect(join(from, '..')).toBe(dir);
    expect(from.split('/').pop()).toMatch(/^\.plan\.json\..*\.tmp$/);
    expect(contentAtRename).toBe(NEW_PLAN);
    expect(entries()).toEqual(['plan.json']);
  });

  it('a full disk halfway through leaves the old plan whole and no temporary file', () => {
    const target = join(dir, 'plan.json');
    writeFileSync(target, OLD_PLAN);
    inject.write = 'enospc-halfway';
    expect(() => writeFileAtomic(target, NEW_PLAN)).toThrow(/ENOSPC/);
    expect(readFileSync(target, 'utf8')).toBe(OLD_PLAN);
    expect(inject.renames).toEqual([]);
    expect(entries()).toEqual(['plan.json']);
  });

  it('a failed rename leaves the old plan whole and no temporary file', () => {
    const target = join(dir, 'plan.json');
    writeFileSync(target, OLD_PLAN);
    inject.rename = true;
    expect(() => writeFileAtomic(target, NEW_PLAN)).toThrow(/EXDEV/);
    expect(readFileSync(target, 'utf8')).toBe(OLD_PLAN);
    expect(entries()).toEqual(['plan.json']);
  });

  it('a target that is a folder is refused without leaving a temporary file', () => {
    mkdirSync(join(dir, 'plan.json'));
    expect(() => writeFileAtomic(join(dir, 'plan.json'), NEW_PLAN)).toThrow();
    expect(entries()).toEqual(['plan.json']);
  });

  it('a missing folder is refused and creates nothing', () => {
    expect(() => writeFileAtomic(join(dir, 'missing', 'plan.json'), NEW_PLAN)).toThrow(/ENOENT/);
    expect(entries()).toEqual([]);
  });
});

describe('plan --out through the built CLI', async () => {
  // The harness (and the emulator) use node:fs too; with nothing injected they get the real functions.
  const { cliEnv, emulatorWith, profilesDir, runCli } = await import('../e2e/harness.js');
  const { SEED_QUEUES, support, toYaml } = await import('../e2e/fixtures.js');
  const emu = await emulatorWith({ queues: SEED_QUEUES, profiles: [] });
  const files = profilesDir({ 'p.yaml': toYaml(support()) });
  afterAll(async () => {
    await emu.close();
    files.cleanup();
  });

  it('an unwritable --out is a clear error, exit 1, no stack trace, and the old plan stays whole', async () => {
    const env = cliEnv(emu);
    const existing = join(files.root, 'plan.json');
    realFs.writeFileSync(existing, OLD_PLAN);
    for (const out of [join(files.root, 'no-such-folder', 'plan.json'), files.dir /* a folder */]) {
      const r = await runCli(['plan', '--dir', files.dir, '--out', out], { env });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/Error: cannot write the plan to .*: (ENOENT|EISDIR|ENOTDIR|EEXIST|EPERM)/);
      expect(r.stderr).not.toMatch(/\n\s+at |internal|bug/);
    }
    expect(realFs.readdirSync(files.root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(realFs.readdirSync(files.dir)).toEqual(['p.yaml']);
    // And a writable --out replaces the old plan with the whole new one.
    const ok = await runCli(['plan', '--dir', files.dir, '--out', existing], { env });
    expect(ok.code).toBe(0);
    expect(JSON.parse(realFs.readFileSync(existing, 'utf8'))).toMatchObject({ formatVersion: 1, summary: { create: 1 } });
  });
});
