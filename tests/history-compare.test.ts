import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ResultStatus } from '../support/evidence/allure-results';
import { passRate } from '../support/evidence/scenarios';
import { compareRuns, runsToCompare } from '../support/history/compare';
import { runSummarySchema, serializeSummary, type RunSummary, type ScenarioSummary } from '../support/history/summary';

type Cell = ResultStatus | [ResultStatus, number] | undefined;

/** Runs of environment "uat", one an hour, from a table of scenario id -> status (or [status, ms]) per run. */
function runsOf(table: Record<string, Cell[]>, environment = 'uat'): RunSummary[] {
  const count = Math.max(...Object.values(table).map((cells) => cells.length));
  return Array.from({ length: count }, (_, i) => ({
    format: 1 as const,
    runId: `20261201-${String(10 + i)}0000-${environment}-000${i}`,
    environment,
    started: `2026-12-01T${String(10 + i)}:00:00.000Z`,
    scenarios: Object.entries(table).flatMap(([id, cells]): ScenarioSummary[] => {
      const cell = cells[i];
      if (!cell) return [];
      const [status, durationMs] = Array.isArray(cell) ? cell : [cell, 1000];
      return [{ id, title: `title of ${id}`, area: id.startsWith('UAT-O2C') ? 'order-to-cash' : 'warehouse', status, durationMs, retries: 0 }];
    }),
  }));
}

describe('comparing a run with the runs before it', () => {
  it('finds a new failure against the last run in which the scenario ran, past a skip', () => {
    const c = compareRuns(runsOf({ 'UAT-O2C-001': ['passed', 'skipped', 'failed'] }));
    assert.deepEqual(c.newFailures.map((s) => [s.id, s.last?.status, s.last?.runId]), [['UAT-O2C-001', 'passed', '20261201-100000-uat-0000']]);
    assert.deepEqual(c.stillFailing, []);
  });

  it('counts a lasting failure from its first failing run, a skip not breaking it, and a broken one as failing', () => {
    const c = compareRuns(runsOf({ 'UAT-O2C-001': ['passed', 'failed', 'skipped', 'broken'] }));
    assert.deepEqual(c.stillFailing.map((s) => [s.id, s.since, s.runs]), [['UAT-O2C-001', '20261201-110000-uat-0001', 3]]);
    assert.deepEqual(c.newFailures, []);
  });

  it('names a fix, a new scenario that fails at once and a scenario that left the suite', () => {
    const c = compareRuns(runsOf({ 'UAT-O2C-001': ['failed', 'passed'], 'UAT-WH-001': ['passed'], 'UAT-WH-002': [undefined, 'failed'] }));
    assert.deepEqual(c.fixed.map((s) => s.id), ['UAT-O2C-001']);
    assert.deepEqual(c.newFailures.map((s) => [s.id, s.last]), [['UAT-WH-002', undefined]]);
    assert.deepEqual(c.added.map((s) => s.id), ['UAT-WH-002']);
    assert.deepEqual(c.removed.map((s) => s.id), ['UAT-WH-001']);
    assert.deepEqual(c.changesByRun, [{ runId: '20261201-110000-uat-0001', newFailures: ['UAT-WH-002'], fixed: ['UAT-O2C-001'] }]);
  });

  it('calls flaky an outcome that went back and forth, or a pass on a retry, but not one change or a skip', () => {
    const runs = runsOf({ 'UAT-O2C-001': ['passed', 'failed', 'passed'], 'UAT-O2C-002': ['passed', 'skipped', 'passed'], 'UAT-O2C-003': ['passed', 'passed', 'failed'], 'UAT-WH-001': ['passed', 'passed', 'passed'] });
    const retried = runs[1]?.scenarios.find((s) => s.id === 'UAT-WH-001') as ScenarioSummary;
    retried.retries = 1;
    const c = compareRuns(runs);
    assert.deepEqual(c.flaky.map((s) => [s.id, s.changes, s.outcomes, s.passedOnRetryIn]), [
      ['UAT-O2C-001', 2, ['passed', 'failed', 'passed'], []],
      ['UAT-WH-001', 0, ['passed', 'passed', 'passed'], ['20261201-110000-uat-0001']],
    ]);
  });

  it('takes the duration trend as the least-squares slope over the runs each scenario passed, none from two points', () => {
    const c = compareRuns(runsOf({
      'UAT-WH-001': [['passed', 1000], ['failed', 50], ['passed', 3000], ['passed', 4000]],
      'UAT-WH-002': [['passed', 2000], ['passed', 2100], ['passed', 1900], ['passed', 2000]],
      'UAT-WH-003': [undefined, undefined, ['passed', 100], ['passed', 9000]],
    }));
    const trend = Object.fromEntries(c.durations.map((d) => [d.id, d]));
    assert.equal(trend['UAT-WH-001']?.slopeMsPerRun, 1000, 'x = 0, 2, 3; y = 1000, 3000, 4000');
    assert.deepEqual(trend['UAT-WH-001']?.durationsMs, [1000, null, 3000, 4000]);
    assert.equal(trend['UAT-WH-001']?.percentPerRun, 37.5);
    assert.equal(trend['UAT-WH-002']?.slopeMsPerRun, -20);
    assert.equal(trend['UAT-WH-003']?.slopeMsPerRun, null);
    assert.deepEqual(c.slowestGrowing.map((d) => d.id), ['UAT-WH-001'], 'only a duration that grows');
    assert.deepEqual(c.durations.map((d) => d.id), ['UAT-WH-001', 'UAT-WH-002', 'UAT-WH-003']);
  });

  it('gives the pass rate per area per run as readiness counts it: only passed passes, rounded down', () => {
    const c = compareRuns(runsOf({ 'UAT-O2C-001': ['passed', 'passed'], 'UAT-O2C-002': ['passed', 'skipped'], 'UAT-O2C-003': ['failed', 'passed'], 'UAT-WH-001': [undefined, 'passed'] }));
    assert.deepEqual(c.areas, [
      { area: 'order-to-cash', passRates: [66.6, 66.6] },
      { area: 'warehouse', passRates: [null, 100] },
    ]);
    assert.deepEqual(c.runs.map((r) => [r.passed, r.total, r.passRate]), [[2, 3, 66.6], [3, 4, 75]]);
    assert.equal(passRate(0, 0), null);
  });
});

