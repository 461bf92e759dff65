// The build's precompiled profile-schema validator: current with the schema, and answering exactly as a fresh
// compile does (the start-up saving must not change a single message).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv/dist/ajv.js';
import { SCHEMA_OPTIONS, schemaDigest } from '../../src/desired/schema-validator.js';
import { REPO_ROOT } from '../e2e/harness.js';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema/routing-profile.schema.json'), 'utf8')) as object;
const built = join(REPO_ROOT, 'dist/schema/routing-profile.validate.mjs');
const load = async () => (await import(pathToFileURL(built).href)) as { default: ValidateFunction; digest: string };

describe('precompiled routing-profile validator', () => {
  it('is written by the build and made from the current schema', async () => {
    expect(existsSync(built), 'run npm run build').toBe(true);
    expect((await load()).digest).toBe(schemaDigest(schema));
  });

  it('gives the same errors as compiling the schema at run time', async () => {
    const precompiled = (await load()).default;
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

describe('precompiled connect-gitops.yaml validator', () => {
  const configSchema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema/connect-gitops.schema.json'), 'utf8')) as object;
  const configBuilt = join(REPO_ROOT, 'dist/schema/connect-gitops.validate.mjs');

  it('is written by the build, made from the current schema, and answers as a fresh compile does', async () => {
    expect(existsSync(configBuilt), 'run npm run build').toBe(true);
    const precompiled = (await import(pathToFileURL(configBuilt).href)) as { default: ValidateFunction; digest: string };
    expect(precompiled.digest).toBe(schemaDigest(configSchema));
    const fresh = new Ajv(SCHEMA_OPTIONS).compile(configSchema);
    const documents: unknown[] = [
      { dir: 'profiles', environments: { dev: { instanceId: 'i', quotas: { DescribeRoutingProfile: { ratePerSecond: 2 } } } } },
      { environments: { dev: { region: 1, extra: true } }, quotas: { X: { ratePerSecond: 0, burst: 0.5 } }, prune: 'yes' },
      [],
    ];
    for (const doc of documents) {
      expect(precompiled.default(doc)).toBe(fresh(doc));
      expect(precompiled.default.errors ?? null).toEqual(fresh.errors ?? null);
    }
  });
});
