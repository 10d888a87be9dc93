import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, HarnessError } from '../config/errors';
import { relativeToRoot } from '../config/sources';
import { allurePointFile } from './store';
import type { RunSummary } from './summary';

/** Allure's trend charts show ten earlier reports (charts-api DEFAULT_CHART_HISTORY_LIMIT): more would only be carried. */
const ALLURE_HISTORY_RUNS = 10;

/** One line of Allure 3's history file (`--history-path`): a report's results by history id. */
interface AllureHistoryPoint {
  uuid: string;
  name: string;
  timestamp: number;
  testResults: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/**
 * Allure keeps its history in a JSON-lines file it reads and appends to. A
 * report built twice would append twice, so the file is assembled for each
 * build from one stored point per run (the runs before this one), and the
 * point Allure appends is filed under this run's id: rebuilding replaces it.
 */
export async function withAllureHistory<T>(historyDir: string, current: RunSummary, earlier: readonly RunSummary[], build: (historyFile: string) => Promise<T>): Promise<T> {
  const points = earlier
    .slice(-ALLURE_HISTORY_RUNS)
    .map((run) => allurePointFile(historyDir, run))
    .filter((file) => existsSync(file))
    .map(readPoint);
  const scratch = mkdtempSync(path.join(tmpdir(), 'uat-allure-history-'));
  const historyFile = path.join(scratch, 'history.jsonl');
  writeFileSync(historyFile, points.map((point) => `${JSON.stringify(point)}\n`).join(''));
  try {
    const built = await build(historyFile);
    const lines = readFileSync(historyFile, 'utf8').split('\n').filter((line) => line.trim());
    const added = lines.length === points.length + 1 ? lines.at(-1) : undefined;
    if (!added) throw new HarnessError(`Allure wrote no history point for run ${current.runId} (its history file has ${lines.length} line(s) for ${points.length} earlier run(s))`);
    const file = allurePointFile(historyDir, current);
    mkdirSync(path.dirname(file), { recursive: true });
    // One line, as in Allure's own file: a point is replaced whole, never edited, so it needs no diffs.
    writeFileSync(file, `${JSON.stringify(storedPoint(JSON.parse(added) as AllureHistoryPoint, current))}\n`);
    return built;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Allure's point as the history keeps it: named by the run rather than by
 * a random report id, dated by the run rather than by the build, in a stable order, and without
 * error messages and traces, which can quote a secret and the history may be committed.
 */
function storedPoint(point: AllureHistoryPoint, run: RunSummary): AllureHistoryPoint {
  const started = run.started ? Date.parse(run.started) : NaN;
  const testResults = Object.fromEntries(
    Object.entries(point.testResults)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([historyId, result]) => {
        const { message: _message, trace: _trace, ...kept } = result;
        return [historyId, kept];
      }),
  );
  // Allure lists results in the order it happened to read them; sorted, a rebuilt report's point is the same bytes.
  const knownTestCaseIds = Array.isArray(point.knownTestCaseIds) ? [...(point.knownTestCaseIds as string[])].sort() : point.knownTestCaseIds;
  return { ...point, uuid: run.runId, timestamp: Number.isNaN(started) ? point.timestamp : started, knownTestCaseIds, testResults };
}

function readPoint(file: string): AllureHistoryPoint {
  try {
    const point = JSON.parse(readFileSync(file, 'utf8')) as AllureHistoryPoint;
    if (typeof point.uuid === 'string' && typeof point.testResults === 'object' && point.testResults !== null) return point;
  } catch {
    // Named below, with what to do.
  }
  throw new ConfigError(`${relativeToRoot(file)}: not an Allure history point written by \`uat report\`; delete it (the report's trend then starts without that run)`);
}