describe('choosing the runs to compare', () => {
  const recorded = [...runsOf({ 'UAT-O2C-001': Array(6).fill('passed') }), ...runsOf({ 'UAT-O2C-001': ['passed', 'passed'] }, 'staging')];
  const current = recorded[3] as RunSummary;

  it('takes the last runs of the same environment up to the run, not those after it', () => {
    assert.deepEqual(runsToCompare(current, recorded).map((r) => r.runId), recorded.slice(0, 4).map((r) => r.runId));
    assert.deepEqual(runsToCompare(current, recorded, 2).map((r) => r.runId), [recorded[2]?.runId, current.runId]);
  });

  it('compares a run not yet recorded with every recorded run before it, and a recorded one only once', () => {
    const later = { ...current, runId: '20261201-200000-uat-new', started: '2026-12-01T20:00:00.000Z' };
    assert.equal(runsToCompare(later, recorded, 10).length, 7);
    assert.equal(runsToCompare(current, [...recorded, current], 10).filter((r) => r.runId === current.runId).length, 1);
  });
});

describe('a run summary on disk', () => {
  it('holds one scenario a line and reads back as written', () => {
    const [summary] = runsOf({ 'UAT-O2C-001': ['passed'], 'UAT-O2C-002': ['failed'] });
    const text = serializeSummary(summary as RunSummary);
    assert.match(text, /\n {4}\{"id":"UAT-O2C-001",[^\n]*\},\n {4}\{"id":"UAT-O2C-002",[^\n]*\}\n {2}\]\n\}\n$/);
    assert.deepEqual(runSummarySchema.parse(JSON.parse(text)), summary);
    assert.deepEqual(JSON.parse(serializeSummary({ ...(summary as RunSummary), scenarios: [] })).scenarios, []);
  });
});
