// Shared by the desired-state tests: run the loader and render problems the way the CLI prints them.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserInputError, type InputProblem } from '../../src/errors.js';

export function render(problem: InputProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Runs `action`, which must throw a UserInputError, and returns its problems as printed lines. */
export async function problemsOf(action: () => unknown): Promise<string[]> {
  try {
    await action();
  } catch (error) {
    if (error instanceof UserInputError) return error.problems.map(render);
    throw error;
  }
  throw new Error('expected a UserInputError, but nothing was thrown');
}

/** A fresh temporary directory, removed by the returned cleanup. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'connect-gitops-desired-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes each file (paths relative to `dir`), creating the folders it sits in. */
export async function writeFiles(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
}

/** A minimal valid profile, to which a test appends or in which it replaces lines. */
export const MINIMAL = `name: Tier1 Support
description: Frontline agents
defaultOutboundQueue: BasicQueue
mediaConcurrencies:
  - channel: VOICE
    concurrency: 1
`;
