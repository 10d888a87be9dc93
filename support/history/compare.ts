import type { ResultStatus } from '../evidence/allure-results';
import { byRunOrder, type RunSummary, type ScenarioSummary } from './summary';
import { NO_AREA, passRate } from '../evidence/scenarios';

/** How many runs a comparison shows by default, the current one included. */
export const DEFAULT_RUNS_COMPARED = 5;
/** How many scenarios "slowest-growing" names. */
const SLOWEST_GROWING_SHOWN = 5;
/** Fewer passed runs than this make no trend: two points are a difference, not a direction. */
const MIN_POINTS_FOR_TREND = 3;

export interface RunColumn {
  runId: string;
  started?: string;
  commit?: string;
  passed: number;
  total: number;
  /** Percent of the scenarios that passed (skipped and broken never pass), with no waivers (readiness leaves waived scenarios out of its rate); null for a run with no scenario. */
  passRate: number | null;
  missingShards?: number[];
}

export interface ScenarioLine {
  id: string;
  title: string;
  area?: string;
  status: ResultStatus;
}

/** A scenario whose outcome changed, with the last earlier run in which it ran (not skipped). */
export interface Change extends ScenarioLine {
  last?: { runId: string; status: ResultStatus };
}

export interface StillFailing extends ScenarioLine {
  /** The first run of its unbroken run of failures within the runs compared. */
  since: string;
  runs: number;
}

export interface Flaky extends ScenarioLine {
  /** Its outcomes over the runs compared in which it ran (not skipped), oldest first. */
  outcomes: ('passed' | 'failed')[];
  /** How often the outcome changed from one of those runs to the next. */
  changes: number;
  /** The runs in which it passed only on a retry. */
  passedOnRetryIn: string[];
}

export interface DurationTrend {
  id: string;
  title: string;
  /** Per run compared, the duration when the scenario passed there, else null (a failure stops early, a skip takes no time). */
  durationsMs: (number | null)[];
  /** Least-squares slope of those durations over the run index, in ms per run; null with fewer than three. */
  slopeMsPerRun: number | null;
  /** The slope as a share of the mean duration. */
  percentPerRun: number | null;
}

export interface HistoryComparison {
  environment: string;
  /** Oldest first; the last is the run being compared. */
  runs: RunColumn[];
  areas: { area: string; passRates: (number | null)[] }[];
  newFailures: Change[];
  fixed: Change[];
  stillFailing: StillFailing[];
  flaky: Flaky[];
  /** For each run after the first: what failed anew and what was fixed in it. */
  changesByRun: { runId: string; newFailures: string[]; fixed: string[] }[];
  /** Every scenario of the current run, the one whose duration grows the most per run first. */
  durations: DurationTrend[];
  slowestGrowing: DurationTrend[];
  /** Against the previous run. */
  added: ScenarioLine[];
  removed: ScenarioLine[];
}


/** Only passed passes; failed and broken fail; a skipped or unknown scenario did not run, so it says nothing. */
function outcomeOf(status: ResultStatus): 'pass' | 'fail' | undefined {
  if (status === 'passed') return 'pass';
  return status === 'failed' || status === 'broken' ? 'fail' : undefined;
}


/** The `last` runs up to and including `current`, of the runs recorded for its environment. */
export function runsToCompare(current: RunSummary, recorded: readonly RunSummary[], last = DEFAULT_RUNS_COMPARED): RunSummary[] {
  const earlier = recorded.filter((r) => r.environment === current.environment && r.runId !== current.runId && byRunOrder(r, current) < 0);
  return [...earlier.sort(byRunOrder), current].slice(-last);
}

/** Compares the last of `runs` (oldest first) with the ones before it. */
export function compareRuns(runs: readonly RunSummary[]): HistoryComparison {
  const current = runs.at(-1);
  if (!current) throw new Error('compareRuns needs at least one run');
  const byRun = runs.map((run) => new Map(run.scenarios.map((s) => [s.id, s])));
  const now = classify(runs, byRun, runs.length - 1);
  const previous = byRun.at(-2);
  const line = ({ id, title, area, status }: ScenarioSummary): ScenarioLine => ({ id, title, ...(area ? { area } : {}), status });
  const durations = current.scenarios.map((s) => durationTrend(s, byRun)).sort(
    (a, b) => (b.slopeMsPerRun ?? -Infinity) - (a.slopeMsPerRun ?? -Infinity) || a.id.localeCompare(b.id, 'en', { numeric: true }),
  );
  return {
    environment: current.environment,
    runs: runs.map(runColumn),
    areas: areaRows(runs),
    ...now,
    flaky: current.scenarios.flatMap((s) => flakiness(s, runs, byRun)),
    changesByRun: runs.slice(1).map((run, offset) => {
      const changes = classify(runs, byRun, offset + 1);
      return { runId: run.runId, newFailures: changes.newFailures.map((c) => c.id), fixed: changes.fixed.map((c) => c.id) };
    }),
    durations,
    slowestGrowing: durations.filter((d) => (d.slopeMsPerRun ?? 0) > 0).slice(0, SLOWEST_GROWING_SHOWN),
    added: previous ? current.scenarios.filter((s) => !previous.has(s.id)).map(line) : [],
    removed: previous ? [...previous.values()].filter((s) => !byRun.at(-1)?.has(s.id)).map(line) : [],
  };
}

