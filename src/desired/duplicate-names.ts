// Names are a profile's identity in an instance (Connect refuses a second profile with the same name), so two
// documents that declare one name, in one file or in two, are a mistake in the files; so are two names that
// differ only in what people cannot see (case, spaces at the ends, Unicode composition), and former names
// (renamedFrom) that two documents claim or that another document still declares. Two documents never meet
// when their `environments` do not overlap: each is the profile of that name in its own environments.
import type { InputProblem } from '../errors.js';
import { lookAlikeKey } from './name-key.js';
import { formerNameLocation, nameLocation, placeOf } from './positions.js';
import type { DesiredProfile, SourceLocation } from './types.js';

/**
 * The first declaration registered under a key whose environments overlap the given ones. Indexed per
 * environment, so that thousands of documents of one name cost one lookup each, not a comparison with each.
 */
class DeclarationsByEnvironment<T> {
  /** Per key: the first declaration that exists everywhere, and the first per named environment. */
  private readonly byKey = new Map<string, { everywhere?: T; anywhere?: T; named: Map<string, T> }>();

  /** The earlier overlapping declaration if there is one; otherwise registers this one. */
  claim(key: string, environments: readonly string[] | undefined, value: T): T | undefined {
    const earlier = this.find(key, environments);
    if (earlier !== undefined) return earlier;
    let slot = this.byKey.get(key);
    if (slot === undefined) {
      slot = { named: new Map() };
      this.byKey.set(key, slot);
    }
    slot.anywhere ??= value;
    if (environments === undefined) slot.everywhere = value;
    else for (const environment of environments) slot.named.set(environment, value);
    return undefined;
  }

  /** The first declaration under `key` whose environments overlap, without registering anything. */
  find(key: string, environments: readonly string[] | undefined): T | undefined {
    const slot = this.byKey.get(key);
    if (slot === undefined) return undefined;
    if (slot.everywhere !== undefined) return slot.everywhere;
    if (environments === undefined) return slot.anywhere;
    for (const environment of environments) {
      const earlier = slot.named.get(environment);
      if (earlier !== undefined) return earlier;
    }
    return undefined;
  }
}

function formerNameLocations(profile: DesiredProfile): { name: string; location: SourceLocation }[] {
  return (profile.renamedFrom ?? []).map((name, index) => ({ name, location: formerNameLocation(profile, index) }));
}

function declaration(profile: DesiredProfile): { name: string; environments?: readonly string[] } {
  return profile.environments === undefined ? { name: profile.name } : { name: profile.name, environments: profile.environments };
}

/** One problem per conflicting declaration, at the later one, naming where the earlier one is. */
export function duplicateNameProblems(profiles: readonly DesiredProfile[]): InputProblem[] {
  const problems: InputProblem[] = [];
  const names = new DeclarationsByEnvironment<{ name: string; environments?: readonly string[]; location: SourceLocation }>();
  for (const profile of profiles) {
    const here = nameLocation(profile);
    const earlier = names.claim(lookAlikeKey(profile.name), profile.environments, { ...declaration(profile), location: here });
    if (earlier === undefined) continue;
    const scope = profile.environments !== undefined || earlier.environments !== undefined ? ' within an environment' : '';
    problems.push({
      ...here,
      message:
        earlier.name === profile.name
          ? `duplicate routing profile name ${JSON.stringify(profile.name)}: also declared at ${placeOf(earlier.location)}; names must be unique${scope}`
          : `routing profile name ${JSON.stringify(profile.name)} looks like ${JSON.stringify(earlier.name)} declared at ${placeOf(earlier.location)} (equal once case, spaces at the ends and Unicode composition are set aside); rename one so people can tell them apart`,
    });
  }

  // Former names are compared exactly: Connect's names are case-sensitive, and a rename may change only case.
  const exactNames = new DeclarationsByEnvironment<SourceLocation>();
  for (const profile of profiles) exactNames.claim(profile.name, profile.environments, nameLocation(profile));
  const formerNames = new DeclarationsByEnvironment<SourceLocation>();
  for (const profile of profiles) {
    for (const { name, location } of formerNameLocations(profile)) {
      const declared = exactNames.find(name, profile.environments);
      if (declared !== undefined) {
        problems.push({
          ...location,
          message: `renamedFrom ${JSON.stringify(name)} is the name of a profile declared at ${placeOf(declared)}; a profile that is still declared cannot also be renamed, remove one of the two`,
        });
        continue;
      }
      const claimed = formerNames.claim(name, profile.environments, location);
      if (claimed !== undefined) {
        problems.push({
          ...location,
          message: `renamedFrom ${JSON.stringify(name)} is also claimed at ${placeOf(claimed)}; one former profile can be renamed into only one profile`,
        });
      }
    }
  }
  return problems;
}
