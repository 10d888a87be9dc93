import { ConfigError } from '../../support/config/errors';

/** The environment a command targets: its --env value, else UAT_ENV. */
export function chosenEnvironment(flag: string | undefined): string {
  const name = flag ?? process.env.UAT_ENV;
  if (!name) throw new ConfigError('no environment chosen: pass --env NAME (a file environments/NAME.env) or set UAT_ENV');
  return name;
}
