import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { runCli } from './support/cli';
import { scratchDir } from './support/files';
import { copyRecordedRun } from './support/recorded-runs';

/** Sign-off through the CLI, on private copies of two recorded runs of the same scenarios. */
describe('uat signoff', () => {
  let runA: string;
  let runB: string;
  let ledger: string;
  const signoff = (...args: string[]) => runCli(['signoff', ...args, '--ledger', ledger]);
  const approve001 = () => signoff('approve', '--run', runA, '--scenario', 'UAT-REC-001', '--owner', 'order-to-cash', '--comment', 'the company is right');

  before(() => {
    const dir = scratchDir();
    runA = copyRecordedRun('run-a', dir);
    runB = copyRecordedRun('run-b', dir);
    ledger = path.join(dir, 'ledger.jsonl');
  });

  it('approves a passed scenario for its owner, and shows it approved for that run only', async () => {
    const approved = await approve001();
    assert.equal(approved.code, 0, approved.stderr);
    assert.match(approved.stdout, /UAT-REC-001 approved by order-to-cash for run recorded-a \(entry 1 of /);
    const statusA = await signoff('status', '--run', runA);
    assert.match(statusA.stdout, /approved\s+UAT-REC-001\s+passed\s+order-to-cash: approved by order-to-cash on \d{4}-\d\d-\d\d: the company is right/);
    assert.match(statusA.stdout, /pending\s+UAT-REC-004/);
  });

  it('shows the sign-off as stale for a re-run of the scenario', async () => {
    const statusB = await signoff('status', '--run', runB);
    assert.match(statusB.stdout, /stale\s+UAT-REC-001 .*approved on .* for the evidence of run recorded-a, which differs from this run's/);
  });

  it("refuses an owner other than the scenario's @owner, and approving a scenario that did not pass", async () => {
    const wrongOwner = await signoff('approve', '--run', runA, '--scenario', 'UAT-REC-004', '--owner', 'order-to-cash', '--comment', 'x');
    assert.equal(wrongOwner.code, 2);
    assert.equal(wrongOwner.stderr.trim(), 'uat: UAT-REC-004 belongs to process owner "fulfillment" (its @owner tag), not "order-to-cash": only its owner signs it off');
    const failed = await signoff('approve', '--run', runA, '--scenario', 'UAT-REC-002', '--owner', 'order-to-cash', '--comment', 'x');
    assert.match(failed.stderr, /UAT-REC-002 is failed in run recorded-a: only a passed scenario can be approved/);
    const skipped = await signoff('approve', '--run', runA, '--scenario', 'UAT-REC-003', '--owner', 'fulfillment', '--comment', 'x');
    assert.match(skipped.stderr, /UAT-REC-003 is skipped/);
    const unknown = await signoff('approve', '--run', runA, '--scenario', 'UAT-NOPE-1', '--owner', 'x', '--comment', 'x');
    assert.match(unknown.stderr, /run recorded-a has no scenario UAT-NOPE-1 \(it has: UAT-REC-001, UAT-REC-002, UAT-REC-003, UAT-REC-004\)/);
  });

  it('verifies an untouched ledger, then names the entry whose evidence file changed by one byte', async () => {
    const reject = await signoff('reject', '--run', runA, '--scenario', 'UAT-REC-002', '--owner', 'order-to-cash', '--comment', 'wrong currency');
    assert.equal(reject.code, 0, reject.stderr);
    const clean = await signoff('verify');
    assert.equal(clean.code, 0, clean.stderr);
    assert.match(clean.stdout, /2 entries, chain intact, evidence unchanged; head sha256:[0-9a-f]{64}/);

    const results = path.join(runA, 'allure-results');
    const record = readdirSync(results).find((f) => f.endsWith('.json') && readFileSync(path.join(results, f), 'utf8').includes('"model": "res.company"'));
    assert.ok(record);
    const bytes = readFileSync(path.join(results, record));
    const original = Buffer.from(bytes);
    bytes[bytes.length - 2] = (bytes[bytes.length - 2] ?? 0) ^ 1;
    writeFileSync(path.join(results, record), bytes);
    const tampered = await signoff('verify');
    assert.equal(tampered.code, 1);
    assert.match(tampered.stderr, /entry \d \(line \d: (approve UAT-REC-001|reject UAT-REC-002) by order-to-cash\): the evidence of UAT-REC-00[12] in run recorded-a changed after it was signed/);
    writeFileSync(path.join(results, record), original);
  });

  it('names the entry when one byte of the ledger is edited', async () => {
    const original = readFileSync(ledger, 'utf8');
    writeFileSync(ledger, original.replace('the company is right', 'the company is Right'));
    const edited = await signoff('verify');
    assert.equal(edited.code, 1);
    assert.equal(edited.stderr.trim().split('\n').length, 1, edited.stderr);
    assert.match(edited.stderr, /entry 1 \(line 1: approve UAT-REC-001 by order-to-cash\): its content does not match its hash, the entry was edited/);

    writeFileSync(ledger, original.split('\n').slice(1).join('\n'));
    const removed = await signoff('verify');
    assert.match(removed.stderr, /entry 2 \(line 1: reject UAT-REC-002 by order-to-cash\): does not follow the entry before it/);
    writeFileSync(ledger, original);
    assert.equal((await signoff('verify')).code, 0);
  });
});
