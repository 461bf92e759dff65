// What can fail before reading Connect is checked before reading Connect: a run that is bound to fail should
// say so at once, having sent nothing, rather than after minutes of paced reads.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserInputError } from '../errors.js';

/**
 * The SDK reads AWS_ENDPOINT_URL_CONNECT itself; a malformed value then fails deep inside a request and reads as
 * Connect's fault. Say which variable is wrong instead.
 */
export function checkEndpointVariable(env: NodeJS.ProcessEnv): void {
  for (const name of ['AWS_ENDPOINT_URL_CONNECT', 'AWS_ENDPOINT_URL'] as const) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
      throw new UserInputError(
        `${name} must be an http:// or https:// URL, not ${JSON.stringify(value)}`,
        [],
        `Fix or unset ${name}; for the local emulator: ${name}=http://127.0.0.1:PORT.`,
      );
    }
  }
}

/** `--out FILE` into a folder that does not exist would fail only after the whole read. */
export function checkOutputFolder(out: string | undefined, cwd: string): void {
  if (out === undefined) return;
  const folder = dirname(resolve(cwd, out));
  const info = statSync(folder, { throwIfNoEntry: false });
  if (!info?.isDirectory()) {
    throw new UserInputError(`cannot write the plan to ${out}: ENOENT: the folder ${dirname(out)} does not exist`, [], 'Create the folder first, or pass --out a path in an existing folder.');
  }
  if (statSync(resolve(cwd, out), { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserInputError(`cannot write the plan to ${out}: EISDIR: it is a folder`, [], 'Pass --out a file path, e.g. --out plan.json.');
  }
}

/** apply without a reviewed plan needs a yes from a person, or --auto-approve: known before any read. */
export function checkApprovalPossible(flags: { plan?: string; autoApprove: boolean }, stdinIsTty: boolean): void {
  if (flags.plan === undefined && !flags.autoApprove && !stdinIsTty) {
    throw new UserInputError('apply needs approval, and there is no terminal to ask', [], 'Pass --auto-approve, or apply a reviewed plan with --plan plan.json.');
  }
}
