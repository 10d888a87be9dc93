import path from 'node:path';
import { readAllureResults } from '../evidence/allure-results';
import { evidenceDigest } from '../evidence/evidence-digest';
import { resolveRun, type RunRef } from '../evidence/run-folder';
import { groupScenarios, type Scenario } from '../evidence/scenarios';
import { HarnessError } from '../config/errors';
import { relativeToRoot } from '../config/sources';
import { readLedger } from './ledger';
import { unsealedResults } from './result-seal';
import { trustProblems } from './verify';
import { signoffStatus, type ScenarioSignoff } from './status';

/** A run as the sign-off commands see it: its scenarios and where each stands in the ledger. */
export interface RunEvidence {
  run: RunRef;
  resultsDir: string;
  scenarios: Scenario[];
  signoffs: ScenarioSignoff[];
}

export function loadRunEvidence(runRef: string, ledgerFile: string): RunEvidence {
  const run = resolveRun(runRef);
  const resultsDir = path.join(run.dir, 'allure-results');
  const untrusted = trustProblems(ledgerFile);
  if (untrusted.length) {
    throw new HarnessError([...untrusted.map((p) => `${relativeToRoot(ledgerFile)}: ${p}`), 'the sign-off ledger cannot be trusted: nothing is decided on it (run `uat signoff verify`)'].join('\n'));
  }
  const changed = unsealedResults(run, resultsDir);
  if (changed.length) {
    throw new HarnessError([...changed, `the results of run ${run.runId} changed after the run ended: its evidence cannot be signed off or judged (run it again)`].join('\n'));
  }
  const scenarios = groupScenarios(readAllureResults(resultsDir));
  const signoffs = signoffStatus(scenarios, (scenario) => evidenceDigest(scenario, resultsDir), readLedger(ledgerFile));
  return { run, resultsDir, scenarios, signoffs };
}
