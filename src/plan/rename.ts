// Which live profile each desired profile is planned against. The name is the identity; `renamedFrom` lets a
// file take over a live profile under an old name, so that a rename in Git is one UpdateRoutingProfileName on
// the same profile ID instead of a create beside the old profile.
import type { ResolvedProfile, SourceLocation } from '../desired/types.js';
import { type InputProblem, UserInputError } from '../errors.js';
import { formerNameLocation } from '../desired/positions.js';
import type { LiveProfile } from '../live/types.js';

export interface ProfileMatch {
  desired: ResolvedProfile;
  /** Undefined: nothing live to plan against, the profile is created. */
  live?: LiveProfile;
  /** Set when `live` was found under this old name: the change renames it. */
  renamedFrom?: string;
}

function where(location: SourceLocation): string {
  return `${location.file}:${location.line}`;
}

/**
 * Old names are checked across all files before anything is matched: the desired layer refuses the same
 * mistakes, but a plan must never rename on an ambiguous claim.
 */
function claimProblems(desired: readonly ResolvedProfile[]): InputProblem[] {
  const problems: InputProblem[] = [];
  const declared = new Map(desired.map((p) => [p.name, p]));
  const claimedBy = new Map<string, { profile: ResolvedProfile; index: number }>();
  for (const profile of desired) {
    (profile.renamedFrom ?? []).forEach((old, index) => {
      const at = formerNameLocation(profile, index);
      const owner = declared.get(old);
      if (owner !== undefined) {
        const whose = owner === profile ? 'this profile itself' : `the profile declared at ${where(owner.source)}`;
        problems.push({ ...at, message: `renamedFrom: ${JSON.stringify(old)} is the name of ${whose}; an old name cannot also be declared` });
        return;
      }
      const earlier = claimedBy.get(old);
      if (earlier !== undefined) {
        problems.push({
          ...at,
          message: `renamedFrom: ${JSON.stringify(old)} is also claimed by ${JSON.stringify(earlier.profile.name)} at ${where(formerNameLocation(earlier.profile, earlier.index))}; one live profile can become only one`,
        });
        return;
      }
      claimedBy.set(old, { profile, index });
    });
  }
  return problems;
}

/**
 * Pairs each desired profile (sorted by name) with the live profile it is planned against. Throws one
 * UserInputError listing every ambiguous claim: both the new and an old name live, two old names live, or one
 * old name claimed twice.
 */
export function matchProfiles(desired: readonly ResolvedProfile[], liveByName: ReadonlyMap<string, LiveProfile>): ProfileMatch[] {
  const problems = claimProblems(desired);
  const matches: ProfileMatch[] = [];
  for (const profile of desired) {
    const olds = (profile.renamedFrom ?? []).map((old, index) => ({ old, index, live: liveByName.get(old) })).filter((o) => o.live !== undefined);
    const current = liveByName.get(profile.name);
    if (current !== undefined) {
      // Only the new name live: the rename already happened, the profile is simply in sync or updated.
      for (const o of olds) {
        problems.push({
          ...formerNameLocation(profile, o.index),
          message: `renamedFrom: both ${JSON.stringify(profile.name)} (${current.routingProfileId}) and its old name ${JSON.stringify(o.old)} (${o.live?.routingProfileId}) are live; rename cannot merge them: delete one of them, or drop ${JSON.stringify(o.old)} from renamedFrom`,
        });
      }
      matches.push({ desired: profile, live: current });
      continue;
    }
    const [first, ...others] = olds;
    if (first === undefined) {
      matches.push({ desired: profile });
      continue;
    }
    if (others.length > 0) {
      problems.push({
        ...formerNameLocation(profile, first.index),
        message: `renamedFrom: ${olds.length} old names of ${JSON.stringify(profile.name)} are live (${olds.map((o) => JSON.stringify(o.old)).join(', ')}); only one of them can be renamed to it`,
      });
    }
    matches.push({ desired: profile, live: first.live, renamedFrom: first.old });
  }
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 rename' : `${problems.length} renames`;
    throw new UserInputError(`${count} cannot be planned`, problems, 'Fix renamedFrom in the files named above (or the live profiles it names) and run again.');
  }
  return matches;
}
