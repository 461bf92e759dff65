// What the profiles folder already holds, read before any call to Connect: the profiles its documents declare
// (by `name` or `renamedFrom`, each with the environments it is limited to), the profiles environments' overlays
// change, and the names directly in it, so export can leave every file of the user's alone.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { loadDesired, invalidFilesError } from '../desired/load.js';
import { loadOverlayFolder } from '../desired/overlay-load.js';
import type { EnvironmentSource } from '../desired/environments.js';
import type { DesiredProfile } from '../desired/types.js';
import { collisionKey } from './slug.js';
import type { Declaration, Overlaid } from './plan-export.js';

export interface ExportFolder {
  /** Per live name, every document that declares it: by `name` first, then by `renamedFrom`. */
  declared: Map<string, Declaration[]>;
  profiles: DesiredProfile[];
  existing: Map<string, string>;
  /** Per profile name, the overlay documents that change it (none without environments). */
  overlaid: Map<string, Overlaid[]>;
}

function declarations(profiles: readonly DesiredProfile[]): Map<string, Declaration[]> {
  const perFile = new Map<string, number>();
  for (const p of profiles) perFile.set(p.source.file, (perFile.get(p.source.file) ?? 0) + 1);
  const declared = new Map<string, Declaration[]>();
  const add = (name: string, declaration: Declaration): void => {
    declared.set(name, [...(declared.get(name) ?? []), declaration]);
  };
  const limits = (p: DesiredProfile) => (p.environments === undefined ? {} : { environments: p.environments });
  for (const p of profiles) {
    add(p.name, { file: p.source.file, name: p.name, byRenamedFrom: false, soleDocument: perFile.get(p.source.file) === 1, ...limits(p) });
  }
  for (const p of profiles) {
    // A live profile under an old name is the one the file renames: it is declared, by that file.
    for (const old of p.renamedFrom ?? []) add(old, { file: p.source.file, name: p.name, byRenamedFrom: true, soleDocument: false, ...limits(p) });
  }
  return declared;
}

/** The environments' overlay folders, each once. */
function overlayDirsOf(environments: readonly EnvironmentSource[]): string[] {
  return [...new Set(environments.flatMap((e) => (e.overlayDir === undefined ? [] : [e.overlayDir])))];
}

/** Each overlay folder once, whichever environments share it; a broken overlay stops the export as plan would. */
async function overlaysOf(environments: readonly EnvironmentSource[], cwd: string): Promise<Map<string, Overlaid[]>> {
  const dirs = overlayDirsOf(environments);
  const overlaid = new Map<string, Overlaid[]>();
  for (const dir of dirs) {
    const users = environments.filter((e) => e.overlayDir === dir).map((e) => e.name);
    const folder = await loadOverlayFolder(dir, { cwd, environments: users, exclude: dirs.filter((other) => other !== dir) });
    if (folder.problems.length > 0) throw invalidFilesError(folder.problems, folder.order, 'the overlay files');
    for (const overlay of folder.overlays) {
      overlaid.set(overlay.name, [...(overlaid.get(overlay.name) ?? []), { file: overlay.source.file, environments: users }]);
    }
  }
  return overlaid;
}

/**
 * Invalid files stop the export (UserInputError from the loader): what they declare cannot be known. Overlay
 * folders (absolute), which may sit inside the profiles folder, hold no profiles and are not read as such.
 */
export async function readExportFolder(dir: string, cwd: string, environments: readonly EnvironmentSource[] = []): Promise<ExportFolder> {
  const overlaid = await overlaysOf(environments, cwd);
  const absolute = resolve(cwd, dir);
  if (!existsSync(absolute)) return { declared: new Map(), profiles: [], existing: new Map(), overlaid };
  const desired = await loadDesired(absolute, { cwd, exclude: overlayDirsOf(environments) });
  const existing = new Map<string, string>();
  for (const entry of readdirSync(absolute).sort()) existing.set(collisionKey(entry), entry);
  return { declared: declarations(desired.profiles), profiles: desired.profiles, existing, overlaid };
}

/** Where the schema is looked for, nearest first, from each folder up: the project's own, then an npm install's. */
const SCHEMA_CANDIDATES = [join('schema', 'routing-profile.schema.json'), join('node_modules', 'connect-gitops', 'schema', 'routing-profile.schema.json')];

/**
 * The modeline's path from a file's folder to the routing profile schema, with `/` separators as editors expect:
 * the nearest one found in the folder's parents, else `schema/` beside the profiles folder (design.md's layout,
 * `../schema/routing-profile.schema.json` from the folder itself). Cached: the files of one export share it.
 */
export function schemaPathFinder(cwd: string, dir: string): (folder: string) => string {
  const fallback = join(dirname(resolve(cwd, dir)), SCHEMA_CANDIDATES[0] as string);
  const cache = new Map<string, string>();
  return (folder) => {
    const from = resolve(cwd, folder);
    const cached = cache.get(from);
    if (cached !== undefined) return cached;
    let schema = fallback;
    search: for (let at = dirname(from); ; at = dirname(at)) {
      for (const candidate of SCHEMA_CANDIDATES) {
        const path = join(at, candidate);
        if (existsSync(path) && statSync(path).isFile()) {
          schema = path;
          break search;
        }
      }
      if (dirname(at) === at) break;
    }
    const found = relative(from, schema).split(sep).join('/');
    cache.set(from, found);
    return found;
  };
}
