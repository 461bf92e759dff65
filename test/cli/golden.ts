// Golden files of the command line (help texts, JSON results): the output must equal the file byte for byte.
// `UPDATE_GOLDEN=1` rewrites the files instead (then review the diff before committing).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const CLI_GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

export function expectCliGolden(fileName: string, actual: string): void {
  const path = join(CLI_GOLDEN_DIR, fileName);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual, 'utf8');
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${fileName} is missing; run with UPDATE_GOLDEN=1 to create it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
