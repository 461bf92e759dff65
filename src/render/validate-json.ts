// `validate --format json`: the problems of the profile files as data, versioned like the plan (formatVersion 1,
// only growing), keys in a fixed order. An editor integration or a bot reads it instead of parsing stderr.
import type { InputProblem } from '../errors.js';
import { escapeJsonText } from './escape.js';

export interface ValidateResult {
  /** Profiles found (0 when the files are invalid: nothing was loaded). */
  profiles: number;
  /** Profile files read. */
  files: number;
  problems: readonly InputProblem[];
}

export function renderValidateJson(result: ValidateResult): string {
  const json = {
    formatVersion: 1,
    valid: result.problems.length === 0,
    profiles: result.profiles,
    files: result.files,
    problems: result.problems.map((p) => ({ file: p.file, line: p.line, column: p.column, message: p.message })),
  };
  // Names and messages from Connect may hold bidi and C1 characters JSON leaves raw: escaped, same value.
  return `${escapeJsonText(JSON.stringify(json, null, 2))}\n`;
}
