// The closed set of errors connect-gitops reports. Each says whose fault it is and what to do next;
// src/cli/exit.ts is the one place that turns them into exit codes and messages.

/** One problem in the user's files, located precisely enough for an editor or a CI annotation. */
export interface InputProblem {
  file: string;
  line: number; // 1-based
  column: number; // 1-based
  message: string;
}

abstract class ConnectGitopsError extends Error {
  abstract readonly kind: 'user-input' | 'aws' | 'stale-plan' | 'internal';
  /** What the user should do about it, one sentence. */
  abstract readonly hint: string;
}

/** The user's files, flags or configuration are wrong. Nothing was sent to Connect. */
export class UserInputError extends ConnectGitopsError {
  readonly kind = 'user-input' as const;
  constructor(
    message: string,
    readonly problems: readonly InputProblem[] = [],
    readonly hint: string = 'Fix the files or flags named above and run again.',
  ) {
    super(message);
    this.name = 'UserInputError';
  }
}

/** Amazon Connect (or AWS credentials/IAM) refused or failed a call. */
export class AwsError extends ConnectGitopsError {
  readonly kind = 'aws' as const;
  constructor(
    message: string,
    readonly operation: string,
    /** The Connect error name, e.g. AccessDeniedException. */
    readonly errorName: string,
    readonly hint: string,
    /** The routing profile the call was about, when there is one. */
    readonly profile?: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'AwsError';
  }
}

/** A saved plan no longer matches the live instance it was computed from. */
export class StalePlanError extends ConnectGitopsError {
  readonly kind = 'stale-plan' as const;
  readonly hint = 'Run `connect-gitops plan --out <file>` again, review it, then apply the new plan.';
  constructor(
    message: string,
    /** Human descriptions of what changed live since the plan was made. */
    readonly changes: readonly string[],
  ) {
    super(message);
    this.name = 'StalePlanError';
  }
}

/** What to do about a bug in connect-gitops: the one wording every report of one uses. */
export const BUG_HINT = 'This is a bug in connect-gitops; please report it with the output above.';

/** A bug in connect-gitops: an invariant did not hold. */
export class InternalError extends ConnectGitopsError {
  readonly kind = 'internal' as const;
  readonly hint = BUG_HINT;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InternalError';
  }
}

export type KnownError = UserInputError | AwsError | StalePlanError | InternalError;

export function isKnownError(e: unknown): e is KnownError {
  return e instanceof ConnectGitopsError;
}

/** For exhaustive switches: the compiler proves this is unreachable. */
export function assertNever(value: never, what = 'value'): never {
  throw new InternalError(`unexpected ${what}: ${JSON.stringify(value)}`);
}
