import path from 'node:path';
import { relativeToRoot } from '../config/sources';
import { runsRoot, type RunRef } from '../evidence/run-folder';
import { loneShard } from '../evidence/shards';
import type { Scenario } from '../evidence/scenarios';
import { withAllureHistory } from './allure-history';
import { compareRuns, DEFAULT_RUNS_COMPARED, runsToCompare, type HistoryComparison } from './compare';
import { environmentDir, historyDirOf, readSummaries, recordSummary } from './store';
import { summarizeRun } from './summary';

export type RunHistory =
  | {
      recorded: true;
      /** The environment's folder in the history. */
      folder: string;
      comparison: HistoryComparison;
      /** Builds the Allure report with the earlier runs' history, keeping the point Allure makes for this run. */
      withAllureHistory<T>(build: (historyFile: string) => Promise<T>): Promise<T>;
    }
  | { recorded: false; reason: string };

/**
 * What `uat report` does with the history: files the run's summary under its
 * environment and compares it with the runs before it. A run folder outside
 * reports/runs (a copy, a test's scratch run) joins a history only when one is
 * named, so it cannot slip into the project's own rehearsal history.
 */
export function recordRunHistory(run: RunRef, scenarios: readonly Scenario[], option: string | undefined): RunHistory {
  const { dir, explicit } = historyDirOf(option);
  const fromRuns = path.relative(runsRoot(), run.dir);
  if (!explicit && (fromRuns.startsWith('..') || path.isAbsolute(fromRuns))) {
    return { recorded: false, reason: `run folder ${relativeToRoot(run.dir)} is outside ${relativeToRoot(runsRoot())}; name a history with --history DIR or UAT_HISTORY_DIR to keep it` };
  }
  // A shard holds part of the suite: its merged run, not the part, is the rehearsal the history compares.
  const lone = loneShard(run.info);
  if (lone) return { recorded: false, reason: `${lone}: the history keeps the merged run (\`uat merge\`)` };
  const summary = summarizeRun(run, scenarios);
  recordSummary(dir, summary);
  const everyRun = runsToCompare(summary, readSummaries(dir, summary.environment), Number.POSITIVE_INFINITY);
  return {
    recorded: true,
    folder: environmentDir(dir, summary.environment),
    comparison: compareRuns(everyRun.slice(-DEFAULT_RUNS_COMPARED)),
    withAllureHistory: (build) => withAllureHistory(dir, summary, everyRun.slice(0, -1), build),
  };
}
