// The desired state of each environment of connect-gitops.yaml: one set of profile files serves every
// instance; a document with `environments:` exists only in those, and each environment's overlay folder
// changes the fields that differ there (overlay-merge.ts says how).
import path from 'node:path';
import type { InputProblem } from '../errors.js';
import { displayPath, folderHolds } from './files.js';
import { collectDesired, invalidFilesError, type LoadOptions } from './load.js';
import { mergeOverlay } from './overlay-merge.js';
import { nameLocation, placeOf } from './positions.js';
import { loadOverlayFolder, whose, type OverlayFolder } from './overlay-load.js';
import type { OverlayDocument } from './overlay-parse.js';
import { didYouMean } from './suggest.js';
import type { DesiredProfile, DesiredState } from './types.js';

export interface EnvironmentSource {
  name: string;
  /** The environment's overlay folder, absolute. */
  overlayDir?: string;
}

function existsIn(profile: DesiredProfile, environment: string): boolean {
  return profile.environments === undefined || profile.environments.includes(environment);
}

/** A document naming an environment connect-gitops.yaml does not define would silently exist nowhere. */
function undefinedEnvironmentProblems(profiles: readonly DesiredProfile[], defined: readonly string[]): InputProblem[] {
  const known = new Set(defined);
  const listed = defined.length === 0 ? 'it defines none' : `defined: ${defined.join(', ')}`;
  return profiles.flatMap((profile) =>
    (profile.environments ?? []).flatMap((environment, index) =>
      known.has(environment)
        ? []
        : [
            {
              ...(profile.locations[`/environments/${index}`] ?? profile.locations['/environments'] ?? profile.source),
              message: `environments[${index}]: environment ${JSON.stringify(environment)} is not defined in connect-gitops.yaml${didYouMean(environment, defined)} (${listed})`,
            },
          ],
    ),
  );
}

/** Why an overlay has no base profile in this environment, where it names one. */
function unmatchedOverlayProblem(overlay: OverlayDocument, environment: string, all: readonly DesiredProfile[], here: readonly DesiredProfile[]): InputProblem {
  const location = nameLocation(overlay);
  const elsewhere = all.find((profile) => profile.name === overlay.name);
  if (elsewhere !== undefined) {
    const where = elsewhere.locations['/environments'] ?? elsewhere.source;
    const only = (elsewhere.environments ?? []).map((name) => JSON.stringify(name)).join(', ');
    return {
      ...location,
      message: `overlay for routing profile ${JSON.stringify(overlay.name)}, which exists only in environments ${only} (${placeOf(where)}), not in ${JSON.stringify(environment)}; remove this overlay, or add ${JSON.stringify(environment)} to the profile's environments`,
    };
  }
  return {
    ...location,
    message: `overlay for routing profile ${JSON.stringify(overlay.name)}, but no profile file declares it (an overlay changes a profile of the profiles folder, by its exact name)${didYouMean(overlay.name, here.map((profile) => profile.name))}`,
  };
}

/** The profiles of one environment: the filter, then its overlays merged; problems of the merge are returned. */
function profilesOf(environment: string, all: readonly DesiredProfile[], overlays: readonly OverlayDocument[]): { profiles: DesiredProfile[]; problems: InputProblem[] } {
  const profiles = all.filter((profile) => existsIn(profile, environment));
  // Names are unique within an environment (duplicate-names.ts), so each name is one profile here.
  const index = new Map(profiles.map((profile, position) => [profile.name, position]));
  const problems: InputProblem[] = [];
  for (const overlay of overlays) {
    const position = index.get(overlay.name);
    const base = position === undefined ? undefined : profiles[position];
    if (position === undefined || base === undefined) {
      problems.push(unmatchedOverlayProblem(overlay, environment, all, profiles));
      continue;
    }
    const merged = mergeOverlay(base, overlay);
    if (merged.ok) profiles[position] = merged.profile;
    else problems.push(...merged.problems);
  }
  return { profiles, problems };
}

/** Equal problems once: environments that share an overlay folder find the same ones. */
function distinct(problems: readonly InputProblem[]): InputProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify([problem.file, problem.line, problem.column, problem.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Base files once (overlay folders excluded from the walk), each overlay folder once, then per environment, in
 * the order given: the profiles for it (environment filter, overlay merged, rules checked again). Throws one
 * UserInputError listing every problem of every environment, with file, line and column; among them a profile
 * document naming an environment that is not defined. When the base files have problems, overlays are still
 * read and checked alone, but not matched to profiles: a profile whose document is invalid is not loaded, and
 * every overlay of it would otherwise be reported as naming no profile.
 */
export async function loadDesiredPerEnvironment(
  dir: string,
  environments: readonly EnvironmentSource[],
  opts: LoadOptions = {},
): Promise<Map<string, DesiredState>> {
  const cwd = opts.cwd ?? process.cwd();
  const overlayOf = (environment: EnvironmentSource): string | undefined =>
    environment.overlayDir === undefined ? undefined : path.resolve(cwd, environment.overlayDir);
  const overlayDirs = [...new Set(environments.flatMap((environment) => overlayOf(environment) ?? []))];
  const base = await collectDesired(dir, { ...opts, exclude: [...(opts.exclude ?? []), ...overlayDirs] });
  const problems = [...base.problems, ...undefinedEnvironmentProblems(base.state.profiles, environments.map((environment) => environment.name))];
  const order = [...base.order];

  const folders = new Map<string, OverlayFolder>();
  for (const overlayDir of overlayDirs) {
    const users = environments.filter((environment) => overlayOf(environment) === overlayDir).map((environment) => environment.name);
    if (folderHolds(overlayDir, path.resolve(cwd, dir))) {
      const shownAs = displayPath(overlayDir, cwd);
      problems.push({ file: shownAs, line: 1, column: 1, message: `the overlay folder of ${whose(users)} is the profiles folder or holds it; give overlays a folder of their own, beside or inside the profiles folder` });
      order.push(shownAs);
      continue;
    }
    const folder = await loadOverlayFolder(overlayDir, {
      cwd,
      environments: users,
      exclude: overlayDirs.filter((other) => other !== overlayDir),
      ...(opts.fs === undefined ? {} : { fs: opts.fs }),
    });
    folders.set(overlayDir, folder);
    problems.push(...folder.problems);
    order.push(...folder.order);
  }

  const result = new Map<string, DesiredState>();
  for (const environment of environments) {
    const overlayDir = overlayOf(environment);
    const folder = overlayDir === undefined ? undefined : folders.get(overlayDir);
    const overlays = base.problems.length === 0 ? (folder?.overlays ?? []) : [];
    const merged = profilesOf(environment.name, base.state.profiles, overlays);
    problems.push(...merged.problems);
    result.set(environment.name, { profiles: merged.profiles, skippedFiles: [...base.state.skippedFiles, ...(folder?.skippedFiles ?? [])] });
  }
  if (problems.length > 0) {
    // Overlay problems are listed among the profiles': the headline names both kinds of file when overlays exist.
    throw invalidFilesError(distinct(problems), order, overlayDirs.length > 0 ? 'the profile and overlay files' : 'the profile files');
  }
  return result;
}
