import { TestTargetRefused } from './errors';
import type { HarnessEnvironment } from './environment';

/**
 * The one gate before anything is written to Odoo. A database that its
 * environment file does not mark with UAT_TEST_TARGET=true could be production,
 * so the harness refuses rather than guesses.
 */
export function assertTestTarget(environment: HarnessEnvironment, action = 'write to'): void {
  if (environment.testTarget) return;
  throw new TestTargetRefused(
    `${environment.file}: UAT_TEST_TARGET is not "true", so the harness refuses to ${action} database ` +
      `"${environment.odoo.db}" at ${environment.odoo.url}: it could be production. ` +
      `Set UAT_TEST_TARGET=true in that file only if the database is a disposable test copy.`,
  );
}
