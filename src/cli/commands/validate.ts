import { resolve } from 'node:path';
import { displayPath, findProfileFiles } from '../../desired/files.js';
import { environmentOnlyProfilesError } from '../../desired/environment-only.js';
import { loadDesiredFiles } from '../../desired/load.js';
import type { DesiredState } from '../../desired/types.js';
import { UserInputError } from '../../errors.js';
import { renderValidateJson } from '../../render/validate-json.js';
import type { ResultFormat } from '../args.js';
import type { EnvironmentConfig } from '../config-file.js';
import { warnIfNothingManaged, warnSkippedFiles } from '../desired-warnings.js';
import { EXIT_ERROR, EXIT_OK } from '../exit.js';
import { readProjectSettings } from '../target.js';
import type { CommandContext } from './context.js';

export interface ValidateFlags {
  dir?: string;
  format: ResultFormat;
}

/** Problems in the files are this command's answer, not a failure to report it: as data under --format json. */
function problemsAsData(e: unknown, ctx: CommandContext, flags: ValidateFlags, files: number): number {
  if (flags.format !== 'json' || !(e instanceof UserInputError) || e.problems.length === 0) throw e;
  ctx.stdout(renderValidateJson({ profiles: 0, files, problems: e.problems }));
  return EXIT_ERROR;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Files only: zero API calls, so it runs anywhere, even without credentials. Its import graph holds no SDK
 * (a pre-commit hook runs it on every commit; the bench measures its start-up). connect-gitops.yaml is checked
 * too; when it defines environments, so is every environment's set of profiles (filter and overlay applied).
 */
export async function validateCommand(ctx: CommandContext, flags: ValidateFlags): Promise<number> {
  let settings;
  try {
    settings = readProjectSettings(flags.dir, ctx.cwd);
  } catch (e) {
    return problemsAsData(e, ctx, flags, 0);
  }
  const { dir } = settings;
  const environments = settings.config?.environments ?? [];
  if (environments.length > 0) return validateEnvironments(ctx, flags, dir, environments);
  const files = await findProfileFiles(dir);
  let loaded;
  try {
    loaded = await loadDesiredFiles(files);
  } catch (e) {
    return problemsAsData(e, ctx, flags, files.length);
  }
  const refused = environmentOnlyProfilesError(loaded);
  if (refused !== undefined) return problemsAsData(refused, ctx, flags, files.length);
  warnSkippedFiles(loaded.skippedFiles, ctx.logger);
  warnIfNothingManaged(loaded, dir, '', ctx.logger);
  const profileFiles = new Set(loaded.profiles.map((p) => p.source.file)).size;
  if (flags.format === 'json') {
    ctx.stdout(renderValidateJson({ profiles: loaded.profiles.length, files: files.length, problems: [] }));
    return EXIT_OK;
  }
  const n = loaded.profiles.length;
  ctx.stdout(`Success! ${plural(n, 'routing profile')} in ${plural(profileFiles, 'file')} under ${displayPath(dir, ctx.cwd)} ${n === 1 ? 'is' : 'are'} valid.\n`);
  return EXIT_OK;
}

async function validateEnvironments(ctx: CommandContext, flags: ValidateFlags, dir: string, environments: readonly EnvironmentConfig[]): Promise<number> {
  const overlays = environments.flatMap((e) => (e.overlayDir === undefined ? [] : [e.overlayDir]));
  // Relative paths are the working directory's (the folder itself is named as given, in messages).
  const folder = resolve(ctx.cwd, dir);
  const files = await findProfileFiles(folder, { exclude: overlays, cwd: ctx.cwd });
  // Loaded only here: a repository without environments does not pay for the overlay modules at start-up.
  const { loadDesiredPerEnvironment } = await import('../../desired/environments.js');
  let perEnvironment: Map<string, DesiredState>;
  try {
    perEnvironment = await loadDesiredPerEnvironment(folder, environments, { cwd: ctx.cwd });
  } catch (e) {
    return problemsAsData(e, ctx, flags, files.length);
  }
  const counts = environments.map((e) => ({ name: e.name, profiles: perEnvironment.get(e.name)?.profiles.length ?? 0 }));
  for (const { name, profiles } of counts) {
    if (profiles === 0) ctx.logger.warn({ dir, environment: name }, `no routing profile found under ${dir} for environment ${name}: nothing is managed there`);
  }
  // Every profile document of the folder, whichever environments it exists in, and the files holding them.
  const sourcesOfProfiles = [...perEnvironment.values()].flatMap((d) => d.profiles.map((p) => p.source));
  const documents = new Set(sourcesOfProfiles.map((s) => `${s.file}:${s.line}`)).size;
  const profileFiles = new Set(sourcesOfProfiles.map((s) => s.file)).size;
  if (flags.format === 'json') {
    const environments = counts.map((c) => ({ environment: c.name, profiles: c.profiles }));
    ctx.stdout(renderValidateJson({ profiles: documents, files: files.length, environments, problems: [] }));
    return EXIT_OK;
  }
  const each = counts.map((c) => `${c.name} ${c.profiles}`).join(', ');
  ctx.stdout(`Success! ${plural(documents, 'routing profile')} in ${plural(profileFiles, 'file')} under ${displayPath(dir, ctx.cwd)} ${documents === 1 ? 'is' : 'are'} valid in every environment (${each}).\n`);
  return EXIT_OK;
}
