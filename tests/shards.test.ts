import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readAllureResults } from '../support/evidence/allure-results';
import type { RunInfo } from '../support/evidence/run-folder';
import { groupScenarios } from '../support/evidence/scenarios';
import { mergeJunit, parseShard, shardProblems } from '../support/evidence/shards';
import { sealResults } from '../support/signoff/result-seal';
import { runCli } from './support/cli';
import { scratchDir } from './support/files';
import { copyRecordedRun } from './support/recorded-runs';

/**
 * Splits a run recorded from live Odoo 19 (four scenarios) into shards the way
 * `uat run --shard I/N` would have written them: each shard with the result
 * files and attachments of its scenarios, its part of the Cucumber JSON and
 * JUnit, and a sealed run.json naming the shard.
 */
function shardsOf(runDir: string, total: number, into: string, overrides: (index: number) => Partial<RunInfo> = () => ({})): string[] {
  const results = readAllureResults(path.join(runDir, 'allure-results'));
  const features = JSON.parse(readFileSync(path.join(runDir, 'cucumber.json'), 'utf8')) as unknown[];
  const junit = readFileSync(path.join(runDir, 'junit.xml'), 'utf8');
  const cases = junit.match(/<testcase\b[\s\S]*?<\/testcase>/g) ?? [];
  const recorded = JSON.parse(readFileSync(path.join(runDir, 'run.json'), 'utf8')) as RunInfo;
  const suite = groupScenarios(results).map((s) => s.id);
  return Array.from({ length: total }, (_, i) => {
    const index = i + 1;
    const dir = path.join(into, `shard-${index}`, 'reports', 'runs', `20261201-10000${index}-local-abc${index}`);
    const allure = path.join(dir, 'allure-results');
    mkdirSync(allure, { recursive: true });
    for (const result of results.filter((_, n) => n % total === i)) {
      for (const file of result.files) copyFileSync(path.join(runDir, 'allure-results', file), path.join(allure, file));
    }
    writeFileSync(path.join(dir, 'cucumber.json'), JSON.stringify(features.filter((_, n) => n % total === i)));
    const mine = cases.filter((_, n) => n % total === i);
    writeFileSync(path.join(dir, 'junit.xml'), `<?xml version="1.0"?>\n<testsuite name="Cucumber" time="${mine.length}" tests="${mine.length}" skipped="0" failures="0" errors="0" timestamp="2026-12-01T10:00:0${index}.000Z">\n${mine.join('\n')}\n</testsuite>\n`);
    const info: RunInfo = {
      ...recorded,
      runId: path.basename(dir),
      harness: { version: '0.1.0', commit: 'abc1234' },
      suite,
      host: `runner-${index}`,
      seed: 100 + index,
      shard: { index, total },
      sealed: sealResults(allure),
      ...overrides(index),
    };
    writeFileSync(path.join(dir, 'run.json'), JSON.stringify(info, null, 2));
    return dir;
  });
}

const mergedDirOf = (stdout: string) => {
  const shown = /merged \d+ shard\(s\) into run \S+: (\S+)/.exec(stdout)?.[1];
  assert.ok(shown, `uat merge names the merged run folder:\n${stdout}`);
  return path.resolve(shown);
};

