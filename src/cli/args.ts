// Command-line parsing with node's own util.parseArgs: one table of options per command (design.md), and the
// help text of each command next to the options it documents. This module loads nothing heavy: it runs before
// the command's own code is imported.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserInputError } from '../errors.js';

export const COMMANDS = ['validate', 'plan', 'apply', 'drift', 'show', 'export', 'emulator'] as const;
export type CommandName = (typeof COMMANDS)[number];
export const FORMATS = ['text', 'json', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];
/** apply and validate report a result, not a plan: text for people, JSON for programs. */
export const RESULT_FORMATS = ['text', 'json'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

interface TargetFlags {
  dir?: string;
  instanceId?: string;
  region?: string;
  endpointUrl?: string;
  quota: string[];
  /** --env NAME, repeatable; `all` for every environment. Empty when not given. */
  env: string[];
}

export type ParsedCommand =
  | { command: 'help'; topic?: CommandName }
  | { command: 'version' }
  | { command: 'validate'; dir?: string; format: ResultFormat }
  | ({
      command: 'plan' | 'drift';
      format: Format;
      out?: string;
      detailedExitcode: boolean;
      /** --prune: undefined when not given, so connect-gitops.yaml `prune` can decide. */
      prune?: boolean;
      changedSince?: string;
    } & TargetFlags)
  | ({ command: 'apply'; plan?: string; autoApprove: boolean; prune?: boolean; format: ResultFormat } & TargetFlags)
  | { command: 'show'; file: string; format: Format }
  | ({ command: 'export'; names: string[]; force: boolean } & TargetFlags)
  | { command: 'emulator'; port: number; seedDir?: string; statePath?: string; quotas: 'off' | 'connect-defaults' };

const TARGET_OPTIONS = {
  dir: { type: 'string' },
  'instance-id': { type: 'string' },
  region: { type: 'string' },
  'endpoint-url': { type: 'string' },
  quota: { type: 'string', multiple: true },
  env: { type: 'string', multiple: true },
} as const;

const DIR_HELP = '  --dir DIR              the profiles folder (default: profiles, or dir in connect-gitops.yaml)';

/** Where the instance is: export lists --dir among its options instead, as where the files are written. */
const INSTANCE_FLAGS_HELP = `  --instance-id ID       instance ID or instance ARN (else CONNECT_INSTANCE_ID, else connect-gitops.yaml)
  --region R             AWS Region (else AWS_REGION, else connect-gitops.yaml, else an instance ARN's)
  --endpoint-url URL     Connect endpoint, e.g. the local emulator (else AWS_ENDPOINT_URL_CONNECT)
  --quota OP=RATE[:BURST]
                         pace OP at RATE requests/s with BURST (repeatable), when your account has raised
                         API quotas, e.g. --quota DescribeRoutingProfile=10:20`;

const TARGET_FLAGS_HELP = `${DIR_HELP}
${INSTANCE_FLAGS_HELP}`;

/** The environment's own settings win over the shell's: a shell left pointing at an emulator stays harmless. */
const ENV_SETTINGS_HELP = `                         The environment's instanceId and endpointUrl win over CONNECT_INSTANCE_ID and
                         AWS_ENDPOINT_URL_CONNECT in the shell; not with --instance-id, --region, --endpoint-url.`;

/** plan and drift: one environment, several, or all of them in one run. */
const TARGET_HELP = `Target:
  --env NAME             an environment of connect-gitops.yaml (repeatable; --env all: every environment);
                         default: the only one, else defaultEnvironment
${ENV_SETTINGS_HELP}
${TARGET_FLAGS_HELP}`;

/** apply and export: exactly one environment. */
const ONE_ENV_HELP = `Target:
  --env NAME             the environment of connect-gitops.yaml to work on (one; default: the only one, else
                         defaultEnvironment)
${ENV_SETTINGS_HELP}`;

const LOG_HELP = `Logs go to stderr, one JSON object a line (readable on a terminal); stdout carries only the result.
LOG_LEVEL=fatal|error|warn|info|debug|trace|silent (default info; debug logs every call sent to Connect).`;

const EXIT_HELP = 'Exit codes: 0 success, no changes; 2 success, changes present; 1 error.';

const HELP: Readonly<Record<CommandName, string>> = {
  validate: `Usage: connect-gitops validate [--dir profiles] [--format text|json]

Checks the profile files against the schema and Connect's rules, with file:line:column for every problem.
Reads files only: no credentials, no call to Connect (fit for a pre-commit hook). With environments in
connect-gitops.yaml, checks that file and every environment's profiles (overlays merged).

Options:
  --dir DIR              the profiles folder (default: profiles, or dir in connect-gitops.yaml)
  --format text|json     json: {formatVersion, valid, profiles, files, environments?: [{environment, profiles}],
                         problems: [{file, line, column, message}]}

Exit codes: 0 valid; 1 problems found (also with --format json).
${LOG_HELP}
`,
  plan: `Usage: connect-gitops plan [--dir profiles] [--env NAME|all]... [target flags] [--format text|json|markdown]
                           [--out plan.json] [--detailed-exitcode] [--prune] [--changed-since REF]

Reads live state (read-only) and prints the Connect calls that would make it match the files.

Options:
  --format text|json|markdown
                         text for people, json (formatVersion 1) for programs, markdown for a PR comment
  --out FILE             also save the plan, to apply exactly it later with apply --plan FILE (one
                         environment only: with several, run plan --env NAME --out FILE for each)
  --detailed-exitcode    exit 2 when the plan has changes (Terraform's flag)
  --prune                delete live profiles carrying our ownership tag that no file declares
                         (else prune in connect-gitops.yaml; off by default)
  --changed-since REF    plan only the profiles a git change since REF touches (e.g. origin/main);
                         falls back to a full plan when connect-gitops.yaml or an overlay changed

${TARGET_HELP}

Several environments (--env all, or --env repeated) are planned at once, each under its own heading (markdown:
one document, a section each; json: {formatVersion, environments: [{environment, ...plan} | {environment,
error}]}). One failing does not stop the others.

${EXIT_HELP} Blocked work (a profile in use, a quota) is exit 1.
With several environments: 1 if any failed or is blocked, else 2 if any has changes (with
--detailed-exitcode), else 0.
${LOG_HELP}
`,
  apply: `Usage: connect-gitops apply [--dir profiles] [--env NAME] [target flags] [--plan plan.json] [--auto-approve]
                            [--prune] [--format text|json]

Plans, asks for approval, sends the planned calls, then re-reads to verify that live matches the files.

Options:
  --plan FILE            apply a plan saved by plan --out, only if it is still exactly what would be sent
  --auto-approve         do not ask; the plan is printed first all the same
  --prune                delete live profiles carrying our ownership tag that no file declares
  --format text|json     json: the apply result as data (formatVersion 1)

${ONE_ENV_HELP}
${TARGET_FLAGS_HELP}

A plan saved for another environment is refused.

Exit codes: 0 everything applied and verified; 1 anything failed, was skipped or blocked, or did not verify.
${LOG_HELP}
`,
  drift: `Usage: connect-gitops drift [--dir profiles] [--env NAME|all]... [target flags] [--format text|json|markdown]
                            [--out FILE] [--prune] [--changed-since REF]

Reports where live routing profiles differ from the files (a plan worded for reporting).

Options:
  --format text|json|markdown
  --out FILE             also save the plan (one environment)
  --prune                count owned profiles no file declares as drift
  --changed-since REF    check only the profiles a git change since REF touches

${TARGET_HELP}

Several environments (--env all, or --env repeated) are checked at once, each under its own heading.

Exit codes: 0 no drift; 2 drift found; 1 error or blocked work (with several environments: 1 if any failed or
is blocked, else 2 if any drifted, else 0).
${LOG_HELP}
`,
  show: `Usage: connect-gitops show PLAN.json [--format text|json|markdown]

Renders a plan saved by plan --out, without reading Connect.

Options:
  --format text|json|markdown
                         default text

Exit codes: 0 shown; 1 the file is not a connect-gitops plan.
${LOG_HELP}
`,
  export: `Usage: connect-gitops export [--dir profiles] [--env NAME] [target flags] [--name NAME]... [--force]

Reads live routing profiles (read-only) and writes one profile file per profile, every field stated and queues
by name, so that a following plan shows no changes: how an existing instance is adopted.

Options:
  --dir DIR              where the files are written (default: dir in connect-gitops.yaml, else profiles);
                         profiles its files already declare are left alone
  --name NAME            export only this profile (repeatable)
  --force                replace an existing file that holds exactly that one profile

${ONE_ENV_HELP}
${INSTANCE_FLAGS_HELP}

With environments in connect-gitops.yaml, export reads the chosen one and changes no other's desired state:
a profile counts as declared only by a document that exists there; one declared only for other environments
is skipped, naming the file; --force does not replace a file limited to environments or one an overlay
changes; with several environments, a new file says environments: [NAME].

Exit codes: 0 every profile written or already declared; 1 a profile skipped (named, with why) or an error.
${LOG_HELP}
`,
  emulator: `Usage: connect-gitops emulator [--port N] [--seed DIR] [--state FILE] [--quotas off|connect-defaults]

Runs a local Amazon Connect for routing profiles, queues and tags on 127.0.0.1, for trying connect-gitops
without an AWS account. Prints one line with its endpoint and instance, then serves until SIGINT/SIGTERM.

Options:
  --port N               0 (default) picks a free port
  --seed DIR             a folder with emulator.yaml and routing profile files to start from
  --state FILE           keep the state in FILE across restarts
  --quotas off|connect-defaults
                         enforce Connect's published API quotas (default off)

Use it with: AWS_ENDPOINT_URL_CONNECT=http://127.0.0.1:PORT CONNECT_INSTANCE_ID=ID connect-gitops plan
${LOG_HELP}
`,
};

export const USAGE = `connect-gitops: Amazon Connect routing profiles as code

Usage:
  connect-gitops validate [--dir profiles] [--format text|json]
  connect-gitops plan     [--dir profiles] [--env NAME|all]... [target flags] [--format text|json|markdown]
                          [--out plan.json] [--detailed-exitcode] [--prune] [--changed-since REF]
  connect-gitops apply    [--dir profiles] [--env NAME] [target flags] [--plan plan.json] [--auto-approve]
                          [--prune] [--format text|json]
  connect-gitops drift    [--dir profiles] [--env NAME|all]... [target flags] [--format text|json|markdown]
                          [--out FILE] [--prune] [--changed-since REF]
  connect-gitops show     PLAN.json [--format text|json|markdown]
  connect-gitops export   [--dir profiles] [--env NAME] [target flags] [--name NAME]... [--force]
  connect-gitops emulator [--port N] [--seed DIR] [--state FILE] [--quotas off|connect-defaults]
  connect-gitops --version
  connect-gitops COMMAND --help     the options of one command

Target flags: --env NAME, --instance-id ID|ARN, --region R, --endpoint-url URL, --quota OP=RATE[:BURST].
Else CONNECT_INSTANCE_ID, AWS_REGION and AWS_ENDPOINT_URL_CONNECT, else connect-gitops.yaml (instanceId,
region, dir, quotas, prune, owner, profileQuota) in the current directory or next to --dir.
Environments: connect-gitops.yaml may define environments: (instanceId, region, endpointUrl, awsProfile,
quotas, overlay, prune, owner, profileQuota each); --env NAME picks one (plan and drift: repeatable, or
--env all). The environment's instanceId and endpointUrl win over CONNECT_INSTANCE_ID and
AWS_ENDPOINT_URL_CONNECT.
Credentials: the AWS SDK's default chain; an environment's awsProfile applies only when the shell holds none.
Requests: one left unanswered for 30 s counts as lost, like a dropped connection, and is retried as such
(CONNECT_GITOPS_REQUEST_TIMEOUT_MS=N: N milliseconds instead).

${EXIT_HELP}
${LOG_HELP}
`;

/** The help of one command, or the global help. */
export function helpText(topic?: CommandName): string {
  return topic === undefined ? USAGE : HELP[topic];
}

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

function unknownCommand(name: string): UserInputError {
  return new UserInputError(`unknown command "${name}"`, [], `Commands: ${COMMANDS.join(', ')}. Run \`connect-gitops --help\`.`);
}

type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

function parse(command: CommandName, args: string[], options: ParseArgsConfig['options'], positionals = 0): { values: OptionValues; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
    if (parsed.positionals.length > positionals) throw new Error(`Unexpected argument '${parsed.positionals[positionals]}'`);
    return { values: parsed.values as OptionValues, positionals: parsed.positionals };
  } catch (e) {
    throw new UserInputError(`${(e as Error).message}`, [], `Run \`connect-gitops ${command} --help\` for its options.`);
  }
}

