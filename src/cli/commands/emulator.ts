import { runEmulatorCommand } from '../../emulator/index.js';
import { EXIT_OK } from '../exit.js';

/** The CLI's only door into the emulator; nothing else in src/ outside src/emulator imports it. */
export async function emulatorCommand(opts: { port: number; seedDir?: string; statePath?: string; quotas: 'off' | 'connect-defaults' }): Promise<number> {
  await runEmulatorCommand(opts);
  return EXIT_OK;
}
