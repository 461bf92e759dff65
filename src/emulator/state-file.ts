// Persisting the emulator's state across restarts. Writes go to a temporary file in the same directory and
// are renamed over the target: rename is atomic on one filesystem, so a crash leaves the old or the new
// state, never half of one.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EmulatorStateSnapshot } from './types.js';

/** What is wrong with a parsed state file, in words a user can act on; undefined when it looks whole. */
function stateProblem(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'it holds no JSON object';
  const s = v as Record<string, unknown>;
  if (s.formatVersion !== 1) return `formatVersion is ${JSON.stringify(s.formatVersion)}, not 1`;
  for (const key of ['instanceId', 'instanceArn', 'region'] as const) {
    if (typeof s[key] !== 'string') return `${key} is missing or not a string`;
  }
  for (const key of ['queues', 'profiles'] as const) {
    if (!Array.isArray(s[key])) return `${key} is missing or not a list`;
  }
  if (typeof s.nextSeq !== 'number') return 'nextSeq is missing or not a number';
  const bad = (s.profiles as unknown[]).findIndex(
    (p) => typeof p !== 'object' || p === null || typeof (p as Record<string, unknown>).routingProfileId !== 'string',
  );
  if (bad >= 0) return `profiles[${bad}] has no routingProfileId`;
  return undefined;
}

/** `:line:column` of a JSON.parse error, from the offset V8 puts in its message; empty when it gives none. */
function jsonErrorPlace(text: string, e: Error): string {
  const m = /at position (\d+)/.exec(e.message);
  if (!m) return '';
  const before = text.slice(0, Number(m[1])).split('\n');
  return `:${before.length}:${(before.at(-1) ?? '').length + 1}`;
}

/** The saved state, or undefined when there is no file yet. A file that is there but unusable is an error. */
export function readStateFile(path: string): EmulatorStateSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  const remedy = 'delete it to start from the seed again, or give another state file';
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`state file ${path} cannot be read: ${(e as Error).message}`);
  }
  if (text.trim() === '') throw new Error(`state file ${path} is empty; ${remedy}.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`state file ${path}${jsonErrorPlace(text, e as Error)} is not valid JSON (${(e as Error).message}); ${remedy}.`);
  }
  const problem = stateProblem(parsed);
  if (problem) throw new Error(`state file ${path} is not an emulator state file: ${problem}; ${remedy}.`);
  return parsed as EmulatorStateSnapshot;
}

export function writeStateFile(path: string, state: EmulatorStateSnapshot): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, `${JSON.stringify(state, null, 2)}\n`);
      // On disk before the rename makes it visible, or a power loss could publish an empty file.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
