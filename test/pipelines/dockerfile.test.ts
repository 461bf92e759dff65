// The container image, checked without a Docker engine: the Dockerfile is parsed with dockerfile-ast and
// its properties asserted; what it copies from the build context must exist and must not be ignored.
// (The production install it relies on is proven by package.test.ts; the image itself is built in CI.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Copy, DockerfileParser, type Instruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { repo } from './yaml-files.js';

const dockerfile = DockerfileParser.parse(readFileSync(join(repo, 'Dockerfile'), 'utf8'));

/** ARG defaults declared before the first FROM: the only variables a FROM line may use. */
const initialArgs = new Map(
  dockerfile.getInitialARGs().flatMap((arg) => {
    const property = arg.getProperty();
    return property === null ? [] : [[property.getName(), property.getValue() ?? ''] as const];
  }),
);
const expand = (text: string): string => text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a?: string, b?: string) => initialArgs.get(a ?? b ?? '') ?? '');

interface Stage {
  name: string | null;
  image: string;
  instructions: Instruction[];
}

const stages: Stage[] = [];
for (const instruction of dockerfile.getInstructions()) {
  const keyword = instruction.getKeyword();
  if (keyword === 'FROM') {
    const args = instruction.getArguments().map((a) => a.getValue());
    const asIndex = args.findIndex((a) => a.toUpperCase() === 'AS');
    stages.push({ name: asIndex >= 0 ? args[asIndex + 1] : null, image: expand(args.filter((a) => !a.startsWith('--'))[0]), instructions: [] });
  } else if (stages.length > 0) {
    stages[stages.length - 1].instructions.push(instruction);
  }
}
const runtime = stages[stages.length - 1];
const of = (stage: Stage, keyword: string): Instruction[] => stage.instructions.filter((i) => i.getKeyword() === keyword);
const argsOf = (i: Instruction): string[] => i.getArguments().map((a) => a.getValue());
/** The stage or image a COPY takes its sources from; null when they come from the build context. */
const copyFrom = (i: Instruction): string | null => (i instanceof Copy ? (i.getFromFlag()?.getValue() ?? null) : null);
/** Sources of a COPY from the build context (its last argument is the destination). */
const contextSources = (i: Instruction): string[] => (copyFrom(i) === null ? argsOf(i).slice(0, -1) : []);

/** The exec-form array of a JSON instruction (ENTRYPOINT ["a", "b"]). */
function execForm(i: Instruction): string[] {
  const raw = i.getRawArgumentsContent() ?? '';
  const parsed: unknown = JSON.parse(raw);
  expect(Array.isArray(parsed), `${i.getKeyword()} must use the exec (JSON) form so signals reach the process`).toBe(true);
  return parsed as string[];
}

describe('Dockerfile', () => {
  it('is multi-stage: a build stage and a separate runtime stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.name).toBe('runtime');
    const build = stages.find((s) => s.name === 'build');
    expect(build).toBeDefined();
    expect(of(build as Stage, 'RUN').map((r) => r.getArgumentsContent()).join('\n')).toMatch(/npm run build/);
  });

  it('runs on a maintained Node LTS (22 or 24), never Node 20', () => {
    expect(runtime.image).toMatch(/^node:(22|24)([-.][\w.-]+)?$/);
    for (const stage of stages) expect(stage.image).not.toMatch(/^node:20\b/);
  });

  it('installs production dependencies only in the runtime stage', () => {
    const runs = of(runtime, 'RUN').map((r) => r.getArgumentsContent() ?? '');
    expect(runs.some((r) => /npm ci\b[^&|;]*--omit=dev/.test(r))).toBe(true);
    for (const r of runs) expect(r).not.toMatch(/npm (ci|install)(?![^&|;]*--omit=dev)/);
    expect(of(runtime, 'COPY').some((c) => copyFrom(c) === 'build')).toBe(true);
  });

  it('runs as a non-root user', () => {
    const users = of(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    const user = argsOf(users[users.length - 1])[0].split(':')[0];
    expect(['root', '0']).not.toContain(user);
  });

  it('has an init process in the image and the connect-gitops entrypoint', () => {
    const entrypoints = of(runtime, 'ENTRYPOINT');
    expect(entrypoints.length).toBeGreaterThan(0);
    const entrypoint = execForm(entrypoints[entrypoints.length - 1]);
    expect(entrypoint[0]).toMatch(/(^|\/)(tini|dumb-init)$/);
    expect(entrypoint[entrypoint.length - 1]).toBe('connect-gitops');
    const init = entrypoint[0].split('/').pop() ?? '';
    const installs = of(runtime, 'RUN').map((r) => r.getArgumentsContent() ?? '').join('\n');
    expect(installs).toMatch(new RegExp(`(apt-get install|apk add)[^&]*\\b${init}\\b`));
    // connect-gitops must be on PATH for the entrypoint.
    expect(installs).toMatch(/\/usr\/local\/bin\/connect-gitops/);
  });

  it('copies only files that exist in the repository', () => {
    for (const stage of stages) {
      for (const copy of of(stage, 'COPY')) {
        if (copyFrom(copy) !== null) continue;
        const sources = contextSources(copy);
        expect(sources.length).toBeGreaterThan(0);
        for (const source of sources) expect(existsSync(join(repo, source)), `COPY ${source}`).toBe(true);
      }
    }
  });
});

describe('.dockerignore', () => {
  const patterns = readFileSync(join(repo, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const globToRegExp = (p: string): RegExp =>
    new RegExp(`^${p.replace(/^\//, '').replace(/\/$/, '').replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '.*').replace(/\?/g, '[^/]')}(/.*)?$`);
  /** Docker's rule: the last matching pattern wins; `!` re-includes. */
  const ignored = (path: string): boolean => {
    let result = false;
    for (const p of patterns) {
      const negated = p.startsWith('!');
      if (globToRegExp(negated ? p.slice(1) : p).test(path)) result = !negated;
    }
    return result;
  };

  it.each(['node_modules', 'dist', '.git', 'test'])('keeps %s out of the build context', (path) => {
    expect(ignored(path)).toBe(true);
  });

  it('does not ignore anything the Dockerfile copies', () => {
    for (const stage of stages) {
      for (const copy of of(stage, 'COPY')) {
        for (const source of contextSources(copy)) expect(ignored(source), source).toBe(false);
      }
    }
  });
});
