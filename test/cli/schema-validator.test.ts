// The build's precompiled profile-schema validator: current with the schema, and answering exactly as a fresh
// compile does (the start-up saving must not change a single message).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv/dist/ajv.js';
import { SCHEMA_OPTIONS, schemaDigest } from '../../src/desired/schema-validator.js';
import { REPO_ROOT } from '../e2e/harness.js';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema/routing-profile.schema.json'), 'utf8')) as object;
const built = join(REPO_ROOT, 'dist/schema/routing-profile.validate.cjs');

describe('precompiled routing-profile validator', () => {
  it('is written by the build and made from the current schema', () => {
    expect(existsSync(built), 'run npm run build').toBe(true);
    const precompiled = createRequire(import.meta.url)(built) as ValidateFunction & { digest: string };
    expect(precompiled.digest).toBe(schemaDigest(schema));
  });

  it('gives the same errors as compiling the schema at run time', () => {
    const precompiled = createRequire(import.meta.url)(built) as ValidateFunction;
    const fresh = new Ajv(SCHEMA_OPTIONS).compile(schema);
    const documents: unknown[] = [
      { name: 'A', description: 'd', defaultOutboundQueue: 'Q', mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1 }] },
      { name: '', description: 3, defaultOutboundQueue: 'Q', mediaConcurrencies: [{ channel: 'PIGEON', concurrency: 0 }], extra: true },
      { name: 'B', description: 'd', defaultOutboundQueue: 'Q', mediaConcurrencies: [], queues: [{ queue: 'Q', channel: 'CHAT', priority: 0, delay: -1 }] },
      {},
    ];
    for (const doc of documents) {
      expect(precompiled(doc)).toBe(fresh(doc));
      expect(precompiled.errors ?? null).toEqual(fresh.errors ?? null);
    }
  });
});