function oneOf<T extends string>(flag: string, allowed: readonly T[], value: string | undefined, fallback: T): T {
  const chosen = value ?? fallback;
  if (!(allowed as readonly string[]).includes(chosen)) {
    throw new UserInputError(`${flag} must be one of ${allowed.join(', ')}, not "${chosen}"`);
  }
  return chosen as T;
}

function targetFlags(command: CommandName, v: OptionValues, oneEnvironment = false): TargetFlags {
  const flags = {
    dir: v.dir as string | undefined,
    instanceId: v['instance-id'] as string | undefined,
    region: v.region as string | undefined,
    endpointUrl: v['endpoint-url'] as string | undefined,
    quota: (v.quota as string[] | undefined) ?? [],
    env: (v.env as string[] | undefined) ?? [],
  };
  checkEnvFlags(command, flags, oneEnvironment);
  return flags;
}

/** The flags that name an instance, as typed, among those given: what an environment would clash with. */
export function instanceFlagsGiven(flags: { instanceId?: string; region?: string; endpointUrl?: string }): string[] {
  return [flags.instanceId === undefined ? '' : '--instance-id', flags.region === undefined ? '' : '--region', flags.endpointUrl === undefined ? '' : '--endpoint-url'].filter(Boolean);
}

/** An environment says where; so do the instance flags: a run takes one or the other (design.md). */
function checkEnvFlags(command: CommandName, flags: TargetFlags, oneEnvironment: boolean): void {
  if (flags.env.length === 0) return;
  const hint = `Run \`connect-gitops ${command} --help\` for its options.`;
  const blank = flags.env.find((name) => name.trim() === '');
  if (blank !== undefined) throw new UserInputError('--env needs an environment name (or all)', [], hint);
  const clashing = instanceFlagsGiven(flags);
  if (clashing.length > 0) {
    throw new UserInputError(`--env cannot be combined with ${clashing.join(', ')}: the environment in connect-gitops.yaml says where`, [], hint);
  }
  if (oneEnvironment && (new Set(flags.env).size > 1 || flags.env.includes('all'))) {
    throw new UserInputError(`${command} works on one environment at a time, not ${flags.env.join(', ')}`, [], `Run connect-gitops ${command} --env NAME once for each environment.`);
  }
}

