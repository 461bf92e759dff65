// What `validate` loads when it starts, as a pre-commit hook runs it: the built CLI's bundled code, js-yaml and
// the precompiled schema validator; neither the AWS SDK, nor pino, nor ajv. How long that takes is the bench's
// business (start-up ratio); what is loaded is checked here, so that a new import cannot quietly undo it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './harness.js';

const work = mkdtempSync(join(tmpdir(), 'cg-start-up-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// ES modules are seen by a loader hook as they load; CommonJS ones (pino is required, not imported) are in
// require's cache when the process exits. Both are written to stderr, one per line.
const hooks = join(work, 'hooks.mjs');
writeFileSync(hooks, `import { writeSync } from 'node:fs';
export async function load(url, context, next) {
  writeSync(2, 'loaded ' + url + '\\n');
  return next(url, context);
}
`);
const preload = join(work, 'preload.mjs');
writeFileSync(preload, `import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
register(${JSON.stringify(pathToFileURL(hooks).href)});
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => { for (const file of Object.keys(cache)) process.stderr.write('loaded ' + pathToFileURL(file).href + '\\n'); });
`);

/** Files loaded by `connect-gitops <args>`, as paths relative to the repository (packages as node_modules/<name>/…). */
async function loadedFiles(args: string[]): Promise<{ code: number; stdout: string; files: string[] }> {
  const r = await runCli(args, { env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` } });
  const root = pathToFileURL(REPO_ROOT).href + '/';
  const files = r.stderr
    .split('\n')
    .filter((line) => line.startsWith('loaded file:'))
    .map((line) => line.slice('loaded '.length))
    .map((url) => (url.includes('/node_modules/') ? `node_modules/${url.slice(url.lastIndexOf('/node_modules/') + '/node_modules/'.length)}` : url.replace(root, '')));
  return { code: r.code, stdout: r.stdout, files: [...new Set(files)] };
}

/** node_modules/@scope/name/… or node_modules/name/… -> the package name. */
function packageOf(file: string): string {
  const [first = '', second = ''] = file.slice('node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

describe('validate at start-up', () => {
  it('loads the bundled CLI, js-yaml and the precompiled validator, and no other package', async () => {
    const r = await loadedFiles(['validate', '--dir', 'profiles']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Success! /);
    const packages = new Set(r.files.filter((f) => f.startsWith('node_modules/')).map(packageOf));
    expect([...packages]).toEqual(['js-yaml']);
    const own = r.files.filter((f) => !f.startsWith('node_modules/'));
    expect(own).toContain('dist/src/cli/main.js');
    expect(own).toContain('dist/schema/routing-profile.validate.mjs');
    // Everything else is the bundle's: its chunks, not the compiler's one module per source file.
    for (const file of own) expect(file).toMatch(/^dist\/(src\/cli\/main\.js|src\/cli-chunks\/[^/]+\.js|schema\/[^/]+\.validate\.mjs)$/);
  });
});
