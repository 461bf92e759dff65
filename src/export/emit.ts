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

/** A block list of mappings, each entry's keys in the given order (`key: value`, scalars only). */
function listOfMappings(indent: string, entries: readonly Field[][]): string[] {
  const lines: string[] = [];
  for (const fields of entries) {
    fields.forEach(([key, value], i) => lines.push(`${indent}${i === 0 ? '- ' : '  '}${key}: ${scalar(value)}`));
  }
  return lines;
}

function scalar(value: string | number): string {
  return typeof value === 'number' ? String(value) : yamlString(value);
}

export function emitProfileYaml(document: ExportDocument, schemaPath: string): string {
  const lines: string[] = [schemaModeline(schemaPath)];
  lines.push(`name: ${yamlString(document.name)}`);
  lines.push(`description: ${yamlString(document.description)}`);
  lines.push(`defaultOutboundQueue: ${yamlString(document.defaultOutboundQueue)}`);
  if (document.agentAvailabilityTimer !== undefined) lines.push(`agentAvailabilityTimer: ${document.agentAvailabilityTimer}`);
  lines.push('mediaConcurrencies:');
  for (const entry of document.mediaConcurrencies) {
    lines.push(`  - channel: ${entry.channel}`, `    concurrency: ${entry.concurrency}`, `    crossChannelBehavior: ${entry.crossChannelBehavior}`);
    if (entry.workloadTypes === undefined) continue;
    if (entry.workloadTypes.length === 0) {
      lines.push('    workloadTypes: []');
      continue;
    }
    lines.push('    workloadTypes:');
    lines.push(
      ...listOfMappings(
        '      ',
        entry.workloadTypes.map((w) => [
          ['workloadType', w.workloadType],
          ['concurrency', w.concurrency],
          ['crossChannelWorkloadBehavior', w.crossChannelWorkloadBehavior],
        ]),
      ),
    );
  }
  if (document.queues.length === 0) lines.push('queues: []');
  else {
    lines.push('queues:');
    lines.push(
      ...listOfMappings(
        '  ',
        document.queues.map((q) => [
          ['queue', q.queue],
          ['channel', q.channel],
          ['priority', q.priority],
          ['delay', q.delay],
        ]),
      ),
    );
  }
  if (document.manualAssignmentQueues !== undefined) {
    if (document.manualAssignmentQueues.length === 0) lines.push('manualAssignmentQueues: []');
    else {
      lines.push('manualAssignmentQueues:');
      lines.push(...listOfMappings('  ', document.manualAssignmentQueues.map((q) => [['queue', q.queue], ['channel', q.channel]])));
    }
  }
  const tags = Object.entries(document.tags);
  if (tags.length === 0) lines.push('tags: {}');
  else {
    lines.push('tags:');
    for (const [key, value] of tags) lines.push(`  ${yamlString(key)}: ${yamlString(value)}`);
  }
  return `${lines.join('\n')}\n`;
}
