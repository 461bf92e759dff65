// Names that a person reads as the same: Connect keeps "Team 05" and "team 05 " apart, so a create beside a
// look-alike live profile succeeds and leaves two profiles agents and reviewers cannot tell apart.
// The key is the one the files are checked with, so a plan warns of exactly what validate would call alike.
import { lookAlikeKey } from '../desired/name-key.js';
import type { LiveProfile } from '../live/types.js';
import { compareStrings } from './order.js';

/** A name the plan brings into the instance: a create, or the target of a rename (with the live name it leaves). */
export interface NewName {
  name: string;
  renamedFrom?: string;
}

/** One warning per new name and live profile that look alike (the profile being renamed excepted), sorted. */
export function lookAlikeWarnings(newNames: readonly NewName[], live: readonly LiveProfile[]): string[] {
  const liveByKey = new Map<string, string[]>();
  for (const p of live) {
    const key = lookAlikeKey(p.name);
    liveByKey.set(key, [...(liveByKey.get(key) ?? []), p.name]);
  }
  const warnings: string[] = [];
  for (const { name, renamedFrom } of newNames) {
    for (const other of liveByKey.get(lookAlikeKey(name)) ?? []) {
      if (other === name || other === renamedFrom) continue;
      const verb = renamedFrom === undefined ? 'create' : `rename ${JSON.stringify(renamedFrom)} to`;
      warnings.push(`would ${verb} ${JSON.stringify(name)} beside live ${JSON.stringify(other)}`);
    }
  }
  return [...new Set(warnings)].sort(compareStrings);
}
