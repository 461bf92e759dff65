// Start-up fit for a pre-commit hook: `connect-gitops validate` of the example profiles against a bare
// `node -e 0` on the same machine, as a ratio of medians. The two alternate run by run, so a busy neighbour
// slows both alike rather than one of them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './measure.js';

export interface StartupResult {
  runs: number;
  nodeMs: number;
  validateMs: number;
  ratio: number;
  /** The same in CPU time (user + system of the child), which a busy machine disturbs less; absent off Linux. */
  cpu?: { nodeMs: number; validateMs: number; ratio: number };
}

/** CPU time of this process's waited-for children (Linux /proc: cutime + cstime, in clock ticks of 10 ms). */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** Target from the issue: validate starts in at most 3× a bare node. */
export const STARTUP_RATIO_TARGET = 3;

function timed(args: string[], cwd: string, cpu?: number[]): number {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  const cpuAfter = childrenCpuMs();
  if (cpu !== undefined && cpuBefore !== undefined && cpuAfter !== undefined) cpu.push(cpuAfter - cpuBefore);
  return ms;
}

export function measureStartup(packageRoot: string, runs: number): StartupResult {
  const cli = join(packageRoot, 'dist', 'src', 'cli', 'main.js');
  const bare: number[] = [];
  const validate: number[] = [];
  const bareCpu: number[] = [];
  const validateCpu: number[] = [];
  // One of each first, unmeasured: the first start of either reads its files from disk, not the page cache.
  timed(['-e', '0'], packageRoot);
  timed([cli, 'validate', '--dir', 'profiles'], packageRoot);
  for (let i = 0; i < runs; i++) {
    bare.push(timed(['-e', '0'], packageRoot, bareCpu));
    validate.push(timed([cli, 'validate', '--dir', 'profiles'], packageRoot, validateCpu));
  }
  const nodeMs = median(bare);
  const validateMs = median(validate);
  const cpu = bareCpu.length === runs && median(bareCpu) > 0 ? { nodeMs: median(bareCpu), validateMs: median(validateCpu), ratio: median(validateCpu) / median(bareCpu) } : undefined;
  return { runs, nodeMs, validateMs, ratio: validateMs / nodeMs, ...(cpu === undefined ? {} : { cpu }) };
}
