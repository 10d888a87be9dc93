import { loadEnvironment, type HarnessEnvironment } from '../config/environment';
import { derivedPasswords, keptKeysOf } from '../odoo/roles';
import { runKeys } from '../odoo/rpc/run-identities';
import { endpointSecrets } from '../config/browser-endpoint';
import { Secret } from '../config/secret';

const REDACTED = '[redacted]';

/** Field names whose values are secrets whatever they hold (Odoo's password, api_key, ...). */
const SECRET_FIELD = /password|passwd|api_?key|secret|token/i;

/**
 * Every secret an environment holds: the set-up user's password, the API
 * key, each configured role's password, the passwords the harness derives
 * (provisioned roles, portal buyers), the keys of the run and those kept for
 * later runs, and a browser farm's token.
 */
export function secretsOf(environment: HarnessEnvironment): Secret[] {
  const endpoint = environment.browser.wsEndpoint ? endpointSecrets(environment.browser.wsEndpoint).map((part) => new Secret(part)) : [];
  const secrets = [environment.odoo.admin.password, ...Object.values(environment.roles).map((role) => role.password), ...derivedPasswords(environment), ...runKeys(), ...keptKeysOf(environment), ...endpoint];
  return environment.odoo.apiKey ? [...secrets, environment.odoo.apiKey] : secrets;
}

let cached: Secret[] | undefined;

/** The secrets of the environment this worker runs against (UAT_ENV), read once per process. */
export function runSecrets(): Secret[] {
  if (!cached) {
    const name = process.env.UAT_ENV;
    cached = name ? secretsOf(loadEnvironment(name, { overrides: process.env }).environment) : [];
  }
  return cached;
}

/** Replaces the values of secret-named fields at any depth, whatever their value. */
export function redactFields<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => redactFields(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, SECRET_FIELD.test(key) && item !== false ? REDACTED : redactFields(item)]),
  ) as T;
}

/** The secrets of a named environment, or none when its file is not on this machine (reports can be built elsewhere). */
export function secretsOfNamedEnvironment(name: string | undefined): Secret[] | undefined {
  if (!name) return undefined;
  try {
    return secretsOf(loadEnvironment(name, { overrides: process.env }).environment);
  } catch {
    return undefined;
  }
}
