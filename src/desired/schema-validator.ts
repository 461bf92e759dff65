// A JSON Schema validator, precompiled at build time when possible. Compiling a schema with ajv costs more than
// the rest of `validate` together (loading ajv, generating and evaluating its code), and `validate` runs in
// pre-commit hooks: `npm run build` writes each validator as an ES module (scripts/precompile-schemas.ts) beside
// the built schema, and this loads it. A missing or outdated one (a schema edited since the build, tests running
// from source) falls back to compiling, with the same options, so the answer is the same either way.
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

/** dist/schema/<name>.validate.mjs, as the build writes it, relative to this module in dist/src/desired. */
export function precompiledUrl(name: string): URL {
  return new URL(`../../schema/${name}.validate.mjs`, import.meta.url);
}

export async function loadValidator<T>(name: string, schema: object): Promise<ValidateFunction<T>> {
  try {
    const precompiled = (await import(precompiledUrl(name).href)) as { default: ValidateFunction<T>; digest?: string };
    if (precompiled.digest === schemaDigest(schema)) return precompiled.default;
  } catch {
    // Not built (running from source): compile below.
  }
  const { Ajv } = await import('ajv/dist/ajv.js');
  return new Ajv(SCHEMA_OPTIONS).compile<T>(schema);
}
