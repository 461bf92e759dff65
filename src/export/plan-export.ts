// What export will do with each live profile, decided before anything is written: write a file, leave a
// profile the folder already declares, or skip one the files cannot hold. Pure: the folder's state and the
// live state come in as data, so the rules that protect a user's work are tested without a disk.
import { dirname, join } from 'node:path';
import { duplicateNameProblems } from '../desired/duplicate-names.js';
import { whose } from '../desired/overlay-load.js';
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
  /** The document's `environments:`: it exists only in those. */
  environments?: readonly string[];
}

/** An overlay document that changes a profile, and the environments whose overlay folder holds it. */
export interface Overlaid {
  file: string;
  environments: readonly string[];
}

/** Where each live profile stands among the folder's files: all of it known once Search has named the profiles. */
export interface ExportPlacement {
  /** The folder new files go to, as given (relative to the working directory or absolute). */
  dir: string;
  /** Per live name, every document declaring it (by `name` first, then by `renamedFrom`). */
  declared: ReadonlyMap<string, readonly Declaration[]>;
  /**
   * The environment of connect-gitops.yaml export reads from, when it defines environments: only documents
   * existing there declare a profile, and --force replaces no file another environment's state depends on.
   */
  environment?: string;
  /**
   * Every environment connect-gitops.yaml defines. With more than one, a new file states `environments:
   * [environment]`: a profile read from one instance joins that environment's desired state and no other's.
   */
  environments?: readonly string[];
  /** Per profile name, the overlays of any environment that change it. */
  overlaid?: ReadonlyMap<string, readonly Overlaid[]>;
  /** Entries directly in `dir`, by collisionKey of their name (what a case-insensitive disk would clash on). */
  existing: ReadonlyMap<string, string>;
  force: boolean;
}

export interface ExportInput extends ExportPlacement {
  /** Every live profile: file names are chosen over all of them, so they do not depend on --name. */
  live: readonly LiveProfile[];
  queues: readonly LiveQueue[];
  /** The names to export (every live profile when absent). */
  names?: readonly string[];
  /** The profiles the folder's files hold now, as loaded: the exported files must stand beside them. */
  folderProfiles: readonly DesiredProfile[];
  format: FormatFields;
  /** The schema path for the modeline of a file in the given folder. */
  schemaPathFrom: (folder: string) => string;
}

export type ExportItem =
  | { kind: 'write'; name: string; file: string; text: string; replaces: boolean }
  /** `replaceable`: --force would replace the file (it holds only this profile, and no other environment's state). */
  | { kind: 'declared'; name: string; file: string; replaceable: boolean }
  | { kind: 'skipped'; name: string; reasons: string[] };

/**
 * Where the live profile stands among the folder's documents: declared here (the first document that exists in
 * the chosen environment), only by documents of other environments, or not at all.
 */
function declarationOf(input: ExportPlacement, name: string): { here: Declaration } | { elsewhere: Declaration; environment: string } | undefined {
  const all = input.declared.get(name) ?? [];
  const environment = input.environment;
  if (environment === undefined) return all[0] === undefined ? undefined : { here: all[0] };
  const here = all.find((d) => d.environments === undefined || d.environments.includes(environment));
  if (here !== undefined) return { here };
  return all[0] === undefined ? undefined : { elsewhere: all[0], environment };
}

/** What to run to see how the chosen environment's live profile differs from its files. */
const planHint = (environment: string): string => `plan --env ${environment} shows what differs`;

/**
 * A file limited to environments, or one an overlay changes, is the desired state of other environments too:
 * replacing it with the chosen environment's live values would change theirs (or drop its `environments:`).
 */
function sharedStateReason(input: ExportPlacement, declaration: Declaration): string | undefined {
  const environment = input.environment;
  if (environment === undefined) return undefined;
  if (declaration.environments !== undefined) {
    return `${declaration.file} limits it to ${whose(declaration.environments)}; --force does not replace such a file (the new one would drop that limit): edit it by hand, ${planHint(environment)}`;
  }
  const overlays = input.overlaid?.get(declaration.name) ?? [];
  if (overlays.length > 0) {
    const by = overlays.map((o) => `${o.file} (${whose(o.environments)})`).join(', ');
    return `${declaration.file} serves every environment and the overlay ${by} changes it; --force does not replace it with the live values of ${JSON.stringify(environment)}, which would become every environment's: edit the file or the overlay by hand, ${planHint(environment)}`;
  }
  return undefined;
}

