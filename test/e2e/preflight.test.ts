// What can fail before reading Connect fails before reading Connect; what fails after apply never hides what
// apply did; names from Connect never reach a log or the step summary with raw control characters.
import { describe, expect, it } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { cliEnv, isWrite, received, runCli, releasedAfterEach } from './harness.js';
import { SEED_QUEUES, support, toYaml } from './fixtures.js';

const scope = releasedAfterEach();

async function setup(fileDocs = [support({ description: 'Frontline agents (EMEA)' })]) {
  const emu = await scope.emulator({ queues: SEED_QUEUES, profiles: [support()] });
  const files = scope.profiles({ 'support.yaml': toYaml(...fileDocs) });
  return { e: emu, files, env: cliEnv(emu) };
}

describe('checks before any read', () => {
  it('apply with no way to approve fails before any request', async () => {
    const { e, files, env } = await setup();
    e.clearRequestLog();
    const r = await runCli(['apply', '--dir', files.dir], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error: apply needs approval, and there is no terminal to ask');
    expect(e.requestLog).toEqual([]);
  });

  it('plan --out into a folder that does not exist fails before any request', async () => {
    const { e, files, env } = await setup();
    e.clearRequestLog();
    const r = await runCli(['plan', '--dir', files.dir, '--out', join(files.root, 'missing', 'plan.json')], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the folder ${join(files.root, 'missing')} does not exist`);
    expect(e.requestLog).toEqual([]);
  });

  it('a malformed AWS_ENDPOINT_URL_CONNECT is a user error naming the variable, not blamed on Connect', async () => {
    const { e, files, env } = await setup();
    e.clearRequestLog();
    for (const command of [['plan'], ['drift'], ['apply', '--auto-approve']]) {
      const r = await runCli([...command, '--dir', files.dir], { env: { ...env, AWS_ENDPOINT_URL_CONNECT: 'localhost:4566' } });
      expect(r.code, command[0]).toBe(1);
      expect(r.stderr).toContain('Error: AWS_ENDPOINT_URL_CONNECT must be an http:// or https:// URL, not "localhost:4566"');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(e.requestLog).toEqual([]);
  });
});

/** A proxy in front of the emulator that goes away for good once the first write has been answered. */
async function vanishingProxy(e: RunningEmulator): Promise<string> {
  const target = new URL(e.endpoint);
  const sockets = new Set<Socket>();
  let gone = false;
  const server: Server = createServer((req, res) => {
    const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res).on('finish', () => {
        if (!gone && received(e, isWrite).length > 0) {
          gone = true;
          server.close();
          for (const s of sockets) s.destroy();
        }
      });
    });
    req.pipe(upstream);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  scope.defer(() => {
    server.close();
    for (const s of sockets) s.destroy();
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

describe('after apply', () => {
  it('prints the report of what was done, then says the check after it could not run and why', async () => {
    const { e, files, env } = await setup();
    const endpoint = await vanishingProxy(e);
    const r = await runCli(['apply', '--dir', files.dir, '--auto-approve'], { env: { ...env, AWS_ENDPOINT_URL_CONNECT: endpoint }, timeoutMs: 120_000 });
    expect(r.code).toBe(1);
    const reported = r.stdout.indexOf('~ "Tier1 Support"');
    const unverified = r.stdout.indexOf('The verification could not run: SearchRoutingProfiles failed');
    expect(reported).toBeGreaterThan(0);
    expect(unverified).toBeGreaterThan(reported);
    expect(e.snapshot().profiles.find((p) => p.name === 'Tier1 Support')!.description).toBe('Frontline agents (EMEA)');
  }, 130_000);

  it('with --format json the result says so as data, and stderr says it for the log', async () => {
    const { e, files, env } = await setup();
    const endpoint = await vanishingProxy(e);
    const r = await runCli(['apply', '--dir', files.dir, '--auto-approve', '--format', 'json'], { env: { ...env, AWS_ENDPOINT_URL_CONNECT: endpoint }, timeoutMs: 120_000 });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { summary: { updated: number }; verification: { status: string; error: string } };
    expect(json.summary.updated).toBe(1);
    expect(json.verification.status).toBe('failed');
    expect(json.verification.error).toMatch(/^SearchRoutingProfiles failed/);
    expect(r.stderr).toMatch(/the check after apply could not run: SearchRoutingProfiles failed.*What apply did is reported above/);
  }, 130_000);
});

describe('hostile live data', () => {
  const EVIL = 'Night\u202Eshift\u009b31m';

  it('a live name with bidi and C1 controls reaches the log escaped', async () => {
    const emu = await scope.emulator({ queues: SEED_QUEUES, profiles: [support(), support({ name: EVIL })] });
    const files = scope.profiles({ 'support.yaml': toYaml(support()) });
    const r = await runCli(['plan', '--dir', files.dir], { env: { ...cliEnv(emu), LOG_LEVEL: 'info' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Night\\\\u202eshift\\\\u009b31m');
    expect(r.stderr).not.toMatch(/[\u202e\u009b]/);
  });

  it('the step summary never carries a raw control character from live data', async () => {
    const emu = await scope.emulator({ queues: [...SEED_QUEUES, { name: `Evil\u001b[2J\u202Equeue`, queueId: 'q-evil' }], profiles: [support()] });
    const files = scope.profiles({ 'support.yaml': toYaml(support({ queues: [{ queue: 'q-evil', channel: 'VOICE', priority: 1, delay: 0 }] })) });
    const summary = join(files.root, 'summary.md');
    writeFileSync(summary, '');
    const r = await runCli(['drift', '--dir', files.dir], { env: { ...cliEnv(emu), GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    expect(r.code, r.stderr).toBe(2);
    const written = readFileSync(summary, 'utf8');
    expect(written).toContain('Tier1 Support');
    expect(written).not.toMatch(/[\u001b\u202e]/);
  });
});
