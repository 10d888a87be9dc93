import { userInfo } from 'node:os';
import path from 'node:path';
import { HarnessError } from '../config/errors';
import { projectRoot } from '../config/sources';
import { appendEntry, type Decision, type LedgerEntry } from './ledger';
import type { RunEvidence } from './run-evidence';

export interface DecisionRequest {
  decision: Decision;
  scenario: string;
  owner: string;
  comment: string;
}

/**
 * Records a process owner's decision on one scenario of a run, bound to the
 * digest of its evidence. Only the scenario's @owner may decide, and only a
 * passed scenario can be approved.
 */
export function recordDecision(evidence: RunEvidence, request: DecisionRequest, ledgerFile: string): LedgerEntry {
  const { run, signoffs } = evidence;
  const found = signoffs.find((s) => s.scenario.hasId && s.scenario.id === request.scenario);
  if (!found) {
    const ids = signoffs.filter((s) => s.scenario.hasId).map((s) => s.scenario.id);
    throw new HarnessError(`run ${run.runId} has no scenario ${request.scenario} (it has: ${ids.join(', ') || 'none with a @UAT- id'})`);
  }
  const { scenario, digest } = found;
  if (!scenario.tags.owner) {
    throw new HarnessError(`${scenario.id} has no @owner: tag, so nobody can sign it off: add one to its feature file`);
  }
  if (scenario.tags.owner !== request.owner) {
    throw new HarnessError(`${scenario.id} belongs to process owner "${scenario.tags.owner}" (its @owner tag), not "${request.owner}": only its owner signs it off`);
  }
  if (request.decision === 'approve' && scenario.status !== 'passed') {
    throw new HarnessError(
      `${scenario.id} is ${scenario.status} in run ${run.runId}: only a passed scenario can be approved (reject it, or waive it in the readiness criteria)`,
    );
  }
  if (!request.comment.trim()) throw new HarnessError('--comment must say why (it is kept in the ledger with the decision)');
  const relative = path.relative(projectRoot, run.dir);
  return appendEntry(ledgerFile, {
    at: new Date().toISOString(),
    decision: request.decision,
    scenario: scenario.id,
    title: scenario.title,
    owner: request.owner,
    comment: request.comment.trim(),
    by: currentUser(),
    runId: run.runId,
    run: relative.startsWith('..') ? run.dir : relative,
    evidence: digest,
  });
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
