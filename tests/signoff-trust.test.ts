import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { entryHash, type LedgerEntry } from '../support/signoff/ledger';
import { sealResults } from '../support/signoff/result-seal';
import { runCli } from './support/cli';
import { scratchDir } from './support/files';
import { copyRecordedRun } from './support/recorded-runs';

/** A verdict that cannot be gamed: a cut ledger tail, an edited result, and an unsigned or wrongly signed decision are each refused, naming it. */
function workspace() {
  const dir = scratchDir();
  const run = copyRecordedRun('run-a', dir);
  const ledger = path.join(dir, 'signoff', 'ledger.jsonl');
  mkdirSync(path.dirname(ledger), { recursive: true });
  const signoff = (...args: string[]) => runCli(['signoff', ...args, '--ledger', ledger]);
  return { dir, run, ledger, signoff };
}

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

describe('sign-off trust', () => {
  it('names entries the committed ledger has and the ledger on disk lost (a cut tail), and refuses to decide on it', async () => {
    const { dir, run, ledger, signoff } = workspace();
    assert.equal((await signoff('approve', '--run', run, '--scenario', 'UAT-REC-001', '--owner', 'order-to-cash', '--comment', 'right')).code, 0);
    assert.equal((await signoff('reject', '--run', run, '--scenario', 'UAT-REC-004', '--owner', 'fulfillment', '--comment', 'wrong stock')).code, 0);
    git(dir, 'init', '-q');
    git(dir, 'add', 'signoff/ledger.jsonl');
    git(dir, 'commit', '-qm', 'sign-offs');
    const lines = readFileSync(ledger, 'utf8').trim().split('\n');
    writeFileSync(ledger, `${lines[0]}\n`);
    const verify = await signoff('verify');
    assert.equal(verify.code, 1);
    assert.match(verify.stderr, /entry 2 \(reject UAT-REC-004 by fulfillment\) is in the committed ledger but gone from this one: its tail was cut/);
    const status = await signoff('status', '--run', run);
    assert.notEqual(status.code, 0);
    assert.match(status.stderr, /the sign-off ledger cannot be trusted: nothing is decided on it/);
  });

  it('refuses the evidence of a run whose result was edited after the run (failed made passed)', async () => {
    const { run, signoff } = workspace();
    const results = path.join(run, 'allure-results');
    const info = JSON.parse(readFileSync(path.join(run, 'run.json'), 'utf8'));
    writeFileSync(path.join(run, 'run.json'), JSON.stringify({ ...info, sealed: sealResults(results) }));
    const failed = readdirSync(results).find((f) => f.endsWith('-result.json') && JSON.parse(readFileSync(path.join(results, f), 'utf8')).status === 'failed') as string;
    writeFileSync(path.join(results, failed), readFileSync(path.join(results, failed), 'utf8').replace('"status":"failed"', '"status":"passed"'));
    const approve = await signoff('approve', '--run', run, '--scenario', 'UAT-REC-002', '--owner', 'order-to-cash', '--comment', 'looks fine now');
    assert.notEqual(approve.code, 0);
    assert.match(approve.stderr, new RegExp(`allure-results/${failed} was edited after the run`));
    assert.match(approve.stderr, /changed after the run ended: its evidence cannot be signed off or judged/);
  });

  it("asks for the owner's key where the owners' keys are committed, and refuses an unsigned or wrongly signed decision", async () => {
    const { dir, run, ledger, signoff } = workspace();
    for (const who of ['alice', 'mallory']) execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', who, '-f', path.join(dir, who)]);
    writeFileSync(path.join(dir, 'signoff', 'allowed_signers'), `order-to-cash ${readFileSync(path.join(dir, 'alice.pub'), 'utf8')}`);
    const approve = (...extra: string[]) => signoff('approve', '--run', run, '--scenario', 'UAT-REC-001', '--owner', 'order-to-cash', '--comment', 'right', ...extra);

    const unsigned = await approve();
    assert.notEqual(unsigned.code, 0);
    assert.match(unsigned.stderr, /allowed_signers lists the owners' keys: sign the decision with --key/);
    const impostor = await approve('--key', path.join(dir, 'mallory'));
    assert.notEqual(impostor.code, 0);
    assert.match(impostor.stderr, /the decision was not recorded: the key .*mallory is not one of order-to-cash's keys/);
    const owner = await approve('--key', path.join(dir, 'alice'));
    assert.equal(owner.code, 0, owner.stderr);
    assert.match(owner.stdout, /approved by order-to-cash .*signed\)/);
    assert.equal((await signoff('verify')).code, 0);

    // An entry typed in by hand, chained and hashed correctly but unsigned, is named.
    const [last] = readFileSync(ledger, 'utf8').trim().split('\n').slice(-1).map((l) => JSON.parse(l) as LedgerEntry);
    const forged = { ...(last as LedgerEntry), seq: 2, prev: (last as LedgerEntry).hash, scenario: 'UAT-REC-004', owner: 'fulfillment', signature: undefined };
    delete forged.signature;
    appendFileSync(ledger, `${JSON.stringify({ ...forged, hash: entryHash(forged) })}\n`);
    const verify = await signoff('verify');
    assert.equal(verify.code, 1);
    assert.match(verify.stderr, /entry 2 \(line 2: approve UAT-REC-004 by fulfillment\): it is not signed/);
  });
});
