import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readAllureResults } from '../support/evidence/allure-results';
import { groupScenarios, type Scenario } from '../support/evidence/scenarios';
import type { Criteria } from '../support/signoff/criteria';
import type { LedgerEntry } from '../support/signoff/ledger';
import { decideReadiness } from '../support/signoff/readiness';
import { signoffStatus } from '../support/signoff/status';
import { copyRecordedRun } from './support/recorded-runs';

/** The recorded run: UAT-REC-001 passed (critical), 002 failed (critical), 003 skipped (normal), 004 passed (minor). */
const scenarios = groupScenarios(readAllureResults(path.join(copyRecordedRun('run-a'), 'allure-results')));
const TODAY = '2026-11-26';
const digestOf = (s: Scenario) => `digest-of-${s.id}`;
const approval = (scenario: string): LedgerEntry =>
  ({ seq: 1, decision: 'approve', scenario, owner: 'order-to-cash', at: `${TODAY}T10:00:00Z`, comment: 'ok', runId: 'r', evidence: `digest-of-${scenario}` }) as LedgerEntry;

function criteria(overrides: Partial<Criteria> = {}): Criteria {
  return { version: 1, minPassRate: { default: 0, areas: {} }, mustPass: [], mustSignOff: [], maxFailed: {}, waivers: [], ...overrides };
}

function decide(c: Criteria, ledger: LedgerEntry[] = []) {
  return decideReadiness(scenarios, signoffStatus(scenarios, digestOf, ledger), c, TODAY);
}

const waiver = { scenario: 'UAT-REC-002', owner: 'Head of Sales', rationale: 'currency fixed in go-live data load', impact: 'none for wholesale' };

describe('readiness verdict (from a recorded run)', () => {
  it('is GO when nothing the criteria ask for is broken', () => {
    const result = decide(criteria({ mustPass: ['UAT-REC-001'], maxFailed: { critical: 1 } }));
    assert.equal(result.verdict, 'GO', JSON.stringify(result.reasons));
  });

  it('is NO-GO when a critical scenario fails beyond the allowed count, naming it', () => {
    const result = decide(criteria({ maxFailed: { critical: 0 } }));
    assert.equal(result.verdict, 'NO-GO');
    assert.deepEqual(result.reasons.map((r) => r.message), ['1 critical scenario(s) failed, at most 0 allowed: UAT-REC-002']);
  });

  it('is GO WITH RISK while a waiver covers the failure, and NO-GO once the waiver expired', () => {
    const c = (reviewBy: string) => criteria({ mustPass: ['UAT-REC-002'], maxFailed: { critical: 0 }, waivers: [{ ...waiver, reviewBy }] });
    const waived = decide(c(TODAY));
    assert.equal(waived.verdict, 'GO WITH RISK');
    assert.match(waived.reasons[0]?.message ?? '', /UAT-REC-002 must pass but is failed; waived by Head of Sales until 2026-11-26: currency fixed .* \(impact: none for wholesale\)/);
    const expired = decide(c('2026-11-25'));
    assert.equal(expired.verdict, 'NO-GO');
    assert.deepEqual(expired.reasons.map((r) => r.level), ['note', 'blocker', 'blocker']);
    assert.match(expired.reasons[0]?.message ?? '', /waiver for UAT-REC-002 by Head of Sales expired on 2026-11-25/);
  });

  it('is NO-GO while a required sign-off is missing or stale, GO once approved for this evidence', () => {
    const c = criteria({ mustSignOff: ['UAT-REC-001'] });
    const missing = decide(c);
    assert.equal(missing.verdict, 'NO-GO');
    assert.match(missing.reasons[0]?.message ?? '', /UAT-REC-001 must be signed off by order-to-cash: pending/);
    const stale = decide(c, [{ ...approval('UAT-REC-001'), evidence: 'digest-of-an-earlier-run' }]);
    assert.match(stale.reasons[0]?.message ?? '', /stale: approved/);
    assert.equal(decide(c, [approval('UAT-REC-001')]).verdict, 'GO');
  });

  it('never counts a skipped scenario as passed', () => {
    const mustPass = decide(criteria({ mustPass: ['UAT-REC-003'] }));
    assert.equal(mustPass.verdict, 'NO-GO');
    assert.match(mustPass.reasons[0]?.message ?? '', /UAT-REC-003 must pass but was skipped/);
    const rate = decide(criteria({ minPassRate: { default: 0, areas: { fulfillment: 100 } } }));
    const fulfillment = rate.areas.find((a) => a.area === 'fulfillment');
    assert.deepEqual([fulfillment?.passed, fulfillment?.scenarios, fulfillment?.passRate], [1, 2, 50]);
    assert.equal(rate.verdict, 'NO-GO');
  });

  it('is NO-GO when a required scenario or area did not run at all', () => {
    const result = decide(criteria({ mustPass: ['UAT-O2C-404'], minPassRate: { default: 0, areas: { returns: 90 } } }));
    assert.deepEqual(result.reasons.map((r) => r.message), [
      'UAT-O2C-404 must pass but is not in this run',
      'area returns needs 90% passed but no scenario of it ran',
    ]);
  });

  it('is NO-GO when scenarios of the suite did not run, naming each once', () => {
    const ran = scenarios.map((s) => s.id);
    const suite = [...ran, 'UAT-O2C-404', 'UAT-WH-404#1'];
    const result = decideReadiness(scenarios, signoffStatus(scenarios, digestOf, []), criteria({ mustPass: ['UAT-O2C-404', 'UAT-REC-001'] }), TODAY, suite);
    assert.equal(result.verdict, 'NO-GO');
    assert.deepEqual(
      result.reasons.filter((r) => r.level === 'blocker').map((r) => r.message),
      ['2 scenario(s) of the suite did not run: UAT-O2C-404, UAT-WH-404#1'],
      'the absent mustPass scenario is named once, as absent',
    );
    assert.equal(decideReadiness(scenarios, signoffStatus(scenarios, digestOf, []), criteria(), TODAY, ran).verdict, 'GO', 'a run of the whole suite is judged as before');
  });
});

