// Matching desired to live is by exact name: the name is a profile's identity in the files, and Connect keeps
// names unique per instance (DuplicateResourceException), so a second live profile of one name is impossible.
import { InternalError } from '../errors.js';
import type { LiveProfile } from '../live/types.js';

export function indexLiveByName(profiles: readonly LiveProfile[]): Map<string, LiveProfile> {
  const byName = new Map<string, LiveProfile>();
  for (const profile of profiles) {
    const seen = byName.get(profile.name);
    if (seen !== undefined) {
      throw new InternalError(
        `live state lists two routing profiles named ${JSON.stringify(profile.name)} (${seen.routingProfileId}, ${profile.routingProfileId}); Connect keeps names unique`,
      );
    }
    byName.set(profile.name, profile);
  }
  return byName;
}
