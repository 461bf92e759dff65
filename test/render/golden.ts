// Golden-file comparison: the rendered text must equal the file byte for byte. `UPDATE_GOLDEN=1` rewrites the
// files instead (then review the diff before committing).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

export function expectGolden(fileName: string, actual: string): void {
  const path = join(GOLDEN_DIR, fileName);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual, 'utf8');
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${fileName} is missing; run with UPDATE_GOLDEN=1 to create it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
