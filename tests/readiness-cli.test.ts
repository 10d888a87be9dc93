import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { runCli } from './support/cli';
import { copyRecordedRun } from './support/recorded-runs';

describe('uat readiness', () => {
  let run: string;
  let criteriaFile: string;
  const today = new Date().toISOString().slice(0, 10);
  const waiver = { scenario: 'UAT-REC-002', owner: 'Head of Sales', rationale: 'fixed by the data load', impact: 'none', reviewBy: '2999-12-31' };
  const readiness = (criteria: unknown, ...flags: string[]) => {
    writeFileSync(criteriaFile, JSON.stringify(criteria));
    return runCli(['readiness', '--run', run, '--criteria', criteriaFile, '--ledger', path.join(run, 'no-ledger.jsonl'), ...flags]);
  };
  const base = { version: 1, minPassRate: { default: 0 }, maxFailed: { critical: 0 } };

  before(() => {
    run = copyRecordedRun('run-a');
    criteriaFile = path.join(run, '..', 'readiness.criteria.json');
  });

  it('prints NO-GO with its reasons, exits 1 and writes the verdict into the run folder', async () => {
    const result = await readiness(base);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^NO-GO: run recorded-a against /);
    assert.match(result.stdout, /blocker 1 critical scenario\(s\) failed, at most 0 allowed: UAT-REC-002/);
    const written = JSON.parse(readFileSync(path.join(run, 'readiness.json'), 'utf8')) as { verdict: string; criteria: { sha256: string } };
    assert.equal(written.verdict, 'NO-GO');
    assert.match(written.criteria.sha256, /^[0-9a-f]{64}$/);
  });

  it('prints GO WITH RISK for a waived failure: exit 0, or 1 with --strict', async () => {
    const criteria = { ...base, waivers: [waiver] };
    const risky = await readiness(criteria);
    assert.equal(risky.code, 0, risky.stdout);
    assert.match(risky.stdout, /^GO WITH RISK/);
    assert.match(risky.stdout, /risk\s+UAT-REC-002 \(critical\) is failed; waived by Head of Sales until 2999-12-31/);
    assert.equal((await readiness(criteria, '--strict')).code, 1);
  });

  it('goes back to NO-GO when the waiver expired yesterday', async () => {
    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    const result = await readiness({ ...base, waivers: [{ ...waiver, reviewBy: yesterday }] });
    assert.equal(result.code, 1);
    assert.match(result.stdout, new RegExp(`note\\s+the waiver for UAT-REC-002 by Head of Sales expired on ${yesterday}`));
  });

  it('names the file and the key of every problem in the criteria', async () => {
    const result = await readiness({ version: 1, minPassRate: { default: 120 }, maxFailed: { urgent: 1 }, waivers: [{ ...waiver, reviewBy: 'soon', rationale: '' }] });
    assert.equal(result.code, 2);
    const shown = path.relative(process.cwd(), criteriaFile);
    const lines = result.stderr.trim().split('\n');
    assert.ok(lines.includes(`uat: ${shown}: minPassRate.default must be from 0 to 100`), result.stderr);
    assert.ok(lines.includes(`uat: ${shown}: maxFailed.urgent is not a known key (check its spelling)`), result.stderr);
    assert.ok(lines.includes(`uat: ${shown}: waivers.0.rationale must not be empty`), result.stderr);
    assert.ok(lines.includes(`uat: ${shown}: waivers.0.reviewBy must be a date such as 2026-12-31`), result.stderr);
  });
});
