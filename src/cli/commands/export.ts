// `connect-gitops export`: live routing profiles -> profile files (design.md, "Export (adoption)").
// Reads like plan (read-only session, one Search, paced detail reads of what it will write, progress on a
// terminal) and writes only files: each whole or not at all, never over a file that is not that profile's alone.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openReadSession } from '../connect-session.js';
import { requireInstance, resolveTarget, type TargetFlagsInput } from '../target.js';
import { writeFileAtomic } from '../atomic-write.js';
import { createProgress } from '../progress.js';
import { EXIT_ERROR, EXIT_OK } from '../exit.js';
import type { CommandContext } from './context.js';
import { UserInputError, assertNever } from '../../errors.js';
import { didYouMean } from '../../desired/suggest.js';
import { readLive } from '../../live/read.js';
import type { LiveState } from '../../live/types.js';
import { readExportFolder, schemaPathFinder } from '../../export/folder.js';
import { displayPath } from '../../desired/files.js';
import { formatFields } from '../../export/format-fields.js';
import { planExport, profilesToRead, type ExportItem, type ExportPlacement } from '../../export/plan-export.js';
import { escapeHidden, shownName } from '../../export/shown.js';

export interface ExportFlags extends TargetFlagsInput {
  names: string[];
  force: boolean;
}

async function readSelected(flags: ExportFlags, instance: ReturnType<typeof openReadSession>, placement: ExportPlacement): Promise<LiveState> {
  const names = flags.names.length > 0 ? flags.names : undefined;
  const progress = createProgress('Reading live state');
  try {
    // Every profile export would write is read in full: Describe for behaviour and timer, its queue lists for
    // priorities and manual assignment (the reader skips the manual list where Search counts none). One it
    // leaves alone or skips for where it stands in the folder needs no more than Search.
    return await readLive(
      instance.reader,
      instance.instanceId,
      (searched) => profilesToRead(placement, searched.map((p) => p.name), names).map((name) => ({ name, managesQueues: true, managesManualQueues: true })),
      { onProgress: (done, total) => progress.update(done, total) },
    );
  } finally {
    progress.finish();
  }
}

function unknownNames(flags: ExportFlags, live: LiveState): void {
  const liveNames = live.profiles.map((p) => p.name).sort();
  const known = new Set(liveNames);
  const unknown = [...new Set(flags.names)].filter((n) => !known.has(n));
  if (unknown.length === 0) return;
  const lines = unknown.map((n) => `no live routing profile is named ${shownName(n)}${didYouMean(n, liveNames)}`);
  throw new UserInputError(lines.join('\n'), [], 'Pass --name with a routing profile name exactly as Connect shows it (names are case-sensitive); nothing was written.');
}

function summary(items: readonly ExportItem[], written: number, failed: number, dir: string): string {
  const declared = items.filter((i) => i.kind === 'declared').length;
  const skipped = items.filter((i) => i.kind === 'skipped').length + failed;
  const tail = [declared > 0 ? `${declared} already declared` : '', skipped > 0 ? `${skipped} skipped` : ''].filter(Boolean).join(', ');
  const profiles = `${written} routing profile${written === 1 ? '' : 's'}`;
  return `Exported ${profiles} to ${dir}${tail ? ` (${tail})` : ''}.\n`;
}

export async function exportCommand(ctx: CommandContext, flags: ExportFlags, stderr: (text: string) => void): Promise<number> {
  const target = resolveTarget(flags, ctx.env, ctx.cwd);
  // The folder is read first: a broken file there stops the export before any call is made.
  // Every environment's overlay folder, wherever it sits, is read as overlays, not profiles: what they change
  // is every environment's state, which --force must not replace with one environment's live values.
  const folder = await readExportFolder(target.dir, ctx.cwd, target.environments ?? []);
  const session = openReadSession(target, requireInstance(target), ctx.logger);
  const placement: ExportPlacement = {
    // As the loader names the folder's files: a folder from connect-gitops.yaml (absolute) is shown relative.
    dir: displayPath(target.dir, ctx.cwd),
    declared: folder.declared,
    ...(target.environment === undefined ? {} : { environment: target.environment, environments: (target.environments ?? []).map((e) => e.name) }),
    overlaid: folder.overlaid,
    existing: folder.existing,
    force: flags.force,
  };
  const live = await readSelected(flags, session, placement);
  unknownNames(flags, live);

  const items = planExport({
    ...placement,
    live: live.profiles,
    queues: live.queues,
    names: flags.names.length > 0 ? flags.names : undefined,
    folderProfiles: folder.profiles,
    format: formatFields(),
    schemaPathFrom: schemaPathFinder(ctx.cwd, target.dir),
  });

  let written = 0;
  let failed = 0;
  for (const item of items) {
    switch (item.kind) {
      case 'declared':
        // The --force hint only where --force would replace the file; otherwise --force says why it does not.
        stderr(`left alone ${shownName(item.name)}: already declared in ${item.file}${item.replaceable ? ' (with --force, export replaces a file that holds only that profile)' : ''}\n`);
        break;
      case 'skipped':
        stderr(`skipped ${shownName(item.name)}: ${escapeHidden(item.reasons.join('; '))}\n`);
        break;
      case 'write':
        try {
          mkdirSync(resolve(ctx.cwd, target.dir), { recursive: true });
          writeFileAtomic(resolve(ctx.cwd, item.file), item.text);
          written++;
          ctx.stdout(`${item.replaces ? 'replaced' : 'wrote'} ${item.file} (${shownName(item.name)})\n`);
        } catch (e) {
          failed++;
          const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
          stderr(`skipped ${shownName(item.name)}: cannot write ${item.file}: ${reason}\n`);
        }
        break;
      default:
        assertNever(item, 'export item');
    }
  }
  ctx.stdout(summary(items, written, failed, displayPath(target.dir, ctx.cwd)));
  return failed > 0 || items.some((i) => i.kind === 'skipped') ? EXIT_ERROR : EXIT_OK;
}