/** What a person reads in a run's sign-off pack and readiness, with the run's own id left out. */
async function verdictAndPack(runDir: string, ledger: string): Promise<{ readiness: string; pages: Record<string, string> }> {
  const runId = (JSON.parse(readFileSync(path.join(runDir, 'run.json'), 'utf8')) as RunInfo).runId;
  const readiness = await runCli(['readiness', '--run', runDir, '--ledger', ledger]);
  // Each run with a history of its own: it is the run's pages that are compared, not what came before them.
  const report = await runCli(['report', '--run', runDir, '--ledger', ledger], { UAT_HISTORY_DIR: scratchDir('uat-history-') });
  assert.equal(report.code, 0, report.stderr);
  const packDir = path.join(runDir, 'signoff-pack');
  const pages = Object.fromEntries(
    readdirSync(packDir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f, readFileSync(path.join(packDir, f), 'utf8').replaceAll(runId, 'RUN').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME')]),
  );
  return { readiness: readiness.stdout.replaceAll(runId, 'RUN').replace(/written to \S+/, ''), pages };
}

describe('uat run --shard and uat merge', () => {
  it('reads --shard as I/N and refuses anything else, naming the value', () => {
    assert.deepEqual(parseShard('2/3'), { index: 2, total: 3 });
    for (const bad of ['0/3', '4/3', '1', '1/0', 'a/b', '1/2/3']) assert.throws(() => parseShard(bad), new RegExp(`--shard must be I/N .*got "${bad.replace('/', '\\/')}"`));
  });

  it('joins two shards into the run an unsharded run would have made: same scenarios, evidence, readiness and sign-off pack', async () => {
    const scratch = scratchDir('uat-shards-');
    const whole = copyRecordedRun('run-a', scratch);
    writeFileSync(path.join(whole, 'run.json'), JSON.stringify({ ...JSON.parse(readFileSync(path.join(whole, 'run.json'), 'utf8')), suite: groupScenarios(readAllureResults(path.join(whole, 'allure-results'))).map((s) => s.id) }));
    shardsOf(whole, 2, scratch);
    // As CI artifacts unpack: one folder per shard, the run folder somewhere below it.
    const merged = await runCli(['merge', path.join(scratch, 'shard-1'), path.join(scratch, 'shard-2')]);
    assert.equal(merged.code, 0, merged.stdout + merged.stderr);
    assert.match(merged.stdout, /shard 1\/2: run 20261201-100001-local-abc1 on runner-1, exit code 1/);
    const dir = mergedDirOf(merged.stdout);

    const scenarios = (run: string) => groupScenarios(readAllureResults(path.join(run, 'allure-results'))).map((s) => ({ id: s.id, status: s.status, files: s.results.flatMap((r) => r.files).sort() }));
    assert.deepEqual(scenarios(dir).sort((a, b) => a.id.localeCompare(b.id)), scenarios(whole).sort((a, b) => a.id.localeCompare(b.id)));

    const info = JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8')) as RunInfo;
    assert.deepEqual(info.shards?.map((s) => [s.index, s.host, s.commit, s.seed]), [[1, 'runner-1', 'abc1234', 101], [2, 'runner-2', 'abc1234', 102]]);
    assert.deepEqual(info.missingShards, []);
    assert.equal(info.seed, null, 'the shards drew different seeds: the merged run has none of its own');
    assert.deepEqual(Object.keys(info.sealed ?? {}).sort(), readdirSync(path.join(dir, 'allure-results')).sort(), 'the merged results are sealed');

    const wholeFeatures = JSON.parse(readFileSync(path.join(whole, 'cucumber.json'), 'utf8')) as { uri: string }[];
    const mergedFeatures = JSON.parse(readFileSync(path.join(dir, 'cucumber.json'), 'utf8')) as { uri: string }[];
    assert.deepEqual(mergedFeatures.map((f) => f.uri).sort(), wholeFeatures.map((f) => f.uri).sort());
    const junit = readFileSync(path.join(dir, 'junit.xml'), 'utf8');
    assert.equal((junit.match(/<testcase\b/g) ?? []).length, (readFileSync(path.join(whole, 'junit.xml'), 'utf8').match(/<testcase\b/g) ?? []).length);

    const ledger = path.join(scratch, 'ledger.jsonl');
    writeFileSync(ledger, '');
    const [ofWhole, ofMerged] = [await verdictAndPack(whole, ledger), await verdictAndPack(dir, ledger)];
    assert.equal(ofMerged.readiness, ofWhole.readiness);
    assert.deepEqual(Object.keys(ofMerged.pages).sort(), Object.keys(ofWhole.pages).sort());
    for (const [page, html] of Object.entries(ofWhole.pages)) assert.equal(ofMerged.pages[page], html, `sign-off pack page ${page}`);
  });

  it('names a shard that did not report, exits non-zero, and readiness is NO-GO for it', async () => {
    const scratch = scratchDir('uat-shards-');
    const whole = copyRecordedRun('run-a', scratch);
    shardsOf(whole, 3, scratch);
    const merged = await runCli(['merge', path.join(scratch, 'shard-1'), path.join(scratch, 'shard-3')]);
    assert.equal(merged.code, 1);
    assert.match(merged.stdout, /shard 2 of 3 did not report: its scenarios have no result: readiness cannot be GO/);
    const dir = mergedDirOf(merged.stdout);
    const readiness = await runCli(['readiness', '--run', dir]);
    assert.equal(readiness.code, 1);
    assert.match(readiness.stdout, /^NO-GO/);
    assert.match(readiness.stdout, /blocker shard 2 of 3 did not report/);
  });

  it('merges the others when a shard died midway or lost its seal, leaving its results out, and exits 1', async () => {
    const scratch = scratchDir('uat-shards-');
    const whole = copyRecordedRun('run-a', scratch);
    const unfinished = (index: number): Partial<RunInfo> => (index === 2 ? { finished: null, exitCode: null, sealed: undefined as unknown as Record<string, string> } : {});
    const [first, second] = shardsOf(whole, 2, scratch, unfinished);
    const merged = await runCli(['merge', first as string, second as string]);
    assert.equal(merged.code, 1, merged.stdout + merged.stderr);
    assert.match(merged.stdout, /shard 2\/2: run 20261201-100002-local-abc2 on runner-2, did not finish/);
    assert.match(merged.stdout, /shard 2 \(run 20261201-100002-local-abc2 on runner-2\) has no seal on its results .*: they were left out: readiness cannot be GO/);
    const dir = mergedDirOf(merged.stdout);
    const shardOne = readdirSync(path.join(first as string, 'allure-results')).sort();
    assert.deepEqual(readdirSync(path.join(dir, 'allure-results')).sort(), shardOne, "only the sealed shard's results are merged");
    const readiness = await runCli(['readiness', '--run', dir]);
    assert.match(readiness.stdout, /^NO-GO/);
    assert.match(readiness.stdout, /blocker shard 2 .* they were left out/);

    writeFileSync(path.join(first as string, 'cucumber.json'), '{ not json');
    const damaged = await runCli(['merge', first as string]);
    assert.notEqual(damaged.code, 0);
    assert.match(damaged.stderr, /shard-1\/.*cucumber\.json: not a Cucumber JSON report/);
  });

  it('keeps a lone shard out of the rehearsal history: it holds part of the suite', async () => {
    const scratch = scratchDir('uat-shards-');
    const [first] = shardsOf(copyRecordedRun('run-a', scratch), 2, scratch);
    const history = scratchDir('uat-history-');
    const report = await runCli(['report', '--run', first as string], { UAT_HISTORY_DIR: history });
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /history {8}not kept: run 20261201-100001-local-abc1 is shard 1 of 2 only: the history keeps the merged run/);
    assert.deepEqual(readdirSync(history), []);
    const compared = await runCli(['history', '--run', first as string], { UAT_HISTORY_DIR: history });
    assert.notEqual(compared.code, 0);
    assert.match(compared.stderr, /run 20261201-100001-local-abc1 is shard 1 of 2 only: compare the merged run/);
  });

  it('readiness refuses to decide on a lone shard', () => {
    assert.deepEqual(shardProblems({ runId: 'x', shard: { index: 1, total: 2 } }), [
      'run x is shard 1 of 2 only: merge the shards\' run folders with `uat merge` and decide on the merged run',
    ]);
    assert.deepEqual(shardProblems({ runId: 'x' }), []);
  });

  it('refuses shards of different rehearsals, a shard given twice, a run that is no shard, and a shard whose results changed', async () => {
    const scratch = scratchDir('uat-shards-');
    const whole = copyRecordedRun('run-a', scratch);
    const [first, second] = shardsOf(whole, 2, path.join(scratch, 'mixed'), (index) => (index === 2 ? { harness: { version: '0.1.0', commit: 'def5678' } } : {}));
    const mixed = await runCli(['merge', first as string, second as string]);
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /the shards differ in harness commit: "abc1234" in .*shard-1.*; "def5678" in .*shard-2.*: merge only the shards of one rehearsal/);

    const [one] = shardsOf(whole, 2, path.join(scratch, 'twice'));
    const copy = path.join(scratch, 'copy');
    cpSync(one as string, copy, { recursive: true });
    const twice = await runCli(['merge', one as string, copy]);
    assert.match(twice.stderr, /shard 1 is given twice/);

    const lone = await runCli(['merge', whole]);
    assert.match(lone.stderr, /run recorded-a is not a shard \(it ran without --shard\)/);

    const [edited] = shardsOf(whole, 2, path.join(scratch, 'edited'));
    const results = path.join(edited as string, 'allure-results');
    const resultFile = readdirSync(results).find((f) => f.endsWith('-result.json')) as string;
    writeFileSync(path.join(results, resultFile), readFileSync(path.join(results, resultFile), 'utf8').replace('"failed"', '"passed"'));
    const tampered = await runCli(['merge', edited as string]);
    assert.notEqual(tampered.code, 0);
    assert.match(tampered.stderr, new RegExp(`allure-results/${resultFile} was edited after the run`));

    const empty = path.join(scratch, 'empty');
    mkdirSync(empty);
    assert.match((await runCli(['merge', empty])).stderr, /empty: holds no run folder/);
    assert.ok(!existsSync(path.join(empty, 'run.json')));
  });

  it('sums JUnit counts and times and keeps every test case, a shard without scenarios included', () => {
    const dir = scratchDir('uat-junit-');
    const write = (name: string, xml: string) => {
      writeFileSync(path.join(dir, name), xml);
      return path.join(dir, name);
    };
    const a = write('a.xml', '<?xml version="1.0"?>\n<testsuite name="Cucumber" time="2.5" tests="2" skipped="0" failures="1" errors="0" timestamp="2026-12-01T10:00:05.000Z">\n<testcase name="one"/>\n<testcase name="two"/>\n</testsuite>\n');
    const b = write('b.xml', '<?xml version="1.0"?>\n<testsuite name="Cucumber" time="1" tests="1" skipped="1" failures="0" errors="0" timestamp="2026-12-01T10:00:01.000Z">\n<testcase name="three"/>\n</testsuite>\n');
    const none = write('c.xml', '<?xml version="1.0"?>\n<testsuite name="Cucumber" time="0" tests="0" skipped="0" failures="0" errors="0"/>\n');
    const merged = mergeJunit([a, b, none]);
    assert.match(merged, /<testsuite name="Cucumber" time="3.5" tests="3" skipped="1" failures="1" errors="0" timestamp="2026-12-01T10:00:01.000Z">/);
    assert.deepEqual(merged.match(/name="(one|two|three)"/g), ['name="one"', 'name="two"', 'name="three"']);
  });
});
