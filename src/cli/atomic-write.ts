// Plan files are written whole or not at all: a crash or a full disk never leaves half a plan that a
// later `apply --plan` could misread. Write beside the target, flush, then rename (atomic on POSIX).
import { openSync, writeFileSync, fsyncSync, closeSync, renameSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

export function writeFileAtomic(path: string, content: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temp, 'w', 0o644);
  try {
    // writeFileSync on a descriptor loops until every byte is written; a bare writeSync may write only part.
    writeFileSync(fd, content);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (e) {
    // The rename can fail too (the target is a directory, say): the temporary file must not be left behind.
    rmSync(temp, { force: true });
    throw e;
  }
}