/** An empty REF (an unset CI variable) would silently mean HEAD: refuse it. */
function changedSince(value: string | boolean | string[] | boolean[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ref = String(value).trim();
  if (ref === '') throw new UserInputError('--changed-since needs a git revision, e.g. origin/main or a commit SHA', [], 'In a pull-request workflow: --changed-since ${{ github.event.pull_request.base.sha }}.');
  return ref;
}

export function parseCommandLine(argv: string[]): ParsedCommand {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { command: 'help' };
    if (!isCommand(topic)) throw unknownCommand(topic);
    return { command: 'help', topic };
  }
  if (first === '--version' || first === '-v' || first === 'version') return { command: 'version' };
  // An unknown command is an error even with --help: printing the global text would hide the typo.
  if (!isCommand(first)) throw unknownCommand(first);
  if (rest.includes('--help') || rest.includes('-h')) return { command: 'help', topic: first };
  switch (first) {
    case 'validate': {
      const { values: v } = parse(first, rest, { dir: { type: 'string' }, format: { type: 'string' } });
      return { command: 'validate', dir: v.dir as string | undefined, format: oneOf('--format', RESULT_FORMATS, v.format as string | undefined, 'text') };
    }
    case 'plan':
    case 'drift': {
      const { values: v } = parse(first, rest, {
        ...TARGET_OPTIONS,
        format: { type: 'string' },
        out: { type: 'string' },
        'detailed-exitcode': { type: 'boolean' },
        prune: { type: 'boolean' },
        'changed-since': { type: 'string' },
      });
      return {
        command: first,
        ...targetFlags(first, v),
        format: oneOf('--format', FORMATS, v.format as string | undefined, 'text'),
        out: v.out as string | undefined,
        // drift always reports changes with exit 2: that is its purpose.
        detailedExitcode: first === 'drift' ? true : Boolean(v['detailed-exitcode']),
        prune: v.prune === undefined ? undefined : Boolean(v.prune),
        changedSince: changedSince(v['changed-since']),
      };
    }
    case 'apply': {
      const { values: v } = parse(first, rest, {
        ...TARGET_OPTIONS,
        plan: { type: 'string' },
        'auto-approve': { type: 'boolean' },
        prune: { type: 'boolean' },
        format: { type: 'string' },
      });
      return {
        command: 'apply',
        ...targetFlags(first, v, true),
        plan: v.plan as string | undefined,
        autoApprove: Boolean(v['auto-approve']),
        prune: v.prune === undefined ? undefined : Boolean(v.prune),
        format: oneOf('--format', RESULT_FORMATS, v.format as string | undefined, 'text'),
      };
    }
    case 'export': {
      const { values: v } = parse(first, rest, { ...TARGET_OPTIONS, name: { type: 'string', multiple: true }, force: { type: 'boolean' } });
      return { command: 'export', ...targetFlags(first, v, true), names: (v.name as string[] | undefined) ?? [], force: Boolean(v.force) };
    }
    case 'show': {
      const { values: v, positionals } = parse(first, rest, { format: { type: 'string' } }, 1);
      const file = positionals[0];
      if (file === undefined) throw new UserInputError('show needs the plan file to show', [], 'Usage: connect-gitops show plan.json [--format text|json|markdown]');
      return { command: 'show', file, format: oneOf('--format', FORMATS, v.format as string | undefined, 'text') };
    }
    case 'emulator': {
      const { values: v } = parse(first, rest, {
        port: { type: 'string' },
        seed: { type: 'string' },
        state: { type: 'string' },
        quotas: { type: 'string' },
      });
      const port = v.port === undefined ? 0 : Number(v.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserInputError(`--port must be 0..65535, not "${String(v.port)}"`);
      const quotas = (v.quotas as string | undefined) ?? 'off';
      if (quotas !== 'off' && quotas !== 'connect-defaults') throw new UserInputError(`--quotas must be off or connect-defaults, not "${quotas}"`);
      return { command: 'emulator', port, seedDir: v.seed as string | undefined, statePath: v.state as string | undefined, quotas };
    }
    default:
      throw unknownCommand(first);
  }
}
