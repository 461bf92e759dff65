// An ExportDocument as YAML text. A small emitter of our own rather than a general dumper: the shape is fixed,
// so the output is the same bytes on every version of every dependency, and each string goes through one
// quoting rule (yaml-scalar.ts) that the tests prove reads back exactly.
import type { ExportDocument } from './document.js';
import { yamlString } from './yaml-scalar.js';

/** The first line of every exported file: editors validate the file against the schema through it. */
export function schemaModeline(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}`;
}

type Field = [key: string, value: string | number];

/** `key: []`, or `key:` and a block list of mappings, each entry's keys in the given order (scalars only). */
function listField(indent: string, key: string, entries: readonly Field[][]): string[] {
  if (entries.length === 0) return [`${indent}${key}: []`];
  const lines = [`${indent}${key}:`];
  for (const fields of entries) {
    fields.forEach(([name, value], i) => lines.push(`${indent}  ${i === 0 ? '- ' : '  '}${name}: ${scalar(value)}`));
  }
  return lines;
}

function scalar(value: string | number): string {
  return typeof value === 'number' ? String(value) : yamlString(value);
}

export function emitProfileYaml(document: ExportDocument, schemaPath: string): string {
  const lines: string[] = [schemaModeline(schemaPath)];
  lines.push(`name: ${yamlString(document.name)}`);
  if (document.environments !== undefined) lines.push(`environments: [${document.environments.map(yamlString).join(', ')}]`);
  lines.push(`description: ${yamlString(document.description)}`);
  lines.push(`defaultOutboundQueue: ${yamlString(document.defaultOutboundQueue)}`);
  if (document.agentAvailabilityTimer !== undefined) lines.push(`agentAvailabilityTimer: ${document.agentAvailabilityTimer}`);
  lines.push('mediaConcurrencies:');
  for (const entry of document.mediaConcurrencies) {
    lines.push(`  - channel: ${entry.channel}`, `    concurrency: ${entry.concurrency}`, `    crossChannelBehavior: ${entry.crossChannelBehavior}`);
    if (entry.workloadTypes === undefined) continue;
    lines.push(
      ...listField(
        '    ',
        'workloadTypes',
        entry.workloadTypes.map((w) => [
          ['workloadType', w.workloadType],
          ['concurrency', w.concurrency],
          ['crossChannelWorkloadBehavior', w.crossChannelWorkloadBehavior],
        ]),
      ),
    );
  }
  lines.push(...listField('', 'queues', document.queues.map((q) => [['queue', q.queue], ['channel', q.channel], ['priority', q.priority], ['delay', q.delay]])));
  if (document.manualAssignmentQueues !== undefined) {
    lines.push(...listField('', 'manualAssignmentQueues', document.manualAssignmentQueues.map((q) => [['queue', q.queue], ['channel', q.channel]])));
  }
  const tags = Object.entries(document.tags);
  if (tags.length === 0) lines.push('tags: {}');
  else {
    lines.push('tags:');
    for (const [key, value] of tags) lines.push(`  ${yamlString(key)}: ${yamlString(value)}`);
  }
  return `${lines.join('\n')}\n`;
}
