// Shared by the apply tests against the emulator: an instance seeded with named queues and plain profiles, and
// the IDs the emulator gave them.
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';

export interface SeededInstance {
  emu: RunningEmulator;
  queueId(name: string): string;
  profileId(name: string): string;
}

/** Profiles are VOICE-only with Basic as outbound queue: what a test changes is in its plan, not in the seed. */
export async function startSeeded(queues: readonly string[], profiles: readonly string[], options: Omit<EmulatorOptions, 'seed'> = {}): Promise<SeededInstance> {
  const emu = await startEmulator({
    ...options,
    seed: {
      queues: queues.map((name) => ({ name })),
      profiles: profiles.map((name) => ({ name, description: 'seeded', defaultOutboundQueue: 'Basic', mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1 }] })),
    },
  });
  const state = emu.snapshot();
  const queueIds = new Map(state.queues.map((q) => [q.name, q.queueId]));
  const profileIds = new Map(state.profiles.map((p) => [p.name, p.routingProfileId]));
  return { emu, queueId: (n) => queueIds.get(n) ?? '', profileId: (n) => profileIds.get(n) ?? '' };
}
