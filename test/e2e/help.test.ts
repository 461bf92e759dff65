// Every command's --help is its own usage (golden files), and an unknown command is an error even with --help.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/args.js';
import { runCli } from './harness.js';
import { expectCliGolden } from '../cli/golden.js';

const env = { PATH: process.env.PATH ?? '' };

describe('help', () => {
  it('connect-gitops --help lists every command and the flags that span them', async () => {
    const r = await runCli(['--help'], { env });
    expect(r.code).toBe(0);
    expectCliGolden('help.txt', r.stdout);
    for (const command of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  connect-gitops ${command} `, 'm'));
    for (const flag of ['--env', '--prune', '--changed-since', '--quota']) expect(r.stdout).toContain(flag);
  });

  it.each(COMMANDS)('connect-gitops %s --help prints its own usage and flags', async (command) => {
    const r = await runCli([command, '--help'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: connect-gitops ${command}`));
    expectCliGolden(`help-${command}.txt`, r.stdout);
    // `help COMMAND` is the same text.
    expect((await runCli(['help', command], { env })).stdout).toBe(r.stdout);
  });

  it('every LOG_LEVEL value and --quota appear where they apply', async () => {
    const plan = (await runCli(['plan', '--help'], { env })).stdout;
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) expect(plan).toContain(level);
    expect(plan).toContain('--quota OP=RATE[:BURST]');
  });

  it('an unknown command is an error, even with --help', async () => {
    const r = await runCli(['deploy', '--help'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Error: unknown command "deploy"');
  });
});
