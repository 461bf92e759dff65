// CONNECT_GITOPS_REQUEST_TIMEOUT_MS: how long one request to Connect may go unanswered before it counts as a lost
// answer (and is retried, as the retry policy says). The default suits Connect; a slow proxy may want more, and a
// test of an endpoint that never answers cannot wait 30 s per attempt.
import { UserInputError } from '../errors.js';

export const REQUEST_TIMEOUT_VARIABLE = 'CONNECT_GITOPS_REQUEST_TIMEOUT_MS';

/** The timeout the shell asks for, in milliseconds; undefined when it asks for none (the client's default). */
export function requestTimeoutFrom(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[REQUEST_TIMEOUT_VARIABLE]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const ms = Number(raw);
  if (!/^\d+$/.test(raw) || ms <= 0) {
    throw new UserInputError(
      `${REQUEST_TIMEOUT_VARIABLE} must be a whole number of milliseconds above 0, not ${JSON.stringify(raw)}`,
      [],
      `Unset it for the default (30 s), or set e.g. ${REQUEST_TIMEOUT_VARIABLE}=60000.`,
    );
  }
  return ms;
}
