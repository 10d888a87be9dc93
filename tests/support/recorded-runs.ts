import { cpSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../support/config/sources';
import { scratchDir } from './files';

/**
 * A private copy of a run recorded from a live Odoo 19 (tests/recorded/allure/run-a
 * and run-b: the same four scenarios run twice), so a test may tamper with it.
 */
export function copyRecordedRun(name: 'run-a' | 'run-b', into = scratchDir('uat-run-')): string {
  const dir = path.join(into, name);
  cpSync(path.join(projectRoot, 'tests', 'recorded', 'allure', name), dir, { recursive: true });
  return dir;
}
