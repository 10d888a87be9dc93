import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { HarnessError } from '../config/errors';
import { projectRoot, relativeToRoot } from '../config/sources';
import { appendEntry, type Decision, type LedgerEntry } from './ledger';
import type { RunEvidence } from './run-evidence';
import { allowedSignersFile, signatureProblem, signDecision } from './signatures';

export interface DecisionRequest {
  decision: Decision;
  scenario: string;
  owner: string;
  comment: string;
  /** The owner's private SSH key; required where the ledger has an allowed-signers file. */
  key?: string;
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
  const signers = allowedSignersFile(ledgerFile);
  if (existsSync(signers) && !request.key) {
    throw new HarnessError(`${relativeToRoot(signers)} lists the owners' keys: sign the decision with --key <${request.owner}'s private SSH key>`);
  }
  // A key that is not the owner's is refused here, before anything is written.
  const sign = request.key
    ? (unsigned: string) => {
        const signature = signDecision(unsigned, request.key as string);
        const problem = existsSync(signers) ? signatureProblem(unsigned, signature, request.owner, signers) : undefined;
        if (problem) throw new HarnessError(`the decision was not recorded: ${problem.replace(/^its signature/, `the key ${request.key}`)}`);
        return signature;
      }
    : undefined;
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
  }, sign);
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
