import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { projectRoot } from '../support/config/sources';
import type { HistoryComparison } from '../support/history/compare';
import { runCli } from './support/cli';
import { scratchDir } from './support/files';
import { writeRehearsalRun, type RehearsalRun, type ScenarioOutcome } from './support/rehearsal-runs';

const pass = (durationMs: number): ScenarioOutcome => ({ status: 'passed', durationMs });
const fail = (message = 'Error: expected "XYZ", Odoo has "USD"'): ScenarioOutcome => ({ status: 'failed', durationMs: 900, message });
const skip: ScenarioOutcome = { status: 'skipped', durationMs: 700 };
const SECRET = 'hunter2-pw';

/**
 * Five rehearsals of one environment: UAT-REC-001 starts failing in run 4
 * (with a password in its message), UAT-REC-002 is fixed in run 5,
 * UAT-REC-004 takes 600 ms longer each run, UAT-REC-005#1 passed run 3 only on a retry.
 */
const REHEARSALS: RehearsalRun[] = [
  [pass(1200), fail(), pass(3000), pass(2000)],
  [pass(1250), fail(), pass(3600), pass(2100)],
  [pass(1300), fail(), pass(4200), { ...pass(1900), retriedAfter: ['failed'] }],
  [fail(`Error: login failed for admin with ${SECRET}`), fail(), pass(4800), pass(2050)],
  [fail(), pass(1000), pass(5400), pass(2020)],
].map(([rec1, rec2, rec4, rec5], i) => ({
  runId: `20261201-1${i}0000-rehearsal-000${i + 1}`,
  environment: 'rehearsal',
  started: `2026-12-01T1${i}:00:00.000Z`,
  commit: `c0ffee${i + 1}`,
  scenarios: { 'UAT-REC-001': rec1, 'UAT-REC-002': rec2, 'UAT-REC-003': skip, 'UAT-REC-004': rec4, 'UAT-REC-005#1': rec5 } as Record<string, ScenarioOutcome>,
}));

