import { loadEnvironment, type HarnessEnvironment } from '../../support/config/environment';

/**
 * Live tests run against the Odoo that UAT_LIVE_ENV names (an environment
 * name or .env file) and are skipped, with this one-line reason, otherwise.
 */
export const liveSkipReason = process.env.UAT_LIVE_ENV
  ? undefined
  : 'needs a live Odoo: set UAT_LIVE_ENV to an environment name or .env file';

export function liveEnvironment(overrides: Record<string, string> = {}): HarnessEnvironment {
  return loadEnvironment(process.env.UAT_LIVE_ENV ?? '', { overrides: { ...process.env, ...overrides } }).environment;
}

/** A unique suffix, so reruns against the same database never collide. */
export const uniqueTag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
