import path from 'node:path';
import { readAllureResults } from '../evidence/allure-results';
import { evidenceDigest } from '../evidence/evidence-digest';
import { resolveRun, type RunRef } from '../evidence/run-folder';
import { groupScenarios, type Scenario } from '../evidence/scenarios';
import { readLedger } from './ledger';
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
  const scenarios = groupScenarios(readAllureResults(resultsDir));
  const signoffs = signoffStatus(scenarios, (scenario) => evidenceDigest(scenario, resultsDir), readLedger(ledgerFile));
  return { run, resultsDir, scenarios, signoffs };
}
