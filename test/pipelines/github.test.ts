import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InputProblem } from '../../src/errors.js';
import {
  MAX_ERROR_ANNOTATIONS_PER_STEP,
  appendStepSummary,
  escapeData,
  escapeProperty,
  formatAnnotations,
} from '../../src/cli/github.js';

const problem = (n: number, over: Partial<InputProblem> = {}): InputProblem => ({
  file: 'profiles/tier1.yaml',
  line: n,
  column: 3,
  message: `problem ${n}`,
  ...over,
});

/** Undoes GitHub's escaping the way the runner does, to prove the round trip is lossless. */
function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(s: string): string {
  return unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

/** Splits `::error k=v,k=v::message` the way the runner does: properties end at the first `::`. */
function parseCommand(line: string): { properties: Record<string, string>; message: string } {
  const match = /^::error(?: ([^:]*))?::(.*)$/s.exec(line);
  if (match === null) throw new Error(`not a workflow command: ${line}`);
  const properties: Record<string, string> = {};
  for (const pair of (match[1] ?? '').split(',').filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { properties, message: unescapeData(match[2]) };
}

describe('escaping', () => {
  it.each([
    ['100%', '100%25'],
    ['a\nb', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['%0A literally', '%250A literally'],
    ['a: b, c', 'a: b, c'],
  ])('data %j -> %j', (input, expected) => {
    expect(escapeData(input)).toBe(expected);
  });

  it.each([
    ['a: b, c', 'a%3A b%2C c'],
    ['C:\\x,y%\n', 'C%3A\\x%2Cy%25%0A'],
  ])('property %j -> %j', (input, expected) => {
    expect(escapeProperty(input)).toBe(expected);
  });
});

describe('formatAnnotations', () => {
  it('writes one error command per problem with file, line and col', () => {
    expect(formatAnnotations([problem(4, { column: 7, message: 'concurrency must be 1 for VOICE' })])).toEqual([
      '::error file=profiles/tier1.yaml,line=4,col=7,title=connect-gitops::concurrency must be 1 for VOICE',
    ]);
  });

  it('escapes hostile file names and multi-line messages so every line is exactly one command', () => {
    const p = problem(2, { file: 'profiles/a,b:c%.yaml', message: 'unknown queue "Basic"\ndid you mean: BasicQueue, 100%?' });
    const lines = formatAnnotations([p]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\r\n]/);
    const parsed = parseCommand(lines[0]);
    expect(parsed.properties).toEqual({ file: 'profiles/a,b:c%.yaml', line: '2', col: '3', title: 'connect-gitops' });
    expect(parsed.message).toBe(p.message);
  });

  it('makes absolute paths relative to the workspace with forward slashes', () => {
    const [line] = formatAnnotations([problem(1, { file: join('/ws', 'profiles', 'x.yaml') })], { relativeTo: '/ws' });
    expect(parseCommand(line).properties.file).toBe('profiles/x.yaml');
  });

  it('returns nothing for no problems', () => {
    expect(formatAnnotations([])).toEqual([]);
  });

  it(`keeps exactly ${MAX_ERROR_ANNOTATIONS_PER_STEP} problems as they are`, () => {
    const lines = formatAnnotations(Array.from({ length: 10 }, (_, i) => problem(i + 1)));
    expect(lines).toHaveLength(10);
    expect(lines.map((l) => parseCommand(l).message)).toEqual(Array.from({ length: 10 }, (_, i) => `problem ${i + 1}`));
  });

  it('caps at 10 lines, the 10th counting the problems left out', () => {
    const lines = formatAnnotations(Array.from({ length: 25 }, (_, i) => problem(i + 1)));
    expect(lines).toHaveLength(10);
    expect(lines.slice(0, 9).map((l) => parseCommand(l).message)).toEqual(Array.from({ length: 9 }, (_, i) => `problem ${i + 1}`));
    const note = parseCommand(lines[9]);
    expect(note.properties.file).toBeUndefined();
    expect(note.message).toMatch(/^16 more problems not shown/);
    expect(note.message).toContain('all 25');
  });

  it('counts what was left out at the boundary (the note takes the place of one problem)', () => {
    const lines = formatAnnotations(Array.from({ length: 11 }, (_, i) => problem(i + 1)));
    expect(lines).toHaveLength(10);
    expect(parseCommand(lines[9]).message).toMatch(/^2 more problems/);
    expect(formatAnnotations([problem(1), problem(2), problem(3)], { max: 3 })).toHaveLength(3);
    const capped = formatAnnotations([problem(1), problem(2)], { max: 1 });
    expect(capped).toHaveLength(1);
    expect(parseCommand(capped[0]).message).toMatch(/^2 more problems/);
  });
});

describe('appendStepSummary', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('appends to $GITHUB_STEP_SUMMARY inside GitHub Actions, ending with a newline', async () => {
    dir = await mkdtemp(join(tmpdir(), 'summary-'));
    const file = join(dir, 'summary.md');
    await writeFile(file, '# earlier step\n');
    const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: file };
    expect(await appendStepSummary('## Plan\nNo changes.', env)).toBe(true);
    expect(await appendStepSummary('second\n', env)).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('# earlier step\n## Plan\nNo changes.\nsecond\n');
  });

  it('does nothing outside GitHub Actions or without a summary file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'summary-'));
    const file = join(dir, 'summary.md');
    expect(await appendStepSummary('x', { GITHUB_STEP_SUMMARY: file })).toBe(false);
    expect(await appendStepSummary('x', { GITHUB_ACTIONS: 'false', GITHUB_STEP_SUMMARY: file })).toBe(false);
    expect(await appendStepSummary('x', { GITHUB_ACTIONS: 'true' })).toBe(false);
    expect(await appendStepSummary('x', { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '' })).toBe(false);
    await expect(readFile(file, 'utf8')).rejects.toThrow();
  });
});
