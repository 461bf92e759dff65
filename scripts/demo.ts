// `npm run demo`: the whole loop on a local Amazon Connect, no AWS account needed.
// Starts the emulator in-process, seeded from demo/live/ (a live state that differs from profiles/), then
// runs the real CLI as a user would: validate, plan, apply, plan again, a change behind the tool's back,
// and drift catching it. Exits non-zero if any step does not behave as shown.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ConnectClient, SearchRoutingProfilesCommand, UpdateRoutingProfileConcurrencyCommand, DescribeRoutingProfileCommand } from '@aws-sdk/client-connect';
import '../src/cli/quiet-warnings.js';
import { startEmulator } from '../src/emulator/index.js';
import { packageRoot } from '../src/cli/package-info.js';

const root = packageRoot();
const cli = join(root, 'dist/src/cli/main.js');
const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

const emu = await startEmulator({ seedDir: join(root, 'demo/live') });
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'demo-secret-not-used-by-the-emulator' };
const env = {
  ...process.env,
  // Point the SDK at the emulator and keep any real AWS configuration of this machine out of the way.
  AWS_ENDPOINT_URL_CONNECT: emu.endpoint,
  AWS_REGION: emu.region,
  CONNECT_INSTANCE_ID: emu.instanceId,
  AWS_ACCESS_KEY_ID: credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  AWS_SESSION_TOKEN: '',
  AWS_PROFILE: '',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};

let failed = false;
// Asynchronous on purpose: the emulator serves from this very process, so blocking on the child would
// leave the CLI's requests unanswered.
function runCli(args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

async function step(title: string, args: string[], expectedExit: number): Promise<void> {
  process.stdout.write(`\n${bold(`==> ${title}`)}\n${bold(`$ connect-gitops ${args.join(' ')}`)}\n`);
  const status = await runCli(args);
  const verdict = status === expectedExit ? 'as expected' : `EXPECTED ${expectedExit}`;
  process.stdout.write(`${bold(`(exit code ${status}: ${verdict})`)}\n`);
  if (status !== expectedExit) failed = true;
}

try {
  process.stdout.write(`Local Amazon Connect emulator at ${emu.endpoint}, instance ${emu.instanceId}\n`);
  await step('Validate the files in profiles/ (no API call)', ['validate', '--dir', 'profiles'], 0);
  await step('Plan: compare the files with the live instance', ['plan', '--dir', 'profiles', '--detailed-exitcode'], 2);
  await step('Apply the plan', ['apply', '--dir', 'profiles', '--auto-approve'], 0);
  await step('Plan again: nothing left to do', ['plan', '--dir', 'profiles', '--detailed-exitcode'], 0);

  // Someone lets agents on voice be offered chats, in the console: only the cross-channel behaviour changes,
  // which SearchRoutingProfiles cannot even show.
  const sdk = new ConnectClient({ region: emu.region, endpoint: emu.endpoint, credentials });
  const found = await sdk.send(new SearchRoutingProfilesCommand({ InstanceId: emu.instanceId, MaxResults: 500 }));
  const target = found.RoutingProfiles?.find((p) => (p.MediaConcurrencies ?? []).length > 1) ?? found.RoutingProfiles?.[0];
  if (!target?.RoutingProfileId) throw new Error('the demo instance has no routing profile to change');
  const described = await sdk.send(new DescribeRoutingProfileCommand({ InstanceId: emu.instanceId, RoutingProfileId: target.RoutingProfileId }));
  const flipped = (described.RoutingProfile?.MediaConcurrencies ?? []).map((m) => ({
    ...m,
    CrossChannelBehavior: { BehaviorType: m.CrossChannelBehavior?.BehaviorType === 'ROUTE_ANY_CHANNEL' ? 'ROUTE_CURRENT_CHANNEL_ONLY' : 'ROUTE_ANY_CHANNEL' } as const,
  }));
  await sdk.send(new UpdateRoutingProfileConcurrencyCommand({ InstanceId: emu.instanceId, RoutingProfileId: target.RoutingProfileId, MediaConcurrencies: flipped }));
  process.stdout.write(`\n${bold(`==> Behind the tool's back: the cross-channel behaviour of "${target.Name}" is flipped in the console`)}\n`);

  await step('Drift detection catches it (exit 2 means drift)', ['drift', '--dir', 'profiles'], 2);
} finally {
  await emu.close();
}

process.stdout.write(failed ? '\nThe demo did not behave as expected (see above).\n' : '\nDemo complete. Against a real instance, run the same commands with AWS credentials and --instance-id.\n');
process.exitCode = failed ? 1 : 0;
