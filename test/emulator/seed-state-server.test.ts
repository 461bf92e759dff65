// Seeding from a directory, persisted state, the CLI body, and the HTTP front door (auth, routing, JSON).
import {
  DescribeRoutingProfileCommand,
  ListRoutingProfileQueuesCommand,
  ListTagsForResourceCommand,
  SearchRoutingProfilesCommand,
  CreateRoutingProfileCommand,
  SearchQueuesCommand,
} from '@aws-sdk/client-connect';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runEmulatorCommand, startEmulator } from '../../src/emulator/index.js';
import { writeStateFile } from '../../src/emulator/state-file.js';
import { BASE_SEED, clientFor, createInput, start } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeSeedDir(root: string): void {
  const queues = Array.from({ length: 12 }, (_, i) => `  - name: Q${i}\n`).join('');
  writeFileSync(join(root, 'emulator.yaml'), `instanceId: seeded-instance\nregion: eu-west-2\nqueues:\n  - name: BasicQueue\n    queueId: q-basic\n${queues}`);
  mkdirSync(join(root, 'team', 'deep'), { recursive: true });
  const twelveQueues = Array.from({ length: 12 }, (_, i) => `  - { queue: Q${i}, channel: CHAT, priority: ${i + 1}, delay: ${i} }\n`).join('');
  writeFileSync(
    join(root, 'team', 'support.yaml'),
    `# yaml-language-server: $schema=../schema/routing-profile.schema.json
name: Tier1 Support
description: Frontline agents
defaultOutboundQueue: BasicQueue
agentAvailabilityTimer: TIME_SINCE_LAST_INBOUND
mediaConcurrencies:
  - channel: VOICE
    concurrency: 1
    crossChannelBehavior: ROUTE_ANY_CHANNEL
  - channel: CHAT
    concurrency: 3
queues:
${twelveQueues}tags:
  team: support
  aws:cloudformation:stack-name: legacy
---
name: Tier2 Support
description: Escalations
defaultOutboundQueue: q-basic
mediaConcurrencies: [{ channel: VOICE, concurrency: 1 }]
`,
  );
  writeFileSync(
    join(root, 'team', 'deep', 'sales.yml'),
    `name: Sales\ndescription: Sales agents\ndefaultOutboundQueue: arn:aws:connect:eu-west-2:123456789012:instance/seeded-instance/queue/q-basic\nmediaConcurrencies:\n  - channel: TASK\n    concurrency: 2\n    workloadTypes: [{ workloadType: callback, concurrency: 1, crossChannelWorkloadBehavior: ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE }]\n`,
  );
}

