// Where Connect's documentation leaves a rule open, the files and the emulator make the same choice, so that a
// file the tool accepts is a request the emulator accepts, and what the emulator holds can be written in a file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MANUAL_ASSIGNMENT_CHANNELS, WORKLOAD_TYPE_CHANNELS, WORKLOAD_TYPE_NAME_MAX_LENGTH } from '../../src/desired/limits.js';
import { parseProfileText } from '../../src/desired/parse-text.js';
import { findForbiddenCharacter } from '../../src/desired/text-safety.js';
import * as emulator from '../../src/emulator/handlers/rules.js';
import { MINIMAL } from './helpers.js';

const accepted = (workloadType: string): boolean =>
  parseProfileText(
    'p.yaml',
    `${MINIMAL}  - channel: TASK\n    concurrency: 2\n    workloadTypes:\n      - {workloadType: ${JSON.stringify(workloadType)}, concurrency: 1, crossChannelWorkloadBehavior: ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE}\n`,
  ).problems.length === 0;

describe('UNVERIFIED choices, shared with the emulator', () => {
  it('the same channels take workload types and manual-assignment queues', () => {
    expect(new Set(WORKLOAD_TYPE_CHANNELS)).toEqual(emulator.WORKLOAD_TYPE_CHANNELS);
    expect(new Set(MANUAL_ASSIGNMENT_CHANNELS)).toEqual(emulator.MANUAL_ASSIGNMENT_CHANNELS);
  });

  it('a workload type name the files accept, the emulator accepts; the converse holds but for invisible characters', () => {
    expect(WORKLOAD_TYPE_NAME_MAX_LENGTH).toBe(emulator.WORKLOAD_TYPE_MAX_LENGTH);
    const names = fc.string({ unit: fc.constantFrom('a', 'Z', '7', '-', ' ', '\u00A0', '\t', 'ö', '\u200D', '\u202E', '字'), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(names, (name) => {
        const byEmulator = emulator.WORKLOAD_TYPE_PATTERN.test(name);
        if (accepted(name)) expect(byEmulator).toBe(true);
        else if (byEmulator) expect(findForbiddenCharacter(name)).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});