describe('faults', () => {
  it('mark a failed result broken when Odoo, a login or the configuration failed, never a failed check', async () => {
    const { isFault, markFaultsBroken } = await import('../support/evidence/fault-status');
    assert.ok(isFault('TransportError: Odoo is not reachable over XML-RPC at http://127.0.0.1:8069: connection refused'));
    assert.ok(isFault('AuthenticationError: Odoo refused login "uat.sales@harness.invalid"'));
    assert.ok(isFault('Test timeout of 300000ms exceeded.'));
    assert.ok(!isFault('ScenarioCheckFailed: the units on backorder WH/OUT/00012: expected 4, Odoo has 5'));
    assert.ok(!isFault('BusinessRuleError: You cannot validate a transfer if no quantities are reserved'));
    const dir = path.join(copyRecordedRun('run-a'), 'allure-results');
    const failedFile = readdirSync(dir).find((f) => f.endsWith('-result.json') && JSON.parse(readFileSync(path.join(dir, f), 'utf8')).status === 'failed') as string;
    const raw = JSON.parse(readFileSync(path.join(dir, failedFile), 'utf8'));
    raw.statusDetails = { message: 'TransportError: Odoo is not reachable over JSON-2 at http://127.0.0.1:8069: connection refused' };
    writeFileSync(path.join(dir, failedFile), JSON.stringify(raw));
    assert.deepEqual(markFaultsBroken(dir), [raw.name]);
    const regrouped = groupScenarios(readAllureResults(dir));
    const broken = regrouped.filter((s) => s.status === 'broken');
    assert.equal(broken.length, 1);
    const verdict = decideReadiness(regrouped, signoffStatus(regrouped, digestOf, []), criteria(), TODAY);
    assert.match(verdict.reasons.map((r) => r.message).join('\n'), new RegExp(`${broken[0]?.id} is broken: a fault, not a business finding \\(TransportError`));
  });
});

