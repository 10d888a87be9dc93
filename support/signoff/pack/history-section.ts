import { escapeHtml } from '../../evidence/html';
import type { DurationTrend, HistoryComparison } from '../../history/compare';
import { flakyReason, percent, seconds, trendText } from '../../history/text';

const e = escapeHtml;
/** Distinguishable in colour and on a grey printer alike (dash patterns differ too). */
const LINE_STYLES = [
  { colour: '#0969da', dash: '' },
  { colour: '#cf222e', dash: '6 3' },
  { colour: '#9a6700', dash: '2 2' },
  { colour: '#8250df', dash: '8 3 2 3' },
  { colour: '#1a7f37', dash: '4 4' },
];
const CHARTED_SCENARIOS = LINE_STYLES.length;

/**
 * The index page's comparison with the earlier runs of the environment:
 * tables, and two inline SVG charts (no script, no server), so the pack
 * still opens from disk, zipped or printed.
 */
export function historySection(c: HistoryComparison): string {
  const earlier = c.runs.length - 1;
  const head = `<h2>Rehearsal history</h2>`;
  if (!earlier) {
    return `<section class="history">${head}<p>No earlier run of environment <b>${e(c.environment)}</b> is in the history: this run is the first to compare the next ones with.</p></section>`;
  }
  const cols = c.runs.map((_, i) => `<th>#${i + 1}</th>`).join('');
  const ref = new Map(c.runs.map((run, i) => [run.runId, `#${i + 1}`]));
  const runRows = c.runs
    .map((run, i) => `<tr><td>#${i + 1}</td><td>${e(run.runId)}${i === earlier ? ' (this run)' : ''}</td><td>${e(run.started?.replace('T', ' ').slice(0, 16) ?? '—')}</td>` +
      `<td>${e(run.commit ?? '—')}</td><td>${run.passed} of ${run.total}${run.missingShards ? `, missing shard(s) ${e(run.missingShards.join(', '))}` : ''}</td><td>${percent(run.passRate)}</td></tr>`)
    .join('');
  const areaRows = c.areas.map((a) => `<tr><td>${e(a.area)}</td>${a.passRates.map((r) => `<td>${percent(r)}</td>`).join('')}</tr>`).join('');
  const changes = [
    ...c.newFailures.map((s) => changeRow('new failure', s.id, s.title, s.status, s.last ? `${s.last.status} in ${ref.get(s.last.runId) ?? s.last.runId}` : 'had not run before')),
    ...c.fixed.map((s) => changeRow('fixed', s.id, s.title, s.status, s.last ? `${s.last.status} in ${ref.get(s.last.runId) ?? s.last.runId}` : '')),
    ...c.stillFailing.map((s) => changeRow('still failing', s.id, s.title, s.status, `since ${ref.get(s.since) ?? s.since} (${s.runs} runs)`)),
    ...c.flaky.map((s) => changeRow('flaky', s.id, s.title, s.status, flakyReason(s, (runId) => ref.get(runId) ?? runId))),
    ...c.added.map((s) => changeRow('new scenario', s.id, s.title, s.status, `not in #${earlier}`)),
    ...c.removed.map((s) => changeRow('removed', s.id, s.title, s.status, `in #${earlier}, not in this run`)),
  ].join('');
  const durationRows = c.durations
    .map((d) => `<tr><td>${e(d.id)}</td><td>${e(d.title)}</td>${d.durationsMs.map((ms) => `<td>${seconds(ms)}</td>`).join('')}<td>${e(trendText(d))}</td></tr>`)
    .join('');
  return `<section class="history">${head}` +
    `<p class="meta">This run (#${earlier + 1}) against the ${earlier} run(s) of environment <b>${e(c.environment)}</b> before it.</p>` +
    `<table><thead><tr><th>Run</th><th>Id</th><th>Started (UTC)</th><th>Commit</th><th>Passed</th><th>Pass rate</th></tr></thead><tbody>${runRows}</tbody></table>` +
    `<div class="charts">${passRateChart(c)}${durationChart(c.durations.slice(0, CHARTED_SCENARIOS), c.runs.length)}</div>` +
    `<h3>Pass rate per area</h3><table><thead><tr><th>Area</th>${cols}</tr></thead><tbody>${areaRows}</tbody></table>` +
    `<h3>Changes against the runs before</h3>` +
    (changes ? `<table><thead><tr><th>Change</th><th>Scenario</th><th>Title</th><th>Now</th><th>Before</th></tr></thead><tbody>${changes}</tbody></table>` : `<p>No new failure, fix, lasting failure or flaky scenario.</p>`) +
    `<h3>Duration per scenario</h3><p class="meta">Durations of the runs in which the scenario passed; the trend is the least-squares slope over the runs, the most growing first.</p>` +
    `<table><thead><tr><th>Scenario</th><th>Title</th>${cols}<th>Trend</th></tr></thead><tbody>${durationRows}</tbody></table></section>`;
}

