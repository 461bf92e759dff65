// Every file (or folder) under test/fixtures/invalid must be refused with a UserInputError whose problems all
// carry a file and a line, quickly, and mention what the fixture's `# expect:` lines say. An expectation that
// starts with `line:column: ` is a whole problem of that file, exactly as printed after the file name; any
// other is a piece of some printed problem.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesired, loadDesiredFiles } from '../../src/desired/load.js';
import { UserInputError } from '../../src/errors.js';

const CORPUS = 'test/fixtures/invalid';
/** Per entry; the slowest takes a few milliseconds, so this only catches runaway inputs. */
const TIME_BOUND_MS = 2000;

function filesUnder(entry: string): string[] {
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry).flatMap((name) => filesUnder(path.join(entry, name)));
}

/** The `# expect:` lines at the top of a fixture (UTF-16 fixtures are read as UTF-16 to find them). */
function expectations(file: string): string[] {
  const bytes = readFileSync(file);
  const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.toString('utf16le') : bytes.toString('latin1');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const found: string[] = [];
  for (const line of lines) {
    const match = /^# expect: (.+)$/.exec(line);
    if (match === null) break;
    found.push(match[1]);
  }
  return found;
}

const entries = readdirSync(CORPUS).sort();

describe('invalid corpus', () => {
  it('holds at least 40 entries', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
  });

  it.each(entries)('%s is refused with located problems', async (name) => {
    const entry = path.join(CORPUS, name);
    const files = filesUnder(entry);
    const expected = files.flatMap((file) => expectations(file).map((text) => ({ file: path.relative(process.cwd(), file), text })));
    expect(expected.length, 'every fixture file starts with "# expect: ..."').toBeGreaterThanOrEqual(files.length);

    const started = performance.now();
    const error: unknown = await (statSync(entry).isDirectory() ? loadDesired(entry) : loadDesiredFiles([entry])).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);

    expect(error).toBeInstanceOf(UserInputError);
    const problems = (error as UserInputError).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(files.map((f) => path.relative(process.cwd(), f))).toContain(problem.file);
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.column).toBeGreaterThanOrEqual(1);
      expect(problem.message).not.toMatch(/\n\s+at /); // never a stack trace
    }
    const printed = problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
    for (const { file, text } of expected) {
      if (/^\d+:\d+: /.test(text)) expect(printed).toContain(`${file}:${text}`);
      else expect(printed.join('\n')).toContain(text);
    }
  });
});
