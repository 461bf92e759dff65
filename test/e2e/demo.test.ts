// `npm run demo` is the first command a newcomer runs: it must keep working and keep telling the truth.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, assertBuilt } from './harness.js';

function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  assertBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/scripts/demo.js')], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run demo', () => {
  it('validates, plans, applies, finds nothing left, then catches drift', async () => {
    const r = await runDemo();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Success! 6 routing profiles in 5 files under profiles are valid.');
    expect(r.stdout).toContain('Plan: 2 to create, 2 to update, 2 unchanged (7 API calls).');
    expect(r.stdout).toMatch(/Apply complete: 2 created, 2 updated, 0 failed \(7 API calls\)\./);
    expect(r.stdout).toContain('No changes. Routing profiles match the files.');
    expect(r.stdout).toMatch(/Drift: 0 missing, 1 drifted, 5 in sync/);
    expect(r.stdout).not.toContain('EXPECTED');
    expect(r.stdout).toContain('Demo complete.');
  });
});