function changeRow(kind: string, id: string, title: string, status: string, before: string): string {
  const cls = kind === 'fixed' ? 'passed' : kind === 'new scenario' || kind === 'removed' ? 'unknown' : 'failed';
  return `<tr><td><span class="badge ${cls}">${e(kind)}</span></td><td>${e(id)}</td><td>${e(title)}</td><td><span class="badge ${e(status)}">${e(status)}</span></td><td>${e(before)}</td></tr>`;
}

const WIDTH = 460;
const HEIGHT = 180;
const PAD = { left: 44, right: 10, top: 16, bottom: 26 };
const plotWidth = WIDTH - PAD.left - PAD.right;
const plotHeight = HEIGHT - PAD.top - PAD.bottom;

function svg(label: string, body: string): string {
  return `<svg class="chart" role="img" aria-label="${e(label)}" xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-size="10" font-family="system-ui,sans-serif">` +
    `<title>${e(label)}</title><rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>` +
    `<line x1="${PAD.left}" y1="${PAD.top + plotHeight}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotHeight}" stroke="#57606a"/>` +
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + plotHeight}" stroke="#57606a"/>${body}</svg>`;
}

const xOf = (i: number, runs: number) => PAD.left + (plotWidth * (i + 0.5)) / runs;
const runLabels = (runs: number) => Array.from({ length: runs }, (_, i) => `<text x="${xOf(i, runs)}" y="${HEIGHT - PAD.bottom + 14}" text-anchor="middle">#${i + 1}</text>`).join('');

/** Bars: the share of the run's scenarios that passed. */
function passRateChart(c: HistoryComparison): string {
  const runs = c.runs.length;
  const barWidth = Math.min(40, (plotWidth / runs) * 0.6);
  const bars = c.runs
    .map((run, i) => {
      const rate = run.passRate ?? 0;
      const h = (plotHeight * rate) / 100;
      const x = xOf(i, runs) - barWidth / 2;
      const y = PAD.top + plotHeight - h;
      return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${rate === 100 ? '#1a7f37' : '#cf222e'}"><title>#${i + 1} ${e(run.runId)}: ${percent(run.passRate)}</title></rect>` +
        `<text x="${xOf(i, runs)}" y="${(y - 3).toFixed(1)}" text-anchor="middle">${percent(run.passRate)}</text>`;
    })
    .join('');
  const axis = `<text x="${PAD.left - 4}" y="${PAD.top + 4}" text-anchor="end">100%</text><text x="${PAD.left - 4}" y="${PAD.top + plotHeight}" text-anchor="end">0%</text>`;
  return `<figure>${svg('Pass rate per run', bars + axis + runLabels(runs))}<figcaption>Pass rate per run</figcaption></figure>`;
}

/** Lines: the durations of the scenarios with a trend, run by run, joining the runs each passed. */
function durationChart(trends: DurationTrend[], runs: number): string {
  const charted = trends.filter((d) => d.slopeMsPerRun !== null);
  const max = Math.max(1, ...charted.flatMap((d) => d.durationsMs.filter((ms): ms is number => ms !== null)));
  const yOf = (ms: number) => PAD.top + plotHeight - (plotHeight * ms) / max;
  const styled = charted.map((d, k) => ({ d, style: LINE_STYLES[k % LINE_STYLES.length] as (typeof LINE_STYLES)[number] }));
  const lines = styled
    .map(({ d, style }) => {
      const points = d.durationsMs.flatMap((ms, i) => (ms === null ? [] : [{ x: xOf(i, runs).toFixed(1), y: yOf(ms).toFixed(1) }]));
      const dots = points.map((p) => `<circle cx="${p.x}" cy="${p.y}" r="2.5" fill="${style.colour}"/>`).join('');
      return `<polyline fill="none" stroke="${style.colour}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''} points="${points.map((p) => `${p.x},${p.y}`).join(' ')}">` +
        `<title>${e(d.id)}: ${e(trendText(d))}</title></polyline>${dots}`;
    })
    .join('');
  const axis = `<text x="${PAD.left - 4}" y="${PAD.top + 4}" text-anchor="end">${seconds(max)}</text><text x="${PAD.left - 4}" y="${PAD.top + plotHeight}" text-anchor="end">0 s</text>`;
  const legend = styled.map(({ d, style }) => `<br><b style="color:${style.colour}">${e(d.id)}</b> ${e(trendText(d))}`).join('');
  return `<figure>${svg('Duration per run of the scenarios growing the most', lines + axis + runLabels(runs))}<figcaption>Duration per run, the scenarios growing the most${legend}</figcaption></figure>`;
}
