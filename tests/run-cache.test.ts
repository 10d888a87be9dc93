import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SuiteCache, suiteDigest } from '../support/features/run-cache';
import { runCli } from './support/cli';
import { scratchDir } from './support/files';

/** A project with one feature, one step file and one support file. */
function project(): { root: string; feature: string } {
  const root = scratchDir('uat-cache-');
  for (const dir of ['features', 'steps', 'support']) mkdirSync(path.join(root, dir));
  writeFileSync(path.join(root, 'features', 'a.feature'), 'Feature: A\n  Scenario: a\n    Given a step\n');
  writeFileSync(path.join(root, 'steps', 'a.steps.ts'), "Given('a step', () => {});\n");
  writeFileSync(path.join(root, 'support', 'world.ts'), 'export const x = 1;\n');
  writeFileSync(path.join(root, 'cucumber.json'), '{}');
  return { root, feature: path.join(root, 'features', 'a.feature') };
}

const selection = { tags: 'not @wip', paths: '', profile: 'default' };

describe('the suite cache of uat run', () => {
  it('gives another digest when a feature, a step, a support file, the profiles or the selection change, the same one otherwise', () => {
    const { root, feature } = project();
    const digest = () => suiteDigest([feature], selection, root);
    const first = digest();
    assert.equal(digest(), first);
    const changes: [string, () => void][] = [
      ['a feature', () => writeFileSync(feature, readFileSync(feature, 'utf8') + '    And another step\n')],
      ['a step file', () => writeFileSync(path.join(root, 'steps', 'a.steps.ts'), "Given('a step', () => 1);\n")],
      ['a support file', () => writeFileSync(path.join(root, 'support', 'world.ts'), 'export const x = 2;\n')],
      ['a new support file', () => writeFileSync(path.join(root, 'support', 'more.ts'), '\n')],
      ['the profiles', () => writeFileSync(path.join(root, 'cucumber.json'), '{"default":{}}')],
    ];
    const seen = new Set([first]);
    for (const [what, change] of changes) {
      change();
      const now = digest();
      assert.ok(!seen.has(now), `${what} changes the digest`);
      seen.add(now);
    }
    assert.notEqual(suiteDigest([feature], { ...selection, tags: '@smoke' }, root), digest(), 'the tags change it');
    assert.notEqual(suiteDigest([feature], { ...selection, profile: 'rehearsal' }, root), digest(), 'the profile changes it');
  });

  it('keeps a passed check and complete specs per digest, and only the newest suites', () => {
    const { root } = project();
    const cache = new SuiteCache('d1', root);
    assert.equal(cache.checked, false);
    assert.equal(cache.restoreSpecs(path.join(root, 'run', 'specs')), false, 'no specs before they are stored');
    cache.markChecked();
    assert.equal(new SuiteCache('d1', root).checked, true);
    const made = path.join(root, 'made');
    mkdirSync(path.join(made, 'features'), { recursive: true });
    writeFileSync(path.join(made, 'features', 'a.feature.spec.js'), '// spec');
    cache.storeSpecs(made);
    const into = path.join(root, 'run', 'specs');
    assert.equal(new SuiteCache('d1', root).restoreSpecs(into), true);
    assert.equal(readFileSync(path.join(into, 'features', 'a.feature.spec.js'), 'utf8'), '// spec');

    const cacheDir = path.join(root, 'reports', '.cache');
    utimesSync(path.join(cacheDir, 'd1'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    for (let i = 2; i <= 11; i += 1) new SuiteCache(`d${i}`, root).markChecked();
    assert.equal(readdirSync(cacheDir).length, 10);
    assert.ok(!existsSync(path.join(cacheDir, 'd1')), 'the oldest suite is removed');
  });

  it('hands Playwright the kept specs in place, at the same path for every run, and keeps them from pruning while used', () => {
    const { root } = project();
    const cache = new SuiteCache('d1', root);
    assert.equal(cache.specsInPlace(), undefined, 'no specs before they are stored');
    const made = path.join(root, 'made');
    mkdirSync(path.join(made, 'features'), { recursive: true });
    writeFileSync(path.join(made, 'features', 'a.feature.spec.js'), '// spec');
    cache.storeSpecs(made);
    const inPlace = new SuiteCache('d1', root).specsInPlace();
    assert.equal(inPlace, path.join(root, 'reports', '.cache', 'd1', 'specs'));
    assert.equal(new SuiteCache('d1', root).specsInPlace(), inPlace, 'the same path in the next run');
    assert.equal(readFileSync(path.join(inPlace, 'features', 'a.feature.spec.js'), 'utf8'), '// spec');
    // d1 the oldest of ten suites; a run that uses its specs makes it the newest, and the next suite prunes d2.
    const cacheDir = path.join(root, 'reports', '.cache');
    for (let i = 2; i <= 10; i += 1) new SuiteCache(`d${i}`, root).markChecked();
    for (let i = 1; i <= 10; i += 1) utimesSync(path.join(cacheDir, `d${i}`), new Date(2000 + i, 0, 1), new Date(2000 + i, 0, 1));
    new SuiteCache('d1', root).specsInPlace();
    new SuiteCache('d11', root).markChecked();
    assert.ok(existsSync(path.join(cacheDir, 'd1', 'specs')), 'the suite a run uses is kept');
    assert.ok(!existsSync(path.join(cacheDir, 'd2')), 'the oldest one not in use is removed');
  });

  it("keeps the features' needs read off their steps, per digest", () => {
    const { root } = project();
    const cache = new SuiteCache('d1', root);
    assert.equal(cache.needs(), undefined, 'nothing before a run stored them');
    const needs = [{ file: 'features/a.feature', modules: ['sale_stock'], roles: ['SALES', 'WAREHOUSE'], needs: ['one-step deliveries' as const] }];
    cache.storeNeeds(needs);
    assert.deepEqual(new SuiteCache('d1', root).needs(), needs);
    assert.equal(new SuiteCache('d2', root).needs(), undefined, "another suite's digest has its own");
  });

  it('reuses the check and the specs of an unchanged suite, and says so', async () => {
    const args = ['run', '--env', 'recorded-19', 'features/smoke/environment.feature'];
    await runCli(args);
    const again = await runCli(args);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /uat: the features, steps and profiles are as when they last passed `uat check` \(suite [0-9a-f]{24}\): their check and specs are reused/);
    assert.match(again.stdout, /1 passed/);
  });
});
