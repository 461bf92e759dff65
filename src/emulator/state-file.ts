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

export function readStateFile(path: string): EmulatorStateSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<EmulatorStateSnapshot>;
  if (parsed.formatVersion !== 1 || typeof parsed.instanceId !== 'string') {
    throw new Error(`${path} is not an emulator state file (formatVersion 1).`);
  }
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
