// Command-line parsing with node's own util.parseArgs: one table of options per command (design.md).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserInputError } from '../errors.js';

export const COMMANDS = ['validate', 'plan', 'apply', 'drift', 'export', 'emulator'] as const;
export type CommandName = (typeof COMMANDS)[number];
export const FORMATS = ['text', 'json', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

interface TargetFlags {
  dir?: string;
  instanceId?: string;
  region?: string;
  endpointUrl?: string;
  quota: string[];
}

export type ParsedCommand =
  | { command: 'help'; topic?: string }
  | { command: 'version' }
  | { command: 'validate'; dir?: string }
  | ({ command: 'plan' | 'drift'; format: Format; out?: string; detailedExitcode: boolean } & TargetFlags)
  | ({ command: 'apply'; plan?: string; autoApprove: boolean } & TargetFlags)
  | ({ command: 'export'; names: string[]; force: boolean } & TargetFlags)
  | { command: 'emulator'; port: number; seedDir?: string; statePath?: string; quotas: 'off' | 'connect-defaults' };

const TARGET_OPTIONS = {
  dir: { type: 'string' },
  'instance-id': { type: 'string' },
  region: { type: 'string' },
  'endpoint-url': { type: 'string' },
  quota: { type: 'string', multiple: true },
} as const;

export const USAGE = `connect-gitops: Amazon Connect routing profiles as code

Usage:
  connect-gitops validate [--dir profiles]
  connect-gitops plan     [--dir profiles] [--instance-id ID] [--region R] [--endpoint-url URL]
                          [--format text|json|markdown] [--out plan.json] [--detailed-exitcode]
  connect-gitops apply    [--dir profiles] [--instance-id ID] [--region R] [--endpoint-url URL]
                          [--plan plan.json] [--auto-approve]
  connect-gitops drift    [--dir profiles] [--instance-id ID] [--region R] [--format text|json|markdown]
  connect-gitops export   [--dir profiles] [--instance-id ID] [--region R] [--endpoint-url URL]
                          [--name NAME]... [--force]   (live profiles -> files, to adopt an instance)
  connect-gitops emulator [--port N] [--seed DIR] [--state FILE] [--quotas off|connect-defaults]
  connect-gitops --version

Target: --instance-id (ID or instance ARN) and --region, else CONNECT_INSTANCE_ID and AWS_REGION, else
connect-gitops.yaml (instanceId, region, dir, quotas) in the current directory or next to --dir.
Endpoint: AWS_ENDPOINT_URL_CONNECT or --endpoint-url. Credentials: the AWS SDK's default chain.
Pacing: --quota Operation=RATE[:BURST] (repeatable) when your account has raised API quotas.

Exit codes: 0 success, no changes; 2 success, changes present (plan --detailed-exitcode, drift); 1 error.
Logs go to stderr (LOG_LEVEL=debug|info|warn|error); stdout carries only the result.
`;

type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

function parse(args: string[], options: ParseArgsConfig['options']): OptionValues {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values as OptionValues;
  } catch (e) {
    throw new UserInputError(`${(e as Error).message}`, [], 'Run `connect-gitops --help` for the options of each command.');
  }
}

function parseFormat(value: string | undefined): Format {
  const format = value ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UserInputError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  }
  return format as Format;
}

function targetFlags(v: OptionValues): TargetFlags {
  return {
    dir: v.dir as string | undefined,
    instanceId: v['instance-id'] as string | undefined,
    region: v.region as string | undefined,
    endpointUrl: v['endpoint-url'] as string | undefined,
    quota: (v.quota as string[] | undefined) ?? [],
  };
}

export function parseCommandLine(argv: string[]): ParsedCommand {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { command: 'help', topic: rest[0] };
  if (first === '--version' || first === '-v' || first === 'version') return { command: 'version' };
  if (rest.includes('--help') || rest.includes('-h')) return { command: 'help', topic: first };
  switch (first) {
    case 'validate': {
      const v = parse(rest, { dir: { type: 'string' } });
      return { command: 'validate', dir: v.dir as string | undefined };
    }
    case 'plan':
    case 'drift': {
      const v = parse(rest, {
        ...TARGET_OPTIONS,
        format: { type: 'string' },
        out: { type: 'string' },
        'detailed-exitcode': { type: 'boolean' },
      });
      return {
        command: first,
        ...targetFlags(v),
        format: parseFormat(v.format as string | undefined),
        out: v.out as string | undefined,
        // drift always reports changes with exit 2: that is its purpose.
        detailedExitcode: first === 'drift' ? true : Boolean(v['detailed-exitcode']),
      };
    }
    case 'apply': {
      const v = parse(rest, { ...TARGET_OPTIONS, plan: { type: 'string' }, 'auto-approve': { type: 'boolean' } });
      return {
        command: 'apply',
        ...targetFlags(v),
        plan: v.plan as string | undefined,
        autoApprove: Boolean(v['auto-approve']),
      };
    }
    case 'export': {
      const v = parse(rest, { ...TARGET_OPTIONS, name: { type: 'string', multiple: true }, force: { type: 'boolean' } });
      return { command: 'export', ...targetFlags(v), names: (v.name as string[] | undefined) ?? [], force: Boolean(v.force) };
    }
    case 'emulator': {
      const v = parse(rest, {
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
      throw new UserInputError(`unknown command "${first}"`, [], `Commands: ${COMMANDS.join(', ')}. Run \`connect-gitops --help\`.`);
  }
}
