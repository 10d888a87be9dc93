import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, HarnessError } from '../../support/config/errors';
import { relativeToRoot } from '../../support/config/sources';
import { readAllureResults } from '../../support/evidence/allure-results';
import { resolveRun } from '../../support/evidence/run-folder';
import { groupScenarios } from '../../support/evidence/scenarios';
import { compareRuns, DEFAULT_RUNS_COMPARED, runsToCompare } from '../../support/history/compare';
import { environmentDir, findSummary, historyDirOf, readSummaries } from '../../support/history/store';
import { summarizeRun, type RunSummary } from '../../support/history/summary';
import { historyText } from '../../support/history/text';
import { unsealedResults } from '../../support/signoff/result-seal';
import { loneShard } from '../../support/evidence/shards';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      run: { type: 'string', default: 'latest' },
      history: { type: 'string' },
      last: { type: 'string', default: String(DEFAULT_RUNS_COMPARED) },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const last = runsOption(values.last);
  const { dir } = historyDirOf(values.history);
  const current = currentRun(values.run, dir);
  const comparison = compareRuns(runsToCompare(current, readSummaries(dir, current.environment), last));
  if (values.json) console.log(JSON.stringify(comparison, null, 2));
  else for (const line of historyText(comparison, relativeToRoot(environmentDir(dir, current.environment)))) console.log(line);
  return 0;
}

function runsOption(value: string): number {
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 2) throw new ConfigError(`--last ${value}: must be a whole number of runs to compare, 2 or more (the run and at least one before it)`);
  return runs;
}

/**
 * The run to compare, summarised from its folder (recorded in the history
 * or not yet); a run id whose folder is gone is taken from the history.
 */
function currentRun(ref: string, historyDir: string): RunSummary {
  let folder: ReturnType<typeof resolveRun>;
  try {
    folder = resolveRun(ref);
  } catch (error) {
    const recorded = ref === 'latest' ? undefined : findSummary(historyDir, ref);
    if (recorded) return recorded;
    throw error;
  }
  const lone = loneShard(folder.info);
  if (lone) throw new HarnessError(`${lone}: compare the merged run (\`uat merge\`), which holds the whole suite`);
  const resultsDir = path.join(folder.dir, 'allure-results');
  const changed = unsealedResults(folder, resultsDir);
  if (changed.length) throw new HarnessError([...changed, `the results of run ${folder.runId} changed after the run ended: its history cannot be trusted (run it again)`].join('\n'));
  return summarizeRun(folder, groupScenarios(readAllureResults(resultsDir)));
}
