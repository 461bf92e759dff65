// Credentials never leave the process: with sentinel values for the secret key and the session token in the
// environment, no command at any log level prints them, or anything of the signed Authorization header, to
// stdout or stderr, nor writes them into a plan file or the GitHub step summary. The logger's redaction is
// checked directly too, with the shapes that carry credentials (SDK configs, HTTP requests).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { assertBuilt, cliEnv, emulatorWith, profilesDir, REPO_ROOT, runCli, type CliResult } from '../e2e/harness.js';
import { SEED_QUEUES, support, toYaml } from '../e2e/fixtures.js';
import { asSeed } from './support.js';

const SECRET = 'SentinelSecretKey0000DoNotPrint0000zzzzz';
const TOKEN = 'SentinelSessionToken1111DoNotPrint1111IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ';
const SENTINELS = [SECRET, TOKEN];
/** Parts of a SigV4 Authorization header and security-token header: none may appear either. */
const SIGNED_HEADER_PARTS = [/Signature=[0-9a-f]{16}/, /Credential=AKID/];

let emu: RunningEmulator;
let files: ReturnType<typeof profilesDir>;
const outputs: { what: string; text: string }[] = [];

beforeAll(() => {
  assertBuilt();
  files = profilesDir({ 'p.yaml': toYaml(support({ name: 'Existing', description: 'changed' }), support({ name: 'Created' })) });
});

afterAll(() => files?.cleanup());

// Each log level starts from the same live state: one profile to update, one to create.
beforeEach(async () => {
  emu = await emulatorWith({ queues: SEED_QUEUES, profiles: asSeed(support({ name: 'Existing' })) });
});

afterEach(async () => {
  await emu?.close();
});

function envFor(level: string, extra: Record<string, string> = {}): Record<string, string> {
  return cliEnv(emu, {
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_SESSION_TOKEN: TOKEN,
    LOG_LEVEL: level,
    GITHUB_ACTIONS: 'true',
    GITHUB_STEP_SUMMARY: join(files.root, `summary-${level}.md`),
    ...extra,
  });
}

function record(what: string, r: CliResult): CliResult {
  outputs.push({ what: `${what} stdout`, text: r.stdout }, { what: `${what} stderr`, text: r.stderr });
  return r;
}

function expectClean(what: string, text: string): void {
  for (const s of SENTINELS) expect(text.includes(s), `${what} contains a credential`).toBe(false);
  // A fragment is as bad as the whole: the first 12 characters of each would already be a leak.
  for (const s of SENTINELS) expect(text.includes(s.slice(0, 12)), `${what} contains part of a credential`).toBe(false);
  for (const re of SIGNED_HEADER_PARTS) expect(text, `${what} shows a signed header`).not.toMatch(re);
}

describe('secrets stay out of every output', () => {
  it.each(['trace', 'debug'])('validate, plan (text, json, markdown, --out), drift, apply, and failures at LOG_LEVEL=%s', async (level) => {
    const dir = files.dir;
    const env = envFor(level);
    const planFile = join(files.root, `plan-${level}.json`);
    // Read-only commands first, in parallel; apply last, since it changes what they would see.
    const results = await Promise.all([
      runCli(['validate', '--dir', dir], { env }).then((r) => record(`${level} validate`, r)),
      runCli(['plan', '--dir', dir, '--format', 'text'], { env }).then((r) => record(`${level} plan text`, r)),
      runCli(['plan', '--dir', dir, '--format', 'json', '--out', planFile], { env }).then((r) => record(`${level} plan json`, r)),
      runCli(['plan', '--dir', dir, '--format', 'markdown'], { env }).then((r) => record(`${level} plan markdown`, r)),
      runCli(['drift', '--dir', dir], { env }).then((r) => record(`${level} drift`, r)),
      // Errors print more (hints, and at debug level stacks): a bad instance, an unreachable endpoint.
      runCli(['plan', '--dir', dir, '--instance-id', 'not-an-instance'], { env }).then((r) => record(`${level} plan wrong instance`, r)),
      runCli(['plan', '--dir', dir, '--endpoint-url', 'http://127.0.0.1:9'], { env }).then((r) => record(`${level} plan unreachable`, r)),
    ]);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 2, 1, 1]);

    // AccessDenied on a read, then on a write.
    emu.setFaults({ accessDeniedOperations: ['SearchRoutingProfiles'] });
    const deniedRead = record(`${level} plan denied`, await runCli(['plan', '--dir', dir], { env }));
    expect(deniedRead.code).toBe(1);
    expect(deniedRead.stderr).toContain('AccessDeniedException');
    emu.setFaults({ accessDeniedOperations: ['UpdateRoutingProfileName'] });
    const deniedWrite = record(`${level} apply denied`, await runCli(['apply', '--dir', dir, '--auto-approve'], { env }));
    expect(deniedWrite.code).toBe(1);
    expect(deniedWrite.stdout).toContain('AccessDeniedException');
    emu.setFaults({});
    // A successful apply with a saved plan (made now, since the denied apply created a profile).
    const saved = join(files.root, `plan-${level}-apply.json`);
    record(`${level} plan --out`, await runCli(['plan', '--dir', dir, '--out', saved], { env }));
    const applied = record(`${level} apply --plan`, await runCli(['apply', '--dir', dir, '--plan', saved], { env }));
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);

    // Trace and debug really log something, or this test would prove little.
    expect(outputs.filter((o) => o.what.startsWith(level) && o.what.endsWith('stderr')).some((o) => o.text.length > 0)).toBe(true);
    for (const o of outputs) expectClean(o.what, o.text);
    for (const file of [planFile, saved, join(files.root, `summary-${level}.md`)]) {
      expect(existsSync(file), file).toBe(true);
      expectClean(file, readFileSync(file, 'utf8'));
    }
    rmSync(planFile);
  });

  it('the logger redacts credentials and authorization headers in the shapes that carry them', () => {
    assertBuilt();
    // The built logger, in its own process, writing to its real stderr: exactly what users get.
    const script = `
      const { createLogger } = await import(${JSON.stringify(join(REPO_ROOT, 'dist/src/cli/logger.js'))});
      const log = createLogger({ LOG_LEVEL: 'trace' }, false);
      const secret = ${JSON.stringify(SECRET)}, token = ${JSON.stringify(TOKEN)};
      const auth = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/connect/aws4_request, SignedHeaders=host, Signature=' + 'ab'.repeat(32);
      log.trace({ credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: secret, sessionToken: token } }, 'a');
      log.debug({ secretAccessKey: secret, sessionToken: token }, 'b');
      log.info({ config: { credentials: { secretAccessKey: secret, sessionToken: token } } }, 'c');
      log.warn({ headers: { authorization: auth, 'x-amz-security-token': token } }, 'd');
      log.error({ request: { headers: { authorization: auth, 'x-amz-security-token': token } } }, 'e');
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(r.stderr).toContain('[redacted]');
    expectClean('logger output', r.stderr);
  });
});