/** Every file under a folder with its content, to compare two states of the history. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), readFileSync(file, 'utf8')];
      }),
  );
}

/** The data the single-file Allure report embeds, as d("data/...", "<base64>") calls. */
function embeddedReportData(html: string): Map<string, string> {
  return new Map([...html.matchAll(/d\("([^"]+)","([A-Za-z0-9+/=]*)"\)/g)].map(([, name, base64]) => [name as string, Buffer.from(base64 as string, 'base64').toString('utf8')]));
}

describe('uat history over five rehearsals (no Odoo)', () => {
  const scratch = scratchDir('uat-history-');
  const history = path.join(scratch, 'history');
  const ledger = path.join(scratch, 'ledger.jsonl');
  const runs: string[] = [];
  const report = (run: string) => runCli(['report', '--run', run, '--history', history, '--ledger', ledger]);
  const historyOf = (run: string, ...more: string[]) => runCli(['history', '--run', run, '--history', history, ...more]);

  before(async () => {
    for (const rehearsal of REHEARSALS) {
      const run = writeRehearsalRun(path.join(scratch, 'runs'), rehearsal);
      const result = await report(run);
      assert.equal(result.code, 0, result.stderr);
      runs.push(run);
    }
  });

  it('names the new failure, the fix and the slowest-growing scenario', async () => {
    const result = await historyOf(runs[4] as string);
    assert.equal(result.code, 0, result.stderr);
    const out = result.stdout;
    assert.match(out, /run 20261201-140000-rehearsal-0005 \(environment rehearsal\) against 4 earlier run\(s\)/);
    assert.match(out, /Fixed \(passed now, failing the last time they ran\):\n {2}UAT-REC-002 {2}A check that fails leaves its evidence {2}passed \(failed in #4\)\n/);
    assert.match(out, /Still failing:\n {2}UAT-REC-001 .* failed, failing since #4 \(2 run\(s\)\)\n/);
    assert.match(out, /#4 {2}20261201-130000-rehearsal-0004: new failure\(s\) UAT-REC-001\n/);
    assert.match(out, /#5 {2}20261201-140000-rehearsal-0005: fixed UAT-REC-002\n/);
    const growing = /Slowest-growing[^\n]*:\n((?: {2}.*\n)+)/.exec(out)?.[1]?.split('\n') ?? [];
    assert.match(growing[0] ?? '', /^ {2}UAT-REC-004 .* \+600 ms\/run \(\+14\.3%\/run\): 3\.0 s, 3\.6 s, 4\.2 s, 4\.8 s, 5\.4 s$/);
    assert.match(out, /Flaky[^\n]*:\n {2}UAT-REC-005#1 .* passed on a retry in #3\n/);
    assert.match(out, /order-to-cash +50\.0% +50\.0% +50\.0% +0\.0% +50\.0%\n/);
    assert.match(out, /fulfillment +66\.6% +66\.6% +66\.6% +66\.6% +66\.6%\n/);

    const atRun4 = await historyOf(runs[3] as string);
    assert.match(atRun4.stdout, /New failures \(failing now, not failing the last time they ran\):\n {2}UAT-REC-001 .* failed \(passed in #3\)\n/);
    assert.match(atRun4.stdout, /Fixed \(passed now, failing the last time they ran\): none/);
  });

  it('prints the comparison as JSON with --json, and compares only as many runs as --last says', async () => {
    const json = JSON.parse((await historyOf(runs[4] as string, '--json')).stdout) as HistoryComparison;
    assert.deepEqual(json.fixed.map((s) => s.id), ['UAT-REC-002']);
    assert.deepEqual(json.stillFailing.map((s) => [s.id, s.since, s.runs]), [['UAT-REC-001', REHEARSALS[3]?.runId, 2]]);
    assert.deepEqual(json.slowestGrowing.map((d) => [d.id, d.slopeMsPerRun]), [['UAT-REC-004', 600], ['UAT-REC-001', 50]]);
    assert.deepEqual(json.durations.find((d) => d.id === 'UAT-REC-002')?.durationsMs, [null, null, null, null, 1000]);

    const lastTwo = JSON.parse((await historyOf(runs[4] as string, '--json', '--last', '2')).stdout) as HistoryComparison;
    assert.deepEqual(lastTwo.runs.map((r) => r.runId), [REHEARSALS[3]?.runId, REHEARSALS[4]?.runId]);
    assert.equal(lastTwo.durations.find((d) => d.id === 'UAT-REC-004')?.slopeMsPerRun, null, 'two runs make no trend');
  });

  it("shows the comparison on the sign-off pack's index page: tables and two inline SVG charts, nothing fetched", () => {
    const index = readFileSync(path.join(runs[4] as string, 'signoff-pack', 'index.html'), 'utf8');
    assert.match(index, /<h2>Rehearsal history<\/h2>/);
    assert.match(index, /<tr><td>order-to-cash<\/td><td>50\.0%<\/td><td>50\.0%<\/td><td>50\.0%<\/td><td>0\.0%<\/td><td>50\.0%<\/td><\/tr>/);
    assert.match(index, /<span class="badge passed">fixed<\/span><\/td><td>UAT-REC-002<\/td>/);
    assert.match(index, /<span class="badge failed">still failing<\/span><\/td><td>UAT-REC-001<\/td>.*?since #4 \(2 runs\)/);
    assert.match(index, /<span class="badge failed">flaky<\/span><\/td><td>UAT-REC-005#1<\/td>.*?passed on a retry in #3/);
    assert.match(index, /<tr><td>UAT-REC-004<\/td><td>[^<]+<\/td><td>3\.0 s<\/td><td>3\.6 s<\/td><td>4\.2 s<\/td><td>4\.8 s<\/td><td>5\.4 s<\/td><td>\+600 ms\/run/);
    const charts = [...index.matchAll(/<svg [^>]*aria-label="([^"]+)"[\s\S]*?<\/svg>/g)];
    assert.deepEqual(charts.map((c) => c[1]), ['Pass rate per run', 'Duration per run of the scenarios growing the most']);
    const bars = [...(charts[0]?.[0] ?? '').matchAll(/<rect x[^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.equal(bars.length, 5, 'a bar per run');
    assert.ok((bars[3] as number) < (bars[4] as number), 'run 4 passed fewer than run 5');
    assert.equal((charts[1]?.[0] ?? '').match(/<polyline /g)?.length, 3, 'a line per scenario with a trend: UAT-REC-002 passed once');
    assert.match(charts[1]?.[0] ?? '', /<polyline [^>]*points="(?:[\d.]+,[\d.]+ ){4}[\d.]+,[\d.]+"><title>UAT-REC-004: \+600 ms\/run/);
    assert.doesNotMatch(index, /<script|src="http|href="http/, 'opens from disk with nothing to fetch');
  });

  it("gives the Allure report its history through Allure's own history file", () => {
    const data = embeddedReportData(readFileSync(path.join(runs[4] as string, 'allure-report', 'index.html'), 'utf8'));
    assert.deepEqual([...data.keys()].filter((k) => k.startsWith('data/history/')).sort(), REHEARSALS.slice(0, 4).map((r) => `data/history/${r.runId}.json`));
    const results = [...data.entries()].filter(([k]) => k.startsWith('data/test-results/')).map(([, json]) => JSON.parse(json) as { labels: { name: string; value: string }[]; history: { status: string; duration: number }[] });
    const growing = results.find((r) => r.labels.some((l) => l.name === 'scenario' && l.value === 'UAT-REC-004'));
    assert.deepEqual(growing?.history.map((h) => h.duration), [4800, 4200, 3600, 3000], 'the earlier runs, newest first');
    const charts = JSON.parse(data.get('widgets/charts.json') ?? '{}') as { general: Record<string, { type: string; data: { id: string }[] }> };
    const dynamics = Object.values(charts.general).find((chart) => chart.type === 'statusDynamics');
    assert.deepEqual(dynamics?.data.map((point) => point.id), [...REHEARSALS.slice(0, 4).map((r) => r.runId), 'current'], 'the trend, oldest first');
  });

  it('keeps no error message in the history, where a password could hide', () => {
    const files = snapshot(history);
    assert.ok(Object.keys(files).length >= 10);
    for (const [file, text] of Object.entries(files)) assert.doesNotMatch(text, new RegExp(`${SECRET}|login failed`), file);
  });

  it('is idempotent: reporting a run again leaves the history as it was, and an older run is compared with the runs before it only', async () => {
    const before = snapshot(history);
    assert.equal((await report(runs[4] as string)).code, 0);
    assert.deepEqual(snapshot(history), before);
    assert.equal(readdirSync(path.join(history, 'rehearsal', 'runs')).length, 5);

    const again = await report(runs[2] as string);
    assert.match(again.stdout, /uat: history .*rehearsal \(compared with 2 earlier run\(s\)\)/);
    assert.deepEqual(snapshot(history), before);
  });

  it("files a run of another environment in that environment's history, and says plainly when it has no earlier run", async () => {
    const other = writeRehearsalRun(path.join(scratch, 'runs'), { ...(REHEARSALS[4] as RehearsalRun), runId: '20261201-150000-staging-0001', environment: 'staging', started: '2026-12-01T15:00:00.000Z' });
    const result = await report(other);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /uat: history .*staging \(compared with 0 earlier run\(s\)\)/);
    assert.deepEqual(readdirSync(path.join(history, 'staging', 'runs')), ['20261201-150000-staging-0001.json']);
    assert.equal(readdirSync(path.join(history, 'rehearsal', 'runs')).length, 5);
    assert.match(readFileSync(path.join(other, 'signoff-pack', 'index.html'), 'utf8'), /No earlier run of environment <b>staging<\/b> is in the history/);

    const alone = await historyOf(other);
    assert.equal(alone.code, 0);
    assert.match(alone.stdout, /^uat history: no earlier run of environment staging in .*: nothing to compare run 20261201-150000-staging-0001 with yet/);
    assert.doesNotMatch(alone.stdout, /Fixed|New failures/);
  });

  it('summarises a run merged from shards like any other, naming a shard that did not report', async () => {
    const merged = writeRehearsalRun(path.join(scratch, 'runs'), {
      ...(REHEARSALS[4] as RehearsalRun),
      runId: '20261201-160000-rehearsal-0006',
      started: '2026-12-01T16:00:00.000Z',
      merged: { shards: [{ index: 1, total: 3 }, { index: 3, total: 3 }], missingShards: [2] },
    });
    const result = await historyOf(merged);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /#5 {2}20261201-160000-rehearsal-0006 .*\(3 of 5, missing shard\(s\) 2\) {2}\(this run\)/);
    assert.ok(!existsSync(path.join(history, 'rehearsal', 'runs', '20261201-160000-rehearsal-0006.json')), '`uat history` only reads the history');
  });

  it('takes a run whose folder is gone from the history, by its id', async () => {
    const result = await runCli(['history', '--run', REHEARSALS[3]?.runId as string, '--history', history]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /#4 {2}20261201-130000-rehearsal-0004 .*\(this run\)/);
  });
});

describe('uat history and uat report: what they refuse, and what they leave alone', () => {
  it('names a bad --last, a --history that is a file and a damaged summary', async () => {
    const scratch = scratchDir('uat-history-bad-');
    const run = writeRehearsalRun(path.join(scratch, 'runs'), { ...(REHEARSALS[0] as RehearsalRun) });
    for (const last of ['1', 'five']) {
      const result = await runCli(['history', '--run', run, '--history', scratch, '--last', last]);
      assert.equal(result.code, 2);
      assert.equal(result.stderr.trim(), `uat: --last ${last}: must be a whole number of runs to compare, 2 or more (the run and at least one before it)`);
    }
    const file = path.join(scratch, 'not-a-folder');
    writeFileSync(file, '');
    const notFolder = await runCli(['history', '--run', run, '--history', file]);
    assert.equal(notFolder.code, 2);
    assert.match(notFolder.stderr, /^uat: --history .*not-a-folder: not a folder/);

    const history = path.join(scratch, 'history');
    assert.equal((await runCli(['report', '--run', run, '--history', history, '--ledger', path.join(scratch, 'l.jsonl')])).code, 0);
    const summary = path.join(history, 'rehearsal', 'runs', `${REHEARSALS[0]?.runId}.json`);
    writeFileSync(summary, readFileSync(summary, 'utf8').replace('"status":"passed"', '"status":"green"'));
    const damaged = await runCli(['history', '--run', run, '--history', history]);
    assert.equal(damaged.code, 2);
    assert.match(damaged.stderr, /^uat: .*history\/rehearsal\/runs\/20261201-100000-rehearsal-0001\.json: scenarios\.0\.status /m);
    assert.match(damaged.stderr, /is not a run summary written by `uat report`: delete it or restore it/);
    assert.doesNotMatch(damaged.stderr, /at .*\.ts:\d+/, 'no stack trace');
  });

  it('keeps a run folder outside reports/runs out of the project history unless a history is named', async () => {
    const scratch = scratchDir('uat-history-outside-');
    const environment = `outside-${path.basename(scratch).slice(-6)}`;
    const run = writeRehearsalRun(path.join(scratch, 'runs'), { ...(REHEARSALS[0] as RehearsalRun), environment });
    const result = await runCli(['report', '--run', run, '--ledger', path.join(scratch, 'l.jsonl')]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /uat: history {8}not kept: run folder .* is outside reports\/runs; name a history with --history DIR or UAT_HISTORY_DIR to keep it/);
    assert.ok(!existsSync(path.join(projectRoot, 'reports', 'history', environment)));

    const named = await runCli(['report', '--run', run, '--ledger', path.join(scratch, 'l.jsonl')], { UAT_HISTORY_DIR: path.join(scratch, 'kept') });
    assert.equal(named.code, 0, named.stderr);
    assert.ok(existsSync(path.join(scratch, 'kept', environment, 'runs', `${REHEARSALS[0]?.runId}.json`)));
  });
});
