// The JSON Schema is hand-written for editors; these tests keep it honest against the vocabulary and against
// Connect's API model (read from model/, never copied by hand).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv/dist/ajv.js';
import { describe, expect, it } from 'vitest';
import { AGENT_AVAILABILITY_TIMERS, CHANNELS, CROSS_CHANNEL_BEHAVIORS, LIMITS, WORKLOAD_BEHAVIORS } from '../../src/vocabulary.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const schema = JSON.parse(readFileSync('schema/routing-profile.schema.json', 'utf8')) as JsonObject;
const model = JSON.parse(readFileSync('model/connect-routing-profiles.model.json', 'utf8')) as { shapes: Record<string, JsonObject> };

function at(root: Json, ...keys: string[]): Json {
  let node: Json = root;
  for (const key of keys) {
    const next: Json | undefined = Array.isArray(node) ? node[Number(key)] : typeof node === 'object' && node !== null && key in node ? node[key] : undefined;
    if (next === undefined) throw new Error(`schema has no ${keys.join('.')}`);
    node = next;
  }
  return node;
}

const property = (...names: string[]): Json => at(schema, ...names.flatMap((n) => (n === '[]' ? ['items'] : ['properties', n])));
const shape = (name: string): JsonObject => {
  const found = model.shapes[name];
  if (found === undefined) throw new Error(`model has no shape ${name}`);
  return found;
};

describe('routing profile schema', () => {
  it('compiles as draft-07 under ajv strict mode', () => {
    expect(() => new Ajv({ strict: true, allErrors: true }).compile(schema)).not.toThrow();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('has enums equal to the vocabulary and to the model', () => {
    const table: [Json, readonly string[], string][] = [
      [at(property('mediaConcurrencies', '[]', 'channel'), 'enum'), CHANNELS, 'Channel'],
      [at(property('queues', '[]', 'channel'), 'enum'), CHANNELS, 'Channel'],
      [at(property('mediaConcurrencies', '[]', 'crossChannelBehavior'), 'enum'), CROSS_CHANNEL_BEHAVIORS, 'BehaviorType'],
      [at(property('agentAvailabilityTimer'), 'enum'), AGENT_AVAILABILITY_TIMERS, 'AgentAvailabilityTimer'],
      [at(property('manualAssignmentQueues', '[]', 'channel'), 'enum'), CHANNELS, 'Channel'],
      [at(property('mediaConcurrencies', '[]', 'workloadTypes', '[]', 'crossChannelWorkloadBehavior'), 'enum'), WORKLOAD_BEHAVIORS, 'ChannelWorkloadBehaviorType'],
    ];
    for (const [inSchema, inVocabulary, modelShape] of table) {
      expect(inSchema).toEqual([...inVocabulary]);
      expect(inSchema).toEqual(shape(modelShape).enum);
    }
  });

  it('has the numeric bounds of the model', () => {
    const table: [Json, string, string, string][] = [
      [property('name'), 'minLength', 'RoutingProfileName', 'min'],
      [property('name'), 'maxLength', 'RoutingProfileName', 'max'],
      [property('description'), 'minLength', 'RoutingProfileDescription', 'min'],
      [property('description'), 'maxLength', 'RoutingProfileDescription', 'max'],
      [property('queues', '[]', 'priority'), 'minimum', 'Priority', 'min'],
      [property('queues', '[]', 'priority'), 'maximum', 'Priority', 'max'],
      [property('queues', '[]', 'delay'), 'minimum', 'Delay', 'min'],
      [property('queues', '[]', 'delay'), 'maximum', 'Delay', 'max'],
      [property('mediaConcurrencies', '[]', 'concurrency'), 'minimum', 'Concurrency', 'min'],
      [property('mediaConcurrencies', '[]', 'concurrency'), 'maximum', 'Concurrency', 'max'],
      [at(property('tags'), 'propertyNames'), 'minLength', 'TagKey', 'min'],
      [at(property('tags'), 'propertyNames'), 'maxLength', 'TagKey', 'max'],
      [at(property('tags'), 'propertyNames'), 'pattern', 'TagKey', 'pattern'],
      [at(property('tags'), 'additionalProperties'), 'maxLength', 'TagValue', 'max'],
      [property('tags'), 'maxProperties', 'TagMap', 'max'],
      [property('mediaConcurrencies', '[]', 'workloadTypes', '[]', 'concurrency'), 'minimum', 'Concurrency', 'min'],
      [property('mediaConcurrencies', '[]', 'workloadTypes', '[]', 'concurrency'), 'maximum', 'Concurrency', 'max'],
      [property('mediaConcurrencies', '[]', 'workloadTypes', '[]', 'workloadType'), 'minLength', 'WorkloadType', 'min'],
      [property('mediaConcurrencies', '[]', 'workloadTypes'), 'maxItems', 'WorkloadTypeConcurrencies', 'max'],
      [at(property('renamedFrom'), 'anyOf', '0'), 'minLength', 'RoutingProfileName', 'min'],
      [at(property('renamedFrom'), 'anyOf', '0'), 'maxLength', 'RoutingProfileName', 'max'],
      [at(property('renamedFrom'), 'anyOf', '1', 'items'), 'minLength', 'RoutingProfileName', 'min'],
      [at(property('renamedFrom'), 'anyOf', '1', 'items'), 'maxLength', 'RoutingProfileName', 'max'],
    ];
    for (const [node, keyword, modelShape, constraint] of table) {
      expect({ [keyword]: at(node, keyword) }).toEqual({ [keyword]: shape(modelShape)[constraint] });
    }
    expect(at(property('queues'), 'maxItems')).toBe(LIMITS.queueChannelPairsPerProfile);
    expect(at(property('tags'), 'maxProperties')).toBe(LIMITS.tagsPerResource);
    expect(at(property('mediaConcurrencies', '[]', 'workloadTypes'), 'maxItems')).toBe(LIMITS.workloadTypesPerChannel);
  });

  it('describes every property and closes every object', () => {
    const walk = (node: Json, where: string): void => {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
      expect(typeof node.description, `${where} has a description`).toBe('string');
      if (node.type === 'object') {
        const isMap = typeof node.additionalProperties === 'object';
        // The tags map is the one open object: its keys are the user's; propertyNames constrains them.
        if (isMap) expect(node.propertyNames, `${where} constrains its keys`).toBeDefined();
        else expect(node.additionalProperties, `${where} is closed`).toBe(false);
      }
      const properties = node.properties;
      if (typeof properties === 'object' && properties !== null && !Array.isArray(properties)) {
        for (const [name, child] of Object.entries(properties)) walk(child, `${where}.${name}`);
      }
      if (node.items !== undefined) walk(node.items, `${where}[]`);
      if (Array.isArray(node.anyOf)) node.anyOf.forEach((alternative, index) => walk(alternative, `${where} (alternative ${index + 1})`));
      if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${where}{}`);
      if (node.propertyNames !== undefined) walk(node.propertyNames, `${where} keys`);
    };
    walk(schema, 'profile');
  });

  it('is what every example profile points its editor at', () => {
    const files = readdirSync('profiles').filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const first = readFileSync(path.join('profiles', file), 'utf8').split('\n')[0];
      expect(first, file).toBe('# yaml-language-server: $schema=../schema/routing-profile.schema.json');
      const target = path.resolve('profiles', first.split('$schema=')[1]);
      expect(target).toBe(path.resolve('schema/routing-profile.schema.json'));
    }
  });
});
