import { describe, it } from 'vitest';
import { renderEnvironmentsJson, renderEnvironmentsMarkdown, renderEnvironmentsText } from '../../src/render/environments.js';
import { blockedEnvironments, hostileEnvironments, threeEnvironments } from './environment-fixtures.js';
import { expectGolden } from './golden.js';

describe('multi-environment renderer golden files', () => {
  it.each([
    // dev with changes, test without, prod failed: every format and both purposes.
    ['environments.txt', () => renderEnvironmentsText(threeEnvironments(), { color: false, purpose: 'plan' })],
    ['environments-color.txt', () => renderEnvironmentsText(threeEnvironments(), { color: true, purpose: 'plan' })],
    ['environments-drift.txt', () => renderEnvironmentsText(threeEnvironments(), { color: false, purpose: 'drift' })],
    ['environments.md', () => renderEnvironmentsMarkdown(threeEnvironments(), { purpose: 'plan' })],
    ['environments-drift.md', () => renderEnvironmentsMarkdown(threeEnvironments(), { purpose: 'drift' })],
    ['environments.json', () => renderEnvironmentsJson(threeEnvironments())],
    // Blocking problems and a several-line internal error: the sections a reviewer must read start open.
    ['environments-blocked.txt', () => renderEnvironmentsText(blockedEnvironments(), { color: false, purpose: 'plan' })],
    ['environments-blocked.md', () => renderEnvironmentsMarkdown(blockedEnvironments(), { purpose: 'plan' })],
    ['environments-blocked.json', () => renderEnvironmentsJson(blockedEnvironments())],
    // A comment bound too small for both plans: each is cut to its share, with the usual note.
    ['environments-truncated.md', () => renderEnvironmentsMarkdown(threeEnvironments().slice(0, 2), { purpose: 'plan', maxLength: 3000 })],
    // Live data in names and error messages.
    ['environments-hostile.txt', () => renderEnvironmentsText(hostileEnvironments(), { color: false, purpose: 'plan' })],
    ['environments-hostile.md', () => renderEnvironmentsMarkdown(hostileEnvironments(), { purpose: 'plan' })],
    ['environments-hostile.json', () => renderEnvironmentsJson(hostileEnvironments())],
  ])('%s', (file, render) => {
    expectGolden(file, render());
  });
});