function runColumn(run: RunSummary): RunColumn {
  const passed = run.scenarios.filter((s) => s.status === 'passed').length;
  return {
    runId: run.runId,
    ...(run.started ? { started: run.started } : {}),
    ...(run.commit ? { commit: run.commit } : {}),
    passed,
    total: run.scenarios.length,
    passRate: passRate(passed, run.scenarios.length),
    ...(run.missingShards?.length ? { missingShards: run.missingShards } : {}),
  };
}

function areaRows(runs: readonly RunSummary[]): HistoryComparison['areas'] {
  const areas = [...new Set(runs.flatMap((run) => run.scenarios.map((s) => s.area ?? NO_AREA)))].sort();
  return areas.map((area) => ({
    area,
    passRates: runs.map((run) => {
      const inArea = run.scenarios.filter((s) => (s.area ?? NO_AREA) === area);
      return passRate(inArea.filter((s) => s.status === 'passed').length, inArea.length);
    }),
  }));
}

/** Run `index`'s failing and fixed scenarios, each against the last earlier run in which it ran. */
function classify(runs: readonly RunSummary[], byRun: Map<string, ScenarioSummary>[], index: number) {
  const newFailures: Change[] = [];
  const fixed: Change[] = [];
  const stillFailing: StillFailing[] = [];
  for (const scenario of runs[index]?.scenarios ?? []) {
    const outcome = outcomeOf(scenario.status);
    if (!outcome) continue;
    const lastIndex = findLastIndexBefore(index, (i) => {
      const earlier = byRun[i]?.get(scenario.id);
      return earlier !== undefined && outcomeOf(earlier.status) !== undefined;
    });
    const lastStatus = lastIndex < 0 ? undefined : byRun[lastIndex]?.get(scenario.id)?.status;
    const before = lastStatus && outcomeOf(lastStatus);
    const change: Change = {
      id: scenario.id,
      title: scenario.title,
      ...(scenario.area ? { area: scenario.area } : {}),
      status: scenario.status,
      ...(lastStatus ? { last: { runId: runs[lastIndex]?.runId as string, status: lastStatus } } : {}),
    };
    if (outcome === 'pass') {
      if (before === 'fail') fixed.push(change);
    } else if (before === 'fail') {
      const since = failingSince(scenario.id, byRun, index);
      stillFailing.push({ ...change, since: runs[since]?.runId as string, runs: index - since + 1 });
    } else {
      newFailures.push(change);
    }
  }
  return { newFailures, fixed, stillFailing };
}

function findLastIndexBefore(index: number, predicate: (i: number) => boolean): number {
  for (let i = index - 1; i >= 0; i--) if (predicate(i)) return i;
  return -1;
}

/** The earliest run of the unbroken failures ending at `index`; runs in which it did not run do not break them. */
function failingSince(id: string, byRun: Map<string, ScenarioSummary>[], index: number): number {
  let since = index;
  for (let i = index - 1; i >= 0; i--) {
    const status = byRun[i]?.get(id)?.status;
    const outcome = status && outcomeOf(status);
    if (outcome === 'pass') break;
    if (outcome === 'fail') since = i;
  }
  return since;
}

/** Flaky: its outcome went back and forth (at least twice) over the runs compared, or it passed only on a retry. */
function flakiness(scenario: ScenarioSummary, runs: readonly RunSummary[], byRun: Map<string, ScenarioSummary>[]): Flaky[] {
  const seen = byRun.map((scenarios) => scenarios.get(scenario.id));
  const outcomes = seen.flatMap((s) => (s && outcomeOf(s.status) ? [outcomeOf(s.status) === 'pass' ? ('passed' as const) : ('failed' as const)] : []));
  const changes = outcomes.filter((outcome, i) => i > 0 && outcome !== outcomes[i - 1]).length;
  const passedOnRetryIn = seen.flatMap((s, i) => (s?.status === 'passed' && s.retries > 0 ? [runs[i]?.runId as string] : []));
  if (changes < 2 && !passedOnRetryIn.length) return [];
  return [{ id: scenario.id, title: scenario.title, ...(scenario.area ? { area: scenario.area } : {}), status: scenario.status, outcomes, changes, passedOnRetryIn }];
}

function durationTrend(scenario: ScenarioSummary, byRun: Map<string, ScenarioSummary>[]): DurationTrend {
  const durationsMs = byRun.map((scenarios) => {
    const s = scenarios.get(scenario.id);
    return s?.status === 'passed' ? s.durationMs : null;
  });
  const points = durationsMs.flatMap((y, x) => (y === null ? [] : [{ x, y }]));
  const slope = points.length >= MIN_POINTS_FOR_TREND ? leastSquaresSlope(points) : null;
  const mean = points.reduce((sum, p) => sum + p.y, 0) / (points.length || 1);
  return {
    id: scenario.id,
    title: scenario.title,
    durationsMs,
    slopeMsPerRun: slope === null ? null : Math.round(slope),
    percentPerRun: slope === null || mean === 0 ? null : Math.round((slope / mean) * 1000) / 10,
  };
}

function leastSquaresSlope(points: { x: number; y: number }[]): number {
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  const covariance = points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0);
  const variance = points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}
