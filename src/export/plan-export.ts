// What export will do with each live profile, decided before anything is written: write a file, leave a
// profile the folder already declares, or skip one the files cannot hold. Pure: the folder's state and the
// live state come in as data, so the rules that protect a user's work are tested without a disk.
import { dirname, join } from 'node:path';
import { duplicateNameProblems } from '../desired/duplicate-names.js';
import type { DesiredProfile } from '../desired/types.js';
import type { LiveProfile, LiveQueue } from '../live/types.js';
import { compareStrings } from '../plan/order.js';
import { emitProfileYaml } from './emit.js';
import type { FormatFields } from './format-fields.js';
import { documentFromLive } from './from-live.js';
import { queueNames, type QueueNames } from './queue-names.js';
import { readBack } from './read-back.js';
import { shownName } from './shown.js';
import { collisionKey, fileNamesFor } from './slug.js';

/** How the folder already states a live profile. */
export interface Declaration {
  /** The file, as a path relative to the working directory (as the loader reports it). */
  file: string;
  /** Declared by the document's `name`; otherwise by its `renamedFrom` (of `name`). */
  name: string;
  byRenamedFrom: boolean;
  /** The file holds this one document and nothing else: the only file --force may replace. */
  soleDocument: boolean;
}

export interface ExportInput {
  /** The folder new files go to, as given (relative to the working directory or absolute). */
  dir: string;
  /** Every live profile: file names are chosen over all of them, so they do not depend on --name. */
  live: readonly LiveProfile[];
  queues: readonly LiveQueue[];
  /** The names to export (every live profile when absent). */
  names?: readonly string[];
  declared: ReadonlyMap<string, Declaration>;
  /** The profiles the folder's files hold now, as loaded: the exported files must stand beside them. */
  folderProfiles: readonly DesiredProfile[];
  /** Entries directly in `dir`, by collisionKey of their name (what a case-insensitive disk would clash on). */
  existing: ReadonlyMap<string, string>;
  force: boolean;
  format: FormatFields;
  /** The schema path for the modeline of a file in the given folder. */
  schemaPathFrom: (folder: string) => string;
}

export type ExportItem =
  | { kind: 'write'; name: string; file: string; text: string; replaces: boolean }
  | { kind: 'declared'; name: string; file: string }
  | { kind: 'skipped'; name: string; reasons: string[] };

function targetFile(input: ExportInput, profile: LiveProfile, fileName: string): { file: string; replaces: boolean } | { reasons: string[] } {
  const declaration = input.declared.get(profile.name);
  if (declaration !== undefined) {
    if (declaration.byRenamedFrom) {
      return { reasons: [`${declaration.file} declares it as the former name of ${shownName(declaration.name)}; export leaves that file alone`] };
    }
    if (!declaration.soleDocument) {
      return { reasons: [`${declaration.file} declares it together with other documents; --force replaces only a file that holds that one profile`] };
    }
    return { file: declaration.file, replaces: true };
  }
  const present = input.existing.get(collisionKey(fileName));
  if (present !== undefined) {
    return { reasons: [`${join(input.dir, present)} already exists and does not hold this profile alone; it is not overwritten (move it aside, or rename the profile)`] };
  }
  return { file: join(input.dir, fileName), replaces: false };
}

/** A file that reads back on its own, before the checks between documents: `profile` is how it loads. */
type Planned = Exclude<ExportItem, { kind: 'write' }> | { kind: 'ready'; name: string; file: string; text: string; replaces: boolean; profile: DesiredProfile };

function planOne(input: ExportInput, profile: LiveProfile, fileName: string, names: QueueNames): Planned {
  const declaration = input.declared.get(profile.name);
  if (declaration !== undefined && !input.force) return { kind: 'declared', name: profile.name, file: declaration.file };
  const target = targetFile(input, profile, fileName);
  if ('reasons' in target) return { kind: 'skipped', name: profile.name, reasons: target.reasons };
  const built = documentFromLive(profile, names, input.format);
  if (!built.ok) return { kind: 'skipped', name: profile.name, reasons: built.reasons };
  const text = emitProfileYaml(built.document, input.schemaPathFrom(dirname(target.file)));
  const check = readBack(target.file, text, built.document);
  if (!check.ok) return { kind: 'skipped', name: profile.name, reasons: check.reasons };
  return { kind: 'ready', name: profile.name, file: target.file, text, replaces: target.replaces, profile: check.profile };
}

/**
 * The rules between documents (no two names alike, former names claimed once) are the loader's own: the new
 * files are checked beside the files they join, and a new file the folder would then refuse is not written.
 * The folder's own files come first, so a problem always lands on the new one.
 */
function acrossDocuments(input: ExportInput, planned: readonly Planned[]): ExportItem[] {
  const writes = planned.flatMap((p) => (p.kind === 'ready' ? [p] : []));
  const replaced = new Set(writes.filter((w) => w.replaces).map((w) => w.file));
  const kept = input.folderProfiles.filter((p) => !replaced.has(p.source.file));
  const refused = new Map<string, string[]>();
  for (const problem of duplicateNameProblems([...kept, ...writes.map((w) => w.profile)])) {
    refused.set(problem.file, [...(refused.get(problem.file) ?? []), problem.message]);
  }
  return planned.map((p): ExportItem => {
    if (p.kind !== 'ready') return p;
    const reasons = refused.get(p.file);
    if (reasons !== undefined) return { kind: 'skipped', name: p.name, reasons };
    return { kind: 'write', name: p.name, file: p.file, text: p.text, replaces: p.replaces };
  });
}

export function planExport(input: ExportInput): ExportItem[] {
  const fileNames = fileNamesFor(input.live.map((p) => p.name));
  const wanted = input.names === undefined ? undefined : new Set(input.names);
  const names = queueNames(input.queues);
  const selected = input.live.filter((p) => wanted === undefined || wanted.has(p.name)).sort((a, b) => compareStrings(a.name, b.name));
  return acrossDocuments(
    input,
    selected.map((profile) => planOne(input, profile, fileNames.get(profile.name) as string, names)),
  );
}