describe('seeding', () => {
  it('starts from emulator.yaml and every other YAML document under the directory', async () => {
    writeSeedDir(dir);
    const emu = await startEmulator({ seedDir: dir });
    try {
      expect(emu.instanceId).toBe('seeded-instance');
      expect(emu.region).toBe('eu-west-2');
      expect(emu.instanceArn).toBe('arn:aws:connect:eu-west-2:123456789012:instance/seeded-instance');
      const client = clientFor(emu);
      const InstanceId = emu.instanceId;
      const found = await client.send(new SearchRoutingProfilesCommand({ InstanceId }));
      expect(found.RoutingProfiles!.map((p) => p.Name).sort()).toEqual(['Sales', 'Tier1 Support', 'Tier2 Support']);
      const tier1 = found.RoutingProfiles!.find((p) => p.Name === 'Tier1 Support')!;
      // aws: tags are live-only: present on the resource although no call may set them.
      expect(tier1.Tags).toEqual({ team: 'support', 'aws:cloudformation:stack-name': 'legacy' });
      const { RoutingProfile } = await client.send(new DescribeRoutingProfileCommand({ InstanceId, RoutingProfileId: tier1.RoutingProfileId }));
      expect(RoutingProfile).toMatchObject({
        AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
        MediaConcurrencies: [
          { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
          { Channel: 'CHAT', Concurrency: 3, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
        ],
      });
      const queues = await client.send(new ListRoutingProfileQueuesCommand({ InstanceId, RoutingProfileId: tier1.RoutingProfileId }));
      expect(queues.RoutingProfileQueueConfigSummaryList!.map((q) => [q.QueueName, q.Priority, q.Delay])).toEqual(
        Array.from({ length: 12 }, (_, i) => [`Q${i}`, i + 1, i]),
      );
      const sales = emu.snapshot().profiles.find((p) => p.name === 'Sales')!;
      expect(sales.mediaConcurrencies[0].workloadTypeConcurrencies).toEqual([
        { workloadType: 'callback', concurrency: 1, crossChannelWorkloadBehavior: 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE' },
      ]);
      expect(emu.requestLog).toHaveLength(3); // seeding itself is not logged
    } finally {
      await emu.close();
    }
  });

  it('generates an instance ID when emulator.yaml has none; region defaults to us-east-1', async () => {
    writeFileSync(join(dir, 'emulator.yaml'), 'queues:\n  - name: BasicQueue\n');
    const emu = await startEmulator({ seedDir: dir });
    try {
      expect(emu.instanceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(emu.region).toBe('us-east-1');
      expect((await clientFor(emu).send(new SearchQueuesCommand({ InstanceId: emu.instanceId }))).Queues!.map((q) => q.Name)).toEqual(['BasicQueue']);
    } finally {
      await emu.close();
    }
  });

  it('refuses a seed Connect would refuse, naming the file', async () => {
    writeFileSync(join(dir, 'emulator.yaml'), 'instanceId: i\nqueues: [{ name: BasicQueue }]\n');
    writeFileSync(join(dir, 'bad.yaml'), 'name: X\ndescription: d\ndefaultOutboundQueue: Nowhere\nmediaConcurrencies: [{ channel: VOICE, concurrency: 1 }]\n');
    await expect(startEmulator({ seedDir: dir })).rejects.toThrow(/bad\.yaml: seed profile 'X': queue reference "Nowhere" matches no queue/);
    writeFileSync(join(dir, 'bad.yaml'), 'name: X\ndescription: d\ndefaultOutboundQueue: BasicQueue\nmediaConcurrencies: [{ channel: VOICE, concurrency: 2 }]\n');
    await expect(startEmulator({ seedDir: dir })).rejects.toThrow(/bad\.yaml: seed profile 'X': InvalidParameterException: .*VOICE must be 1\.\.1/);
  });
});

describe('state file', () => {
  it('persists every committed write and restores it on restart', async () => {
    const statePath = join(dir, 'state', 'emulator-state.json');
    const first = await start({ statePath });
    const { RoutingProfileId, RoutingProfileArn } = await first.client.send(new CreateRoutingProfileCommand(createInput({ Tags: { a: '1' } })));
    await first.emu.close();
    expect(JSON.parse(readFileSync(statePath, 'utf8')).profiles).toHaveLength(1);

    const second = await startEmulator({ statePath, quotas: 'off' });
    try {
      expect(second.instanceId).toBe('inst-1');
      const client = clientFor(second);
      const { RoutingProfile } = await client.send(new DescribeRoutingProfileCommand({ InstanceId: 'inst-1', RoutingProfileId }));
      expect(RoutingProfile!.Name).toBe('Tier1');
      expect((await client.send(new ListTagsForResourceCommand({ resourceArn: RoutingProfileArn }))).tags).toEqual({ a: '1' });
      // A new profile after restart gets a new ID and a later sequence number.
      await client.send(new CreateRoutingProfileCommand(createInput({ Name: 'Second' })));
      expect(second.snapshot().profiles.map((p) => p.name)).toEqual(['Tier1', 'Second']);
      // Writes go through a temporary file and a rename: nothing else is left beside the state file.
      expect(readdirSync(join(dir, 'state'))).toEqual(['emulator-state.json']);
    } finally {
      await second.close();
    }
  });

  it.each([
    ['broken JSON', '{\n  "formatVersion": 1,\n  oops\n}\n', /state file \S+s\.json:3:3 is not valid JSON \(.+\); delete it to start from the seed again/],
    ['an empty file', '', /state file \S+s\.json is empty/],
    ['another format version', '{"formatVersion": 2}', /state file \S+s\.json is not an emulator state file: formatVersion is 2, not 1/],
    ['a list', '[]', /is not an emulator state file: it holds no JSON object/],
    ['no profiles', JSON.stringify({ formatVersion: 1, instanceId: 'i', instanceArn: 'a', region: 'r', queues: [], nextSeq: 1 }), /profiles is missing or not a list/],
  ])('refuses a state file with %s, naming it and what is wrong, and leaves it as it was', async (_what, content, message) => {
    const path = join(dir, 's.json');
    writeFileSync(path, content);
    await expect(startEmulator({ statePath: path, seed: BASE_SEED })).rejects.toThrow(message);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('restores a state file written before accounts, users and manual queues were kept', async () => {
    const path = join(dir, 'old.json');
    const profile = { routingProfileId: 'rp-1', arn: 'arn:aws:connect:us-east-1:444455556666:instance/i/routing-profile/rp-1', name: 'Old', description: 'd', defaultOutboundQueueId: 'q', mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY' }], queueConfigs: [], agentAvailabilityTimer: 'TIME_SINCE_LAST_ACTIVITY', tags: {}, seq: 2, lastModifiedTime: 0 };
    writeFileSync(path, JSON.stringify({ formatVersion: 1, instanceId: 'i', instanceArn: 'arn:aws:connect:us-east-1:444455556666:instance/i', region: 'us-east-1', instanceTags: {}, queues: [], profiles: [profile], nextSeq: 3 }));
    const emu = await startEmulator({ statePath: path });
    try {
      expect(emu.accountId).toBe('444455556666');
      expect(emu.snapshot().profiles[0]).toMatchObject({ associatedUsers: 0, isDefault: false, manualAssignmentQueues: [] });
    } finally {
      await emu.close();
    }
  });

  it('replaces the file whole', () => {
    const path = join(dir, 's.json');
    const snap = { formatVersion: 1 as const, instanceId: 'i', instanceArn: 'a', region: 'us-east-1', instanceTags: {}, queues: [], profiles: [], nextSeq: 1 };
    writeFileSync(path, 'garbage');
    writeStateFile(path, snap);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(snap);
    expect(readdirSync(dir)).toEqual(['s.json']);
  });
});

describe('runEmulatorCommand', () => {
  it('prints one line with endpoint and instance, serves, and stops cleanly on SIGTERM', async () => {
    writeSeedDir(dir);
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    // Only the command's own listener may see the signal emitted below.
    const others = process.listeners('SIGTERM');
    process.removeAllListeners('SIGTERM');
    try {
      const running = runEmulatorCommand({ port: 0, seedDir: dir });
      await vi.waitFor(() => expect(lines).toHaveLength(1), { timeout: 5000 });
      write.mockRestore();
      const m = /^Amazon Connect emulator listening on (http:\/\/127\.0\.0\.1:\d+) instance (\S+)\n$/.exec(lines[0]);
      expect(m, lines[0]).not.toBeNull();
      expect(m![2]).toBe('seeded-instance');
      const res = await fetch(`${m![1]}/queues-summary/seeded-instance`, { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x' } });
      expect(res.status).toBe(200);
      process.emit('SIGTERM');
      await running;
      await expect(fetch(`${m![1]}/queues-summary/seeded-instance`)).rejects.toThrow();
      expect(process.listenerCount('SIGTERM')).toBe(0);
    } finally {
      write.mockRestore();
      for (const l of others) process.on('SIGTERM', l);
    }
  });
});

describe('HTTP front door', () => {
  it('binds to 127.0.0.1 and needs an Authorization header, answering Connect-style errors', async () => {
    const { emu } = await start();
    try {
      expect(emu.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const url = `${emu.endpoint}/queues/inst-1/q-basic`;
      const unsigned = await fetch(url);
      expect(unsigned.status).toBe(403);
      expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
      expect(await unsigned.json()).toEqual({ Message: 'Missing Authentication Token' });
      const basic = await fetch(url, { headers: { authorization: 'Basic dXNlcjpwdw==' } });
      expect([basic.status, basic.headers.get('x-amzn-errortype')]).toEqual([403, 'IncompleteSignatureException']);
      const signed = { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/connect/aws4_request' };
      const ok = await fetch(url, { headers: signed });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      const unknown = await fetch(`${emu.endpoint}/no/such/route`, { headers: signed });
      expect([unknown.status, unknown.headers.get('x-amzn-errortype')]).toEqual([404, 'UnknownOperationException']);
      const badJson = await fetch(`${emu.endpoint}/search-queues`, { method: 'POST', headers: signed, body: '{not json' });
      expect([badJson.status, badJson.headers.get('x-amzn-errortype')]).toEqual([400, 'SerializationException']);
      expect(emu.requestLog.map((e) => [e.operation, e.status])).toEqual([
        ['DescribeQueue', 403],
        ['DescribeQueue', 403],
        ['DescribeQueue', 200],
        ['UnknownOperation', 404],
        ['SearchQueues', 400],
      ]);
    } finally {
      await emu.close();
    }
  });
});
