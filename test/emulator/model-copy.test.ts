// The product ships its own copy of the Connect model (it is data the emulator loads); it must stay equal to
// the shared reference copy beside the repository.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(repoRoot, '../shared/connect-api/connect-routing-profiles.model.json');
const ours = resolve(repoRoot, 'model/connect-routing-profiles.model.json');

describe('model copy', () => {
  it.skipIf(!existsSync(dirname(shared)))(
    'model/connect-routing-profiles.model.json equals ../shared/connect-api/connect-routing-profiles.model.json (skipped when ../shared/connect-api is absent)',
    () => {
      expect(JSON.parse(readFileSync(ours, 'utf8'))).toEqual(JSON.parse(readFileSync(shared, 'utf8')));
      expect(readFileSync(ours, 'utf8')).toBe(readFileSync(shared, 'utf8'));
    },
  );
});
