// Live states for export tests: an emulator seeded through Connect's own create path, then adjusted to what only
// older or hand-built instances hold (profiles from before cross-channel routing, no availability timer,
// manual-assignment queues, two queues of one name) and restarted from that state.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeStateFile } from '../../src/emulator/state-file.js';
import { startEmulator, type EmulatorSeed, type EmulatorStateSnapshot, type RunningEmulator, type StoredProfile } from '../../src/emulator/index.js';

export type Adjust = (state: EmulatorStateSnapshot) => void;

/** Starts an emulator holding `seed`, changed by `adjust` the way no API call could. */
export async function emulatorHolding(seed: EmulatorSeed, adjust: Adjust = () => undefined): Promise<RunningEmulator> {
  const seeded = await startEmulator({ seed });
  const state = seeded.snapshot();
  await seeded.close();
  adjust(state);
  const folder = mkdtempSync(join(tmpdir(), 'cg-export-state-'));
  const statePath = join(folder, 'state.json');
  writeStateFile(statePath, state);
  const emu = await startEmulator({ statePath });
  const close = emu.close;
  return { ...emu, close: () => close().finally(() => rmSync(folder, { recursive: true, force: true })) };
}

export function profileNamed(state: EmulatorStateSnapshot, name: string): StoredProfile {
  const found = state.profiles.find((p) => p.name === name);
  if (!found) throw new Error(`no profile ${name} in the state`);
  return found;
}

/** A profile from before cross-channel routing and the availability timer: Describe returns neither. */
export function makeLegacy(profile: StoredProfile, channels: 'all' | readonly string[] = 'all'): void {
  for (const m of profile.mediaConcurrencies) {
    if (channels === 'all' || channels.includes(m.channel)) delete (m as { crossChannelBehavior?: unknown }).crossChannelBehavior;
  }
}

export function dropTimer(profile: StoredProfile): void {
  delete (profile as { agentAvailabilityTimer?: unknown }).agentAvailabilityTimer;
}
