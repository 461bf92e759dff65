// Part of `npm run build`: writes each JSON Schema's ajv validator as an ES module
// (dist/schema/<name>.validate.mjs), so that commands load it instead of compiling the schema on every start
// (src/desired/schema-validator.ts). The module is self-contained: ajv's one runtime helper it uses is inlined,
// so loading it starts no CommonJS loader.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv/dist/ajv.js';
import standalone from 'ajv/dist/standalone/index.js';
import ucs2length from 'ajv/dist/runtime/ucs2length.js';
import { SCHEMA_OPTIONS, schemaDigest } from '../src/desired/schema-validator.js';

/** Schemas validated at run time, by name (schema/<name>.schema.json). */
const SCHEMAS = ['routing-profile', 'overlay', 'connect-gitops'];

const UCS2LENGTH_REQUIRE = 'require("ajv/dist/runtime/ucs2length").default';

// dist/scripts/ -> the package root.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
for (const name of SCHEMAS) {
  const schema = JSON.parse(readFileSync(join(root, 'schema', `${name}.schema.json`), 'utf8')) as object;
  const ajv = new Ajv({ ...SCHEMA_OPTIONS, code: { source: true, esm: true } });
  const code = standalone.default(ajv, ajv.compile(schema)).split(UCS2LENGTH_REQUIRE).join(`(${ucs2length.default.toString()})`);
  if (code.includes('require(')) throw new Error(`${name}: the precompiled validator still requires a module; inline it here`);
  writeFileSync(join(root, 'dist', 'schema', `${name}.validate.mjs`), `${code}\nexport const digest = ${JSON.stringify(schemaDigest(schema))};\n`);
}
