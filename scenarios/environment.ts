import type { HarnessEnvironment } from '../support/config/environment';
import { readServerVersion, type ServerVersion } from '../support/odoo/server';

/** QA's first check of a target: it answers, and says which Odoo it is. */
export function checkTargetAnswers(environment: HarnessEnvironment): Promise<ServerVersion> {
  return readServerVersion(environment.odoo.url, environment.odoo.timeoutMs);
}

export function assertSupportedVersion(version: ServerVersion, oldestMajor: number): void {
  if (version.major < oldestMajor) {
    throw new Error(`Odoo ${version.serverVersion} is older than ${oldestMajor}.0, the oldest version the harness supports`);
  }
}
