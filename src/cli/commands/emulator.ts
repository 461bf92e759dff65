import { statSync } from 'node:fs';
import { runEmulatorCommand } from '../../emulator/index.js';
import { UserInputError } from '../../errors.js';
import { EXIT_OK } from '../exit.js';

/** The CLI's only door into the emulator; nothing else in src/ outside src/emulator imports it. */
export async function emulatorCommand(opts: { port: number; seedDir?: string; statePath?: string; quotas: 'off' | 'connect-defaults' }): Promise<number> {
  if (opts.seedDir !== undefined && !statSync(opts.seedDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserInputError(`--seed ${opts.seedDir}: no such directory`, [], 'Pass a folder holding emulator.yaml and routing profile files, e.g. --seed demo/live.');
  }
  try {
    await runEmulatorCommand(opts);
  } catch (e) {
    // What stops the emulator from starting is its input: a seed it cannot load, a state file, a busy port.
    throw new UserInputError(`the emulator could not start: ${(e as Error).message}`, [], 'Fix the seed folder, the state file or the port named above.');
  }
  return EXIT_OK;
}
