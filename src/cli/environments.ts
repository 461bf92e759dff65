// Which environments of connect-gitops.yaml a command works on (--env NAME, repeatable; --env all), decided
// before any call so that a typo or a missing choice costs nothing.
import { UserInputError } from '../errors.js';
import { didYouMean } from '../desired/suggest.js';
import { ALL_ENVIRONMENTS, type ConfigFile, type EnvironmentConfig } from './config-file.js';

function defined(config: ConfigFile): string {
  return config.environments.map((e) => e.name).join(', ');
}

/**
 * The environments chosen, in the order asked (`--env all`: file order), each once. With no --env: the only
 * environment, else defaultEnvironment, else an error naming them. A config without environments has none to
 * choose: an empty list, and --env is then an error.
 */
export function chooseEnvironments(config: ConfigFile | undefined, requested: readonly string[]): EnvironmentConfig[] {
  const environments = config?.environments ?? [];
  if (config === undefined || environments.length === 0) {
    if (requested.length === 0) return [];
    const where = config === undefined ? 'there is no connect-gitops.yaml here or next to --dir' : `${config.shownAs} defines no environments`;
    throw new UserInputError(`--env ${requested[0] ?? ''}: ${where}`, [], 'Define environments: in connect-gitops.yaml, or drop --env and name the instance with --instance-id or CONNECT_INSTANCE_ID.');
  }
  const hint = `Pass --env NAME with one of ${defined(config)}, or --env all with plan and drift.`;
  if (requested.length === 0) {
    if (environments.length === 1) return environments;
    const fallback = environments.find((e) => e.name === config.defaultEnvironment);
    if (fallback !== undefined) return [fallback];
    throw new UserInputError(
      `${config.shownAs} defines several environments (${defined(config)}) and none is chosen`,
      [],
      `${hint} Or set defaultEnvironment in connect-gitops.yaml.`,
    );
  }
  const names = environments.map((e) => e.name);
  // A typo beside `all` is still a typo: checked before `all` makes the other names moot.
  const unknown = requested.filter((name) => name !== ALL_ENVIRONMENTS && !names.includes(name));
  if (unknown.length > 0) {
    const said = unknown.map((name) => `"${name}"${didYouMean(name, names)}`).join(', ');
    // The GitHub Action takes a comma-separated list; the command line takes --env once per environment.
    const listed = unknown.some((name) => /[, ]/.test(name)) ? ' Name each environment with its own --env: --env dev --env prod.' : '';
    throw new UserInputError(`unknown environment ${said} (defined in ${config.shownAs}: ${defined(config)})`, [], `${hint}${listed}`);
  }
  if (requested.includes(ALL_ENVIRONMENTS)) return environments;
  return [...new Set(requested)].flatMap((name) => environments.filter((e) => e.name === name));
}
