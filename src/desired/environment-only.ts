// A document limited to some environments (`environments: [dev]`) means "only there". When connect-gitops.yaml
// defines no environments there is no "there": planning it for the one instance, or dropping it silently, would
// both do what the file does not say. validate and every command against Connect refuse it alike, before any
// call, with file and line.
import { UserInputError } from '../errors.js';
import type { DesiredState } from './types.js';

/** The refusal, or undefined when no document is limited to environments. */
export function environmentOnlyProfilesError(desired: DesiredState): UserInputError | undefined {
  const limited = desired.profiles.filter((p) => p.environments !== undefined);
  if (limited.length === 0) return undefined;
  return new UserInputError(
    `${limited.length} routing profile${limited.length === 1 ? ' is' : 's are'} limited to environments, and connect-gitops.yaml defines none`,
    limited.map((p) => ({
      ...(p.locations['/environments'] ?? p.source),
      message: `routing profile ${JSON.stringify(p.name)} exists only in environments ${p.environments?.map((e) => JSON.stringify(e)).join(', ')}, and connect-gitops.yaml defines no environments: it would be managed nowhere`,
    })),
    'Remove environments: from the document to manage the profile on this instance, or define environments: in connect-gitops.yaml.',
  );
}
