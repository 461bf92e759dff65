// The overlay schema is the profile schema with every field optional but name, without environments and
// renamedFrom: these tests keep the two from drifting apart, and the build's precompiled validator current.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv/dist/ajv.js';
import { describe, expect, it } from 'vitest';
import { SCHEMA_OPTIONS, schemaDigest } from '../../src/desired/schema-validator.js';
import { REPO_ROOT } from '../e2e/harness.js';

type Schema = { required: string[]; additionalProperties: boolean; $schema: string; properties: Record<string, Record<string, unknown>> };
const read = (name: string): Schema => JSON.parse(readFileSync(join(REPO_ROOT, 'schema', `${name}.schema.json`), 'utf8')) as Schema;
const profile = read('routing-profile');
const overlay = read('overlay');

/** A property's schema without its description, which says what the field means in each kind of file. */
const rules = (property: Record<string, unknown> | undefined) => {
  const { description: _description, ...rest } = property ?? {};
  return rest;
};

describe('overlay schema', () => {
  it('allows every profile field but environments and renamedFrom, with the same rules, and requires only name', () => {
    expect(Object.keys(overlay.properties)).toEqual(Object.keys(profile.properties).filter((key) => key !== 'environments' && key !== 'renamedFrom'));
    for (const [key, property] of Object.entries(overlay.properties)) expect(rules(property), key).toEqual(rules(profile.properties[key]));
    expect(overlay.required).toEqual(['name']);
    expect(overlay.additionalProperties).toBe(false);
    expect(overlay.$schema).toBe(profile.$schema);
  });

  it('says that an overlay cannot remove a base tag', () => {
    expect(overlay.properties.tags?.description).toMatch(/cannot remove a base tag/);
  });

  it('is precompiled by the build, from the current schema, answering as a fresh compile does', async () => {
    const built = join(REPO_ROOT, 'dist/schema/overlay.validate.mjs');
    expect(existsSync(built), 'run npm run build').toBe(true);
    const precompiled = (await import(pathToFileURL(built).href)) as { default: ValidateFunction; digest: string };
    expect(precompiled.digest).toBe(schemaDigest(overlay));
    const fresh = new Ajv(SCHEMA_OPTIONS).compile(overlay);
    const documents: unknown[] = [
      { name: 'A' },
      { name: 'A', description: 'd', tags: { team: 'x' } },
      { description: 'd', environments: ['dev'], renamedFrom: 'B' },
      { name: 'A', mediaConcurrencies: [], queues: [{ queue: 'Q', channel: 'CHAT', priority: 0, delay: -1 }] },
    ];
    for (const document of documents) {
      expect(precompiled.default(document)).toBe(fresh(document));
      expect(precompiled.default.errors ?? null).toEqual(fresh.errors ?? null);
    }
  });
});
