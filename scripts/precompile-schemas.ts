// Part of `npm run build`: writes each JSON Schema's ajv validator as code (dist/schema/<name>.validate.cjs), so
// that commands load it instead of compiling the schema on every start (src/desired/schema-validator.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv/dist/ajv.js';
import standalone from 'ajv/dist/standalone/index.js';
import { SCHEMA_OPTIONS, schemaDigest } from '../src/desired/schema-validator.js';

/** Schemas validated at run time, by name (schema/<name>.schema.json). */
const SCHEMAS = ['routing-profile'];

// dist/scripts/ -> the package root.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
for (const name of SCHEMAS) {
  const schema = JSON.parse(readFileSync(join(root, 'schema', `${name}.schema.json`), 'utf8')) as object;
  const ajv = new Ajv({ ...SCHEMA_OPTIONS, code: { source: true } });
  const code = standalone.default(ajv, ajv.compile(schema));
  writeFileSync(join(root, 'dist', 'schema', `${name}.validate.cjs`), `${code}\nmodule.exports.digest = ${JSON.stringify(schemaDigest(schema))};\n`);
}
