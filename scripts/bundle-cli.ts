// Part of `npm run build`, after the compiler: bundles the CLI's own modules into a few files. Node 20 loads each
// ES module on its own (resolve, read, compile, link), about a quarter of a millisecond apiece; `validate` in a
// pre-commit hook needs some forty of them, the largest part of its start-up (bench: start-up ratio). The
// bundle replaces dist/src/cli/main.js, so the executable keeps its path; what only other commands load stays
// behind dynamic imports, each its own chunk, loaded when that command runs. Packages (js-yaml, ajv, pino, the
// AWS SDK) and Node's modules stay imports, resolved from node_modules as before: only this project's code is
// bundled. The rest of dist/src (the compiler's output) stays for the scripts and the bench.
import { rmSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

// dist/scripts/ -> dist/src.
const distSrc = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
// Chunks sit one folder below dist/src, as every compiled module does: the paths modules build from
// import.meta.url (the precompiled validators in dist/schema, package.json) keep their meaning.
const CHUNKS = 'cli-chunks';

// Chunk names carry a content hash: the previous build's would otherwise stay beside the new ones.
rmSync(join(distSrc, CHUNKS), { recursive: true, force: true });
const entry = join(distSrc, 'cli', 'main.js');
await build({
  input: entry,
  platform: 'node',
  // A bare specifier is a package or a Node module: left to Node to resolve at run time, as without the bundle.
  external: (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0'),
  logLevel: 'warn',
  output: {
    dir: distSrc,
    format: 'esm',
    // Maps back to the compiled modules in dist/src, which read close to their TypeScript (Node follows one map,
    // not a chain of two, so a stack trace names the compiled module); it also replaces the compiler's map of
    // main.js, which no longer matches it.
    sourcemap: true,
    entryFileNames: 'cli/main.js',
    chunkFileNames: `${CHUNKS}/[name]-[hash].js`,
    // What every start loads (the entry's static imports: validate's whole graph and the helpers all commands
    // share) in one chunk rather than one per set of importers. Not the entry module itself: it awaits the
    // command, and a command's chunk importing from a chunk that holds it would wait on it for ever.
    codeSplitting: { groups: [{ name: 'start', tags: ['$initial'], test: (id) => id !== entry }] },
  },
});
