// `validate --format json`: the problems of the profile files as data, versioned like the plan (formatVersion 1,
// only growing), keys in a fixed order: formatVersion, valid, profiles, files, environments? [{environment,
// profiles}], problems. An editor integration or a bot reads it instead of parsing stderr.
import type { InputProblem } from '../errors.js';
import { escapeJsonText } from './escape.js';

export interface ValidateResult {
  /** Profiles found (0 when the files are invalid: nothing was loaded). */
  profiles: number;
  /** Profile files read. */
  files: number;
  problems: readonly InputProblem[];
  /** With environments in connect-gitops.yaml: each one's profile count, overlays merged, in file order. */
  environments?: readonly { environment: string; profiles: number }[];
}

export function renderValidateJson(result: ValidateResult): string {
  const json = {
    formatVersion: 1,
    valid: result.problems.length === 0,
    profiles: result.profiles,
    files: result.files,
    ...(result.environments === undefined ? {} : { environments: result.environments.map((e) => ({ environment: e.environment, profiles: e.profiles })) }),
    problems: result.problems.map((p) => ({ file: p.file, line: p.line, column: p.column, message: p.message })),
  };
  // Names and messages from Connect may hold bidi and C1 characters JSON leaves raw: escaped, same value.
  return `${escapeJsonText(JSON.stringify(json, null, 2))}\n`;
}
