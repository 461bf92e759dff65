// Rules on mediaConcurrencies[].workloadTypes that the schema cannot say: which channels take them, one entry
// per workload type, and what a workload type's name may look like (UNVERIFIED, see limits.ts).
import type { InputProblem } from '../errors.js';
import type { YamlMapping } from './construct.js';
import type { DocumentLocator } from './document.js';
import { WORKLOAD_TYPE_CHANNELS, WORKLOAD_TYPE_NAME_MAX_LENGTH } from './limits.js';
import { isBlank, spaceAtEnd } from './name-key.js';
import { readablePath } from './pointer.js';
import { findForbiddenCharacter } from './text-safety.js';
import { entries, isChannel, own } from './yaml-value.js';

function channelTakesWorkloadTypes(at: DocumentLocator, index: number, entry: YamlMapping): InputProblem[] {
  const channel = own(entry, 'channel');
  if (!isChannel(channel) || own(entry, 'workloadTypes') === undefined || WORKLOAD_TYPE_CHANNELS.includes(channel)) return [];
  const pointer = `/mediaConcurrencies/${index}/workloadTypes`;
  return [{ ...at.key(pointer), message: `${readablePath(pointer)}: ${channel} has no workload types (they exist on ${WORKLOAD_TYPE_CHANNELS.join(' and ')}); remove workloadTypes from this channel` }];
}

function workloadTypeNames(at: DocumentLocator, index: number, entry: YamlMapping): InputProblem[] {
  const first = new Map<string, string>();
  const channel = own(entry, 'channel');
  const problems: InputProblem[] = [];
  for (const [position, workload] of entries(own(entry, 'workloadTypes'))) {
    const name = own(workload, 'workloadType');
    if (typeof name !== 'string' || name.length === 0) continue;
    const pointer = `/mediaConcurrencies/${index}/workloadTypes/${position}/workloadType`;
    const where = readablePath(pointer);
    const length = [...name].length;
    const earlier = first.get(name);
    // Hidden characters get the general message (rules.ts); one message per value.
    if (findForbiddenCharacter(name) !== undefined) continue;
    const end = spaceAtEnd(name);
    if (length > WORKLOAD_TYPE_NAME_MAX_LENGTH) {
      problems.push({ ...at.value(pointer), message: `${where} is ${length} characters long; the limit is ${WORKLOAD_TYPE_NAME_MAX_LENGTH}` });
    } else if (isBlank(name)) {
      problems.push({ ...at.value(pointer), message: `${where} is blank; write the workload type's name` });
    } else if (end !== null) {
      problems.push({ ...at.value(pointer), message: `${where} ${JSON.stringify(name)} ${end} with a space; remove it` });
    } else if (earlier !== undefined) {
      const on = isChannel(channel) ? ` on channel ${channel}` : '';
      problems.push({ ...at.value(pointer), message: `${where}: workload type ${JSON.stringify(name)} is listed twice${on} (first on line ${at.value(earlier).line}); give one entry per workload type` });
    } else {
      first.set(name, pointer);
    }
  }
  return problems;
}

export function checkWorkloadTypes(document: YamlMapping, at: DocumentLocator): InputProblem[] {
  return entries(own(document, 'mediaConcurrencies')).flatMap(([index, entry]) => [
    ...channelTakesWorkloadTypes(at, index, entry),
    ...workloadTypeNames(at, index, entry),
  ]);
}
