// The saved-plan codec: the one place that writes (plan --out) and reads (apply --plan, show) a saved plan.
// The file is the JSON plan (formatVersion 1, as `plan --format json` prints it) plus the live snapshot the plan
// was computed from, so that a stale plan can say what moved, with values (Terraform keeps the prior state in
// its plan file too). schema/saved-plan.schema.json describes it; reading checks it against that schema.
import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { UserInputError } from '../errors.js';
import type { LiveSnapshot } from '../plan/fingerprint.js';
import type { Plan } from '../plan/types.js';
import { renderPlanJson } from '../render/index.js';

export interface SavedPlan {
  /** The plan as JSON gives it back (an absent `before` is null; fields the JSON omits are absent). */
  plan: Plan;
  live: LiveSnapshot;
  /** For a scoped plan (plan --changed-since): the profile names it covers, sorted. */
  scopedProfiles?: string[];
}

const HINT = 'Pass a file written by `connect-gitops plan --out`.';

export function encodeSavedPlan(saved: SavedPlan): string {
  // The plan part is byte for byte what `plan --format json` prints, so one reader serves both.
  const json = JSON.parse(renderPlanJson(saved.plan)) as Record<string, unknown>;
  if (saved.scopedProfiles !== undefined) json.scopedProfiles = [...saved.scopedProfiles].sort();
  json.live = saved.live;
  return `${JSON.stringify(json, null, 2)}\n`;
}

// Compiled on first use: commands that never read a plan (validate in a pre-commit hook) do not pay for ajv.
let validator: ValidateFunction | undefined;

async function savedPlanValidator(): Promise<ValidateFunction> {
  if (validator === undefined) {
    const [{ Ajv }, schema] = await Promise.all([
      import('ajv/dist/ajv.js'),
      import('../../schema/saved-plan.schema.json', { with: { type: 'json' } }).then((m) => m.default),
    ]);
    validator = new Ajv({ allErrors: false, strict: true }).compile(schema);
  }
  return validator;
}

function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the file' : error.instancePath.slice(1).replace(/\//g, '.');
  return `${where} ${error.message ?? 'is invalid'}`;
}

/**
 * The plan value back from its JSON form: JSON writes a diff's absent side (`before` of a create) as null; the
 * plan value leaves it undefined, which is what renderers tell a create's `+ field` lines by.
 */
export function planFromJson(json: Record<string, unknown>): Plan {
  const plan = json as unknown as Plan;
  for (const change of plan.changes) {
    for (const diff of change.diffs) {
      if (diff.before === null) diff.before = undefined;
      if (diff.after === null) diff.after = undefined;
    }
  }
  return plan;
}

/** The document of a run over several environments: `{formatVersion, environments: [...]}`, no instance. */
function isSeveralEnvironments(parsed: unknown): boolean {
  return typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { environments?: unknown }).environments) && !('instanceId' in parsed);
}

export async function decodeSavedPlan(text: string, path: string): Promise<SavedPlan> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new UserInputError(`cannot read the saved plan ${path}: not JSON (${(e as Error).message})`, [], HINT);
  }
  if (isSeveralEnvironments(parsed)) {
    throw new UserInputError(
      `${path} holds the plans of several environments (plan --env all --format json), not one saved plan`,
      [],
      'Save each environment\'s plan with connect-gitops plan --env NAME --out FILE; show and apply take one of those.',
    );
  }
  const check = await savedPlanValidator();
  if (!check(parsed)) {
    const first = check.errors?.[0];
    const version = (parsed as { formatVersion?: unknown } | null)?.formatVersion;
    const why = version !== 1 ? `formatVersion is ${JSON.stringify(version ?? null)}, not 1` : first ? describeSchemaError(first) : 'it does not match the format';
    throw new UserInputError(`${path} is not a connect-gitops saved plan (formatVersion 1): ${why}`, [], HINT);
  }
  const { live, scopedProfiles, ...plan } = parsed as Record<string, unknown>;
  return {
    plan: planFromJson(plan),
    live: live as LiveSnapshot,
    ...(scopedProfiles === undefined ? {} : { scopedProfiles: scopedProfiles as string[] }),
  };
}

/**
 * A plan is applied only to the environment it was made for: the same files plan differently elsewhere, and a
 * plan reviewed for dev must never be sent to prod. Known from the file alone, before any call.
 */
export function assertPlanForEnvironment(saved: SavedPlan, path: string, environment: string | undefined): void {
  const madeFor = saved.plan.environment;
  if (madeFor === environment) return;
  const made = madeFor === undefined ? 'without an environment' : `for environment ${madeFor}`;
  const now = environment === undefined ? 'this run has no environment' : `this run is for environment ${environment}`;
  throw new UserInputError(
    `${path} was planned ${made}, and ${now}: nothing was sent`,
    [],
    madeFor === undefined ? `Plan again with --env ${environment ?? 'NAME'} --out FILE, and apply that plan.` : `Apply it with --env ${madeFor}, or plan --env ${environment ?? 'NAME'} --out FILE and apply that.`,
  );
}

export async function readSavedPlan(path: string): Promise<SavedPlan> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new UserInputError(`cannot read the saved plan ${path}: ${reason}`, [], HINT);
  }
  return decodeSavedPlan(text, path);
}
