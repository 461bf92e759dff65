import { findProfileFiles } from '../../desired/files.js';
import { loadDesiredFiles } from '../../desired/load.js';
import { UserInputError } from '../../errors.js';
import { renderValidateJson } from '../../render/validate-json.js';
import type { ResultFormat } from '../args.js';
import { EXIT_ERROR, EXIT_OK } from '../exit.js';
import { readProjectSettings } from '../target.js';
import type { CommandContext } from './context.js';

export interface ValidateFlags {
  dir?: string;
  format: ResultFormat;
}

/**
 * Files only: zero API calls, so it runs anywhere, even without credentials. Its import graph holds no SDK
 * (a pre-commit hook runs it on every commit; the bench measures its start-up).
 */
export async function validateCommand(ctx: CommandContext, flags: ValidateFlags): Promise<number> {
  const { dir } = readProjectSettings(flags.dir, ctx.cwd);
  const files = await findProfileFiles(dir);
  let loaded;
  try {
    loaded = await loadDesiredFiles(files);
  } catch (e) {
    // Problems in the files are this command's answer, not a failure to report it: as data under --format json.
    if (flags.format !== 'json' || !(e instanceof UserInputError) || e.problems.length === 0) throw e;
    ctx.stdout(renderValidateJson({ profiles: 0, files: files.length, problems: e.problems }));
    return EXIT_ERROR;
  }
  for (const file of loaded.skippedFiles) ctx.logger.warn({ file }, `skipped ${file}: it holds no routing profile (empty or comments only)`);
  if (loaded.profiles.length === 0) ctx.logger.warn({ dir }, `no routing profile found under ${dir}: nothing is managed`);
  const profileFiles = new Set(loaded.profiles.map((p) => p.source.file)).size;
  if (flags.format === 'json') {
    ctx.stdout(renderValidateJson({ profiles: loaded.profiles.length, files: files.length, problems: [] }));
    return EXIT_OK;
  }
  const n = loaded.profiles.length;
  ctx.stdout(`Success! ${n} routing profile${n === 1 ? '' : 's'} in ${profileFiles} file${profileFiles === 1 ? '' : 's'} under ${dir} ${n === 1 ? 'is' : 'are'} valid.\n`);
  return EXIT_OK;
}
