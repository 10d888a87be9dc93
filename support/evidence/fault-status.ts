import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Errors that say the run could not test the process, not that the process
 * is wrong: Odoo unreachable or silent, a refused login, a configuration or
 * table mistake, a scenario that ran out of time.
 */
const FAULT = /^(TransportError|AuthenticationError|ConfigError|TableError|TestTargetRefused|TimeoutError)\b|^Test timeout of \d+ms exceeded/;

const NOT_RUN_MESSAGE = /^TransportError: not run:/;

export function isFault(message: string | undefined): boolean {
  return FAULT.test((message ?? '').trim());
}

/**
 * Marks as broken (Allure's status for "could not be tested") every failed
 * result of a run whose error is a fault: allure-playwright says failed for
 * any error. Done once at the end of the run, before anyone signs off.
 * Returns the results it changed.
 */
export function markFaultsBroken(resultsDir: string): string[] {
  const changed: string[] = [];
  // A scenario the run did not start because it had given up on Odoo is not run (Allure's skipped), not broken.
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-result.json'))) {
    const full = path.join(resultsDir, file);
    const result = JSON.parse(readFileSync(full, 'utf8')) as { name?: string; status?: string; statusDetails?: { message?: string } };
    if (result.status === 'failed' && isFault(result.statusDetails?.message)) {
      result.status = NOT_RUN_MESSAGE.test(result.statusDetails?.message ?? '') ? 'skipped' : 'broken';
      writeFileSync(full, JSON.stringify(result));
      changed.push(result.name ?? file);
    }
  }
  return changed;
}
