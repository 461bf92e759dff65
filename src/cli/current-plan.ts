// desired -> live -> plan, the read-only half of every command that talks to Connect.
import { loadDesired } from '../desired/load.js';
import { resolveQueueReferences } from '../plan/resolve-queues.js';
import type { DesiredState } from '../desired/types.js';
import { readLive } from '../live/read.js';
import type { LiveState } from '../live/types.js';
import type { LiveReader } from '../connect/index.js';
import { computePlan } from '../plan/planner.js';
import type { Plan } from '../plan/types.js';
import { createProgress } from './progress.js';
import type { Logger } from './logger.js';

export function loadDesiredWithWarnings(dir: string, logger: Logger): Promise<DesiredState> {
  return loadDesired(dir).then((desired) => {
    for (const file of desired.skippedFiles) logger.warn({ file }, `skipped ${file}: it holds no routing profile (empty or comments only)`);
    // A drift job pointed at the wrong folder would otherwise report "no drift" forever.
    if (desired.profiles.length === 0) logger.warn({ dir }, `no routing profile found under ${dir}: nothing is managed`);
    return desired;
  });
}

export interface CurrentPlan {
  desired: DesiredState;
  live: LiveState;
  plan: Plan;
}

/**
 * Live profiles no file declares are left alone (no prune). Saying which, on stderr, is how a user notices that a
 * renamed profile in the files is a new profile beside the old one, not a rename.
 */
export function logUndeclared(desired: DesiredState, live: LiveState, logger: Logger): void {
  const declared = new Set(desired.profiles.map((p) => p.name));
  const undeclared = live.profiles.map((p) => p.name).filter((n) => !declared.has(n)).sort();
  if (undeclared.length === 0) return;
  const shown = undeclared.slice(0, 10).map((n) => JSON.stringify(n)).join(', ');
  const more = undeclared.length > 10 ? ` and ${undeclared.length - 10} more` : '';
  logger.info({ undeclared: undeclared.length }, `${undeclared.length} live routing profile${undeclared.length === 1 ? ' is' : 's are'} not in the files and left alone: ${shown}${more}`);
}

/** Reads only what the files manage (design.md's read strategy) and plans against it. */
export async function planAgainstLive(desired: DesiredState, reader: LiveReader, instanceId: string): Promise<CurrentPlan> {
  const declared = desired.profiles.map((p) => ({ name: p.name, managesQueues: p.queues !== undefined }));
  const progress = createProgress('Reading live state');
  let live: LiveState;
  try {
    live = await readLive(reader, instanceId, declared, { onProgress: (done, total) => progress.update(done, total) });
  } finally {
    progress.finish();
  }
  const resolved = resolveQueueReferences(desired.profiles, live.queues);
  return { desired, live, plan: computePlan(resolved, live) };
}
