import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { projectRoot } from '../config/sources';

/** Every run writes into reports/runs/<run id>/, so runs never overwrite each other. */
export const runsRoot = (root = projectRoot) => path.join(root, 'reports', 'runs');

/** A sortable, readable run id, unique even for runs started in the same second: 20261126-224005-uat-k3f9. */
export function newRunId(environmentName: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${environmentName}-${randomBytes(2).toString('hex')}`;
}

export function runFolder(runId: string, root = projectRoot): string {
  return path.join(runsRoot(root), runId);
}