function targetFile(input: ExportPlacement, name: string, fileName: string): { file: string; replaces: boolean } | { reasons: string[] } {
  const found = declarationOf(input, name);
  if (found !== undefined && 'here' in found) {
    const declaration = found.here;
    if (declaration.byRenamedFrom) {
      return { reasons: [`${declaration.file} declares it as the former name of ${shownName(declaration.name)}; export leaves that file alone`] };
    }
    if (!declaration.soleDocument) {
      return { reasons: [`${declaration.file} declares it together with other documents; --force replaces only a file that holds that one profile`] };
    }
    const shared = sharedStateReason(input, declaration);
    if (shared !== undefined) return { reasons: [shared] };
    return { file: declaration.file, replaces: true };
  }
  const present = input.existing.get(collisionKey(fileName));
  if (present !== undefined) {
    return { reasons: [`${join(input.dir, present)} already exists and does not hold this profile alone; it is not overwritten (move it aside, or rename the profile)`] };
  }
  return { file: join(input.dir, fileName), replaces: false };
}

/**
 * Declared only by documents limited to other environments: the chosen environment does not manage the profile
 * (plan lists it as not managed), and a file for it would clash with theirs; the user says whether it should.
 */
function elsewhereReason(environment: string, declaration: Declaration): string {
  const how = declaration.byRenamedFrom ? `as the former name of ${shownName(declaration.name)} ` : '';
  const env = JSON.stringify(environment);
  return `${declaration.file} declares it ${how}only for ${whose(declaration.environments ?? [])}, not ${env}, and export leaves that file alone: to manage it in ${env} too, add ${env} to that document's environments; then ${planHint(environment)}`;
}

/** The environment a new file is limited to: the chosen one, when the config defines others beside it. */
function limitTo(input: ExportPlacement): string | undefined {
  return input.environment !== undefined && (input.environments ?? []).some((e) => e !== input.environment) ? input.environment : undefined;
}

/** What export does with a profile without reading it in full: leave it or skip it, or else write it to `file`. */
type Placed = Exclude<ExportItem, { kind: 'write' }> | { kind: 'target'; file: string; replaces: boolean };

function place(input: ExportPlacement, name: string, fileName: string): Placed {
  const found = declarationOf(input, name);
  if (found !== undefined && 'elsewhere' in found) return { kind: 'skipped', name, reasons: [elsewhereReason(found.environment, found.elsewhere)] };
  const target = targetFile(input, name, fileName);
  if (found !== undefined && !input.force) return { kind: 'declared', name, file: found.here.file, replaceable: !('reasons' in target) };
  if ('reasons' in target) return { kind: 'skipped', name, reasons: target.reasons };
  return { kind: 'target', ...target };
}

/**
 * The live profiles export would write, of those Search found (only `names` when given): the only ones it reads
 * in full. A profile left alone or skipped for where it stands costs no Describe and no list call.
 */
export function profilesToRead(input: ExportPlacement, searched: readonly string[], names?: readonly string[]): string[] {
  const fileNames = fileNamesFor(searched);
  const wanted = names === undefined ? undefined : new Set(names);
  return searched.filter((name) => (wanted === undefined || wanted.has(name)) && place(input, name, fileNames.get(name) as string).kind === 'target');
}

/** A file that reads back on its own, before the checks between documents: `profile` is how it loads. */
type Planned = Exclude<ExportItem, { kind: 'write' }> | { kind: 'ready'; name: string; file: string; text: string; replaces: boolean; profile: DesiredProfile };

function planOne(input: ExportInput, profile: LiveProfile, fileName: string, names: QueueNames): Planned {
  const target = place(input, profile.name, fileName);
  if (target.kind !== 'target') return target;
  const built = documentFromLive(profile, names, input.format);
  if (!built.ok) return { kind: 'skipped', name: profile.name, reasons: built.reasons };
  // A replaced file holds no `environments:` (sharedStateReason refuses one that does): it stays as it was.
  const limit = target.replaces ? undefined : limitTo(input);
  const document = limit === undefined ? built.document : { ...built.document, environments: [limit] };
  const text = emitProfileYaml(document, input.schemaPathFrom(dirname(target.file)));
  const check = readBack(target.file, text, document);
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
