// What the profiles folder already holds, read before any call to Connect: the profiles its documents declare
// (by `name` or `renamedFrom`) and the names directly in it, so export can leave every file of the user's alone.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { loadDesired } from '../desired/load.js';
import type { DesiredProfile } from '../desired/types.js';
import { collisionKey } from './slug.js';
import type { Declaration } from './plan-export.js';

export interface ExportFolder {
  declared: Map<string, Declaration>;
  profiles: DesiredProfile[];
  existing: Map<string, string>;
}

/**
 * Invalid files stop the export (UserInputError from the loader): what they declare cannot be known. Overlay
 * folders (absolute), which may sit inside the profiles folder, hold no profiles and are not read as such.
 */
export async function readExportFolder(dir: string, cwd: string, overlayDirs: readonly string[] = []): Promise<ExportFolder> {
  const absolute = resolve(cwd, dir);
  if (!existsSync(absolute)) return { declared: new Map(), profiles: [], existing: new Map() };
  const desired = await loadDesired(absolute, { cwd, exclude: overlayDirs });
  const perFile = new Map<string, number>();
  for (const p of desired.profiles) perFile.set(p.source.file, (perFile.get(p.source.file) ?? 0) + 1);
  const declared = new Map<string, Declaration>();
  for (const p of desired.profiles) {
    declared.set(p.name, { file: p.source.file, name: p.name, byRenamedFrom: false, soleDocument: perFile.get(p.source.file) === 1 });
  }
  for (const p of desired.profiles) {
    for (const old of p.renamedFrom ?? []) {
      // A live profile under an old name is the one the file renames: it is declared, by that file.
      if (!declared.has(old)) declared.set(old, { file: p.source.file, name: p.name, byRenamedFrom: true, soleDocument: false });
    }
  }
  const existing = new Map<string, string>();
  for (const entry of readdirSync(absolute).sort()) existing.set(collisionKey(entry), entry);
  return { declared, profiles: desired.profiles, existing };
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
