// A JSON Schema validator, precompiled at build time when possible. Compiling a schema with ajv costs more than
// the rest of `validate` together (loading ajv, generating and evaluating its code), and `validate` runs in
// pre-commit hooks: `npm run build` writes each validator as code (scripts/precompile-schemas.ts) beside the
// built schema, and this loads it. A missing or outdated one (a schema edited since the build, tests running
// from source) falls back to compiling, with the same options, so the answer is the same either way.
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

/** The options every schema is compiled with, at build time and at run time alike. */
export const SCHEMA_OPTIONS = { allErrors: true, verbose: true, strict: true } as const;

/**
 * Identifies the schema a precompiled validator was made from: the schema itself, serialised. Comparing a few
 * kilobytes is cheaper at start-up than loading a hash function to compare digests.
 */
export function schemaDigest(schema: object): string {
  return JSON.stringify(schema);
}

/** dist/schema/<name>.validate.cjs, as the build writes it, relative to this module in dist/src/desired. */
export function precompiledPath(name: string): string {
  return `../../schema/${name}.validate.cjs`;
}

export function loadValidator<T>(name: string, schema: object): ValidateFunction<T> {
  const require = createRequire(import.meta.url);
  try {
    const precompiled = require(precompiledPath(name)) as ValidateFunction<T> & { digest?: string };
    if (precompiled.digest === schemaDigest(schema)) return precompiled;
  } catch {
    // Not built (running from source): compile below.
  }
  const { Ajv } = require('ajv/dist/ajv.js') as typeof import('ajv/dist/ajv.js');
  return new Ajv(SCHEMA_OPTIONS).compile<T>(schema);
}
