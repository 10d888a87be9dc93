import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/sources';
import { readAllureResults } from '../evidence/allure-results';
import { evidenceDigest } from '../evidence/evidence-digest';
import { groupScenarios, type Scenario } from '../evidence/scenarios';
import { anchorProblems, committedLedger } from './anchor';
import { describeEntry, entryHash, GENESIS, readLedgerLines, unsignedHash } from './ledger';
import { allowedSignersFile, signatureProblem } from './signatures';

export interface Verification {
  entries: number;
  /** The last entry's hash: record it elsewhere (a commit, a ticket) to anchor the chain. */
  head: string;
  problems: string[];
  /** Runs whose folders are gone: their entries' chain was checked, their evidence could not be. */
  runsNotOnDisk: string[];
}

/**
 * Checks every entry: its hash matches its content, it points at the entry
 * before it, and the evidence it signed still has the digest it signed.
 */
export function verifyLedger(file: string, root = projectRoot): Verification {
  const lines = readLedgerLines(file);
  const problems: string[] = [...trustProblems(file, lines)];
  const runsNotOnDisk = new Set<string>();
  const runs = new Map<string, Scenario[] | Error>();
  let prev = GENESIS;
  lines.forEach((line, index) => {
    const { entry } = line;
    const name = describeEntry(line);
    if (!entry) {
      problems.push(`${name}: not valid JSON, the ledger was edited`);
      return;
    }
    if (entryHash(entry) !== entry.hash) problems.push(`${name}: its content does not match its hash, the entry was edited`);
    if (entry.prev !== prev) problems.push(`${name}: does not follow the entry before it, an entry was edited, removed or inserted`);
    if (entry.seq !== index + 1) problems.push(`${name}: is number ${entry.seq} at position ${index + 1}, an entry was removed or inserted`);
    prev = entry.hash;
    const runDir = path.resolve(root, entry.run);
    if (!existsSync(path.join(runDir, 'allure-results'))) {
      runsNotOnDisk.add(entry.runId);
      return;
    }
    if (!runs.has(runDir)) runs.set(runDir, readScenarios(runDir));
    const scenarios = runs.get(runDir);
    if (scenarios instanceof Error) {
      problems.push(`${name}: the evidence of run ${entry.runId} cannot be read (${scenarios.message})`);
      return;
    }
    const scenario = scenarios?.find((s) => s.id === entry.scenario);
    if (!scenario) problems.push(`${name}: scenario ${entry.scenario} is no longer in the evidence of run ${entry.runId}`);
    else if (evidenceDigest(scenario, path.join(runDir, 'allure-results')) !== entry.evidence) {
      problems.push(`${name}: the evidence of ${entry.scenario} in run ${entry.runId} changed after it was signed`);
    }
  });
  return { entries: lines.length, head: prev, problems, runsNotOnDisk: [...runsNotOnDisk] };
}

/**
 * What makes the ledger untrustworthy as a whole: entries the committed
 * ledger has that this one lost (a cut tail), and, where an allowed-signers
 * file is committed beside it, decisions not signed by their owner's key.
 */
export function trustProblems(file: string, lines = readLedgerLines(file)): string[] {
  const problems = anchorProblems(lines, committedLedger(file));
  const signers = allowedSignersFile(file);
  if (existsSync(signers)) {
    for (const line of lines) {
      if (!line.entry) continue;
      const problem = signatureProblem(unsignedHash(line.entry), line.entry.signature, line.entry.owner, signers);
      if (problem) problems.push(`${describeEntry(line)}: ${problem}`);
    }
  }
  return problems;
}

function readScenarios(runDir: string): Scenario[] | Error {
  try {
    return groupScenarios(readAllureResults(path.join(runDir, 'allure-results')));
  } catch (error) {
    return error as Error;
  }
}
