// Names are a profile's identity in an instance (Connect refuses a second profile with the same name), so two
// documents that declare one name, in one file or in two, are a mistake in the files.
import type { InputProblem } from '../errors.js';
import type { DesiredProfile, SourceLocation } from './types.js';

function nameLocation(profile: DesiredProfile): SourceLocation {
  return profile.locations['/name'] ?? profile.source;
}

/** One problem per repeated declaration, at the repeat, naming where the name was first declared. */
export function duplicateNameProblems(profiles: readonly DesiredProfile[]): InputProblem[] {
  const first = new Map<string, SourceLocation>();
  const problems: InputProblem[] = [];
  for (const profile of profiles) {
    const here = nameLocation(profile);
    const earlier = first.get(profile.name);
    if (earlier === undefined) {
      first.set(profile.name, here);
      continue;
    }
    problems.push({
      ...here,
      message: `duplicate routing profile name ${JSON.stringify(profile.name)}: also declared at ${earlier.file}:${earlier.line}:${earlier.column}; names must be unique`,
    });
  }
  return problems;
}
