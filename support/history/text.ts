import type { Change, DurationTrend, Flaky, HistoryComparison, ScenarioLine } from './compare';

/** Durations as people read them: seconds, one decimal; "—" where the scenario did not pass. */
export const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
export const percent = (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(1)}%`);
export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** Why a scenario is flaky, its runs named by `ref` (#3 rather than a run id). */
export function flakyReason(f: Flaky, ref: (runId: string) => string): string {
  return [
    ...(f.changes >= 2 ? [`outcome changed ${f.changes} times: ${f.outcomes.join(', ')}`] : []),
    ...(f.passedOnRetryIn.length ? [`passed on a retry in ${f.passedOnRetryIn.map(ref).join(', ')}`] : []),
  ].join('; ');
}

export function trendText(d: DurationTrend): string {
  if (d.slopeMsPerRun === null) return 'no trend (fewer than 3 passed runs)';
  return `${signed(d.slopeMsPerRun)} ms/run${d.percentPerRun === null ? '' : ` (${signed(d.percentPerRun)}%/run)`}`;
}

/** The comparison for the terminal; `folder` is where the environment's history lives. */
export function historyText(c: HistoryComparison, folder: string): string[] {
  const current = c.runs.at(-1);
  if (!current) return [];
  const number = new Map(c.runs.map((run, i) => [run.runId, `#${i + 1}`]));
  const ref = (runId: string) => number.get(runId) ?? runId;
  const earlier = c.runs.length - 1;
  const lines = [
    earlier
      ? `uat history: run ${current.runId} (environment ${c.environment}) against ${earlier} earlier run(s) in ${folder}`
      : `uat history: no earlier run of environment ${c.environment} in ${folder}: nothing to compare run ${current.runId} with yet (\`uat report\` records each run there)`,
    'Runs compared, oldest first:',
    ...c.runs.map((run, i) => {
      const when = run.started ? run.started.replace('T', ' ').slice(0, 16) : 'start not recorded';
      const shards = run.missingShards ? `, missing shard(s) ${run.missingShards.join(', ')}` : '';
      const self = i === earlier ? '  (this run)' : '';
      return `  #${i + 1}  ${run.runId}  ${when}  ${run.commit ? `commit ${run.commit}  ` : ''}${percent(run.passRate)} passed (${run.passed} of ${run.total}${shards})${self}`;
    }),
  ];
  const width = Math.max(18, ...c.areas.map((a) => a.area.length + 1));
  lines.push(
    `${'Pass rate per area:'.padEnd(width + 2)}${c.runs.map((_, i) => `#${i + 1}`.padStart(8)).join('')}`,
    ...c.areas.map((a) => `  ${a.area.padEnd(width)}${a.passRates.map((r) => percent(r).padStart(8)).join('')}`),
  );
  if (!earlier) return lines;

  const changed = (change: Change) => `${change.status}${change.last ? ` (${change.last.status} in ${ref(change.last.runId)})` : ' (it had not run before)'}`;
  lines.push(
    ...section('New failures (failing now, not failing the last time they ran)', c.newFailures.map((s) => `${named(s)}  ${changed(s)}`)),
    ...section('Fixed (passed now, failing the last time they ran)', c.fixed.map((s) => `${named(s)}  ${changed(s)}`)),
    ...section('Still failing', c.stillFailing.map((s) => `${named(s)}  ${s.status}, failing since ${ref(s.since)} (${s.runs} run(s))`)),
    ...section('Flaky (outcome went back and forth, or passed on a retry)', c.flaky.map((s) => `${named(s)}  ${flakyReason(s, ref)}`)),
    'Changes run by run:',
    ...c.changesByRun.map(({ runId, newFailures, fixed }) => {
      const parts = [...(newFailures.length ? [`new failure(s) ${newFailures.join(', ')}`] : []), ...(fixed.length ? [`fixed ${fixed.join(', ')}`] : [])];
      return `  ${ref(runId)}  ${runId}: ${parts.join('; ') || 'no change'}`;
    }),
    ...section(
      'Slowest-growing (duration growing the most: least-squares slope over the runs each passed, in ms per run)',
      c.slowestGrowing.map((d) => `${d.id}  ${d.title}  ${trendText(d)}: ${d.durationsMs.map(seconds).join(', ')}`),
    ),
    ...section(`New since ${ref(c.runs.at(-2)?.runId ?? '')}`, c.added.map((s) => `${named(s)}  ${s.status}`)),
    ...section(`Removed since ${ref(c.runs.at(-2)?.runId ?? '')}`, c.removed.map(named)),
  );
  return lines;
}

const named = (s: Pick<ScenarioLine, 'id' | 'title'>) => `${s.id}  ${s.title}`;

function section(title: string, items: string[]): string[] {
  return items.length ? [`${title}:`, ...items.map((item) => `  ${item}`)] : [`${title}: none`];
}
