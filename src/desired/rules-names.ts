// Rules on the names in one document: the profile's name, its former names (renamedFrom) and the environments
// it exists in. What names mean across documents is checked once every file is read (duplicate-names.ts).
import type { InputProblem } from '../errors.js';
import type { YamlMapping, YamlValue } from './construct.js';
import type { DocumentLocator } from './document.js';
import { isBlank, spaceAtEnd } from './name-key.js';
import { readablePath } from './pointer.js';
import { own, strings } from './yaml-value.js';

/** `--env all` selects every environment, so no environment may be called that. */
export const RESERVED_ENVIRONMENT_NAME = 'all';

/** renamedFrom as written: one name, or a list of names, with the pointer each sits at. */
export function formerNames(value: YamlValue | undefined): { pointer: string; name: string }[] {
  if (typeof value === 'string') return [{ pointer: '/renamedFrom', name: value }];
  return strings(value).map(([index, name]) => ({ pointer: `/renamedFrom/${index}`, name }));
}

export function checkName(document: YamlMapping, at: DocumentLocator): InputProblem[] {
  const name = own(document, 'name');
  if (typeof name !== 'string') return [];
  if (isBlank(name)) return [{ ...at.value('/name'), message: 'name is blank; give the profile a name people can read' }];
  const end = spaceAtEnd(name);
  if (end === null) return [];
  return [{ ...at.value('/name'), message: `name ${JSON.stringify(name)} ${end} with a space, which no one sees in the console; remove it` }];
}

export function checkRenamedFrom(document: YamlMapping, at: DocumentLocator): InputProblem[] {
  const name = own(document, 'name');
  const first = new Map<string, string>();
  const problems: InputProblem[] = [];
  // Spaces at either end are allowed here: a live profile named " Team" by hand is renamed exactly this way.
  for (const { pointer, name: former } of formerNames(own(document, 'renamedFrom'))) {
    const where = readablePath(pointer);
    const earlier = first.get(former);
    if (isBlank(former)) {
      problems.push({ ...at.value(pointer), message: `${where} is blank; write the profile's former name` });
    } else if (former === name) {
      problems.push({ ...at.value(pointer), message: `${where} ${JSON.stringify(former)} is this profile's own name; list only former names` });
    } else if (earlier !== undefined) {
      problems.push({ ...at.value(pointer), message: `${where} ${JSON.stringify(former)} is listed twice (first on line ${at.value(earlier).line})` });
    } else {
      first.set(former, pointer);
    }
  }
  return problems;
}

export function checkEnvironments(document: YamlMapping, at: DocumentLocator): InputProblem[] {
  const first = new Map<string, string>();
  const problems: InputProblem[] = [];
  for (const [index, environment] of strings(own(document, 'environments'))) {
    const pointer = `/environments/${index}`;
    const where = readablePath(pointer);
    const earlier = first.get(environment);
    if (environment === RESERVED_ENVIRONMENT_NAME) {
      problems.push({ ...at.value(pointer), message: `${where}: "${RESERVED_ENVIRONMENT_NAME}" is reserved (--env ${RESERVED_ENVIRONMENT_NAME} means every environment); leave environments out to declare the profile everywhere` });
    } else if (isBlank(environment) || spaceAtEnd(environment) !== null) {
      problems.push({ ...at.value(pointer), message: `${where} ${JSON.stringify(environment)} has spaces at an end; write the environment name as connect-gitops.yaml defines it` });
    } else if (earlier !== undefined) {
      problems.push({ ...at.value(pointer), message: `${where}: environment ${JSON.stringify(environment)} is listed twice (first on line ${at.value(earlier).line})` });
    } else {
      first.set(environment, pointer);
    }
  }
  return problems;
}
