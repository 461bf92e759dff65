// The planner and the renderers are pure: they may not reach the network, the file system, the clock's side
// effects or the SDK. This keeps plan mode free of mutating calls by construction, and the core testable.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
const ALLOWED_NODE = new Set(['node:crypto']);

function sources(folder: string): string[] {
  return readdirSync(join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(SRC, folder, f));
}

describe('pure core', () => {
  for (const folder of ['plan', 'render']) {
    it(`src/${folder} imports nothing with I/O`, () => {
      for (const file of sources(folder)) {
        const specifiers = [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1] as string);
        for (const specifier of specifiers) {
          const ok =
            (specifier.startsWith('.') && !/\/(connect|live\/read|apply\/apply|emulator|cli)/.test(specifier.replace(/\/types\.js$/, ''))) ||
            specifier === 'fast-deep-equal' ||
            ALLOWED_NODE.has(specifier);
          expect(ok, `${file} imports ${specifier}`).toBe(true);
        }
        expect(readFileSync(file, 'utf8')).not.toMatch(/\b(process\.|Date\.now|Math\.random|console\.)/);
      }
    });
  }
});
