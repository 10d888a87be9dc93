import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { Secret } from '../support/config/secret';
import { readAllureResults } from '../support/evidence/allure-results';
import { groupScenarios } from '../support/evidence/scenarios';
import { buildSignoffPack } from '../support/signoff/pack/build';
import { signoffStatus } from '../support/signoff/status';
import { runCli } from './support/cli';
import { scratchDir } from './support/files';
import { copyRecordedRun } from './support/recorded-runs';

/** The data the single-file Allure report embeds, as d("data/...", "<base64>") calls. */
function embeddedReportData(html: string): Map<string, string> {
  const data = new Map<string, string>();
  for (const [, name, base64] of html.matchAll(/d\("([^"]+)","([A-Za-z0-9+/=]*)"\)/g)) {
    data.set(name as string, Buffer.from(base64 as string, 'base64').toString('utf8'));
  }
  return data;
}

describe('uat report (on a recorded run)', () => {
  let run: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  before(async () => {
    run = copyRecordedRun('run-a');
    result = await runCli(['report', '--run', run, '--ledger', path.join(run, '..', 'ledger.jsonl')]);
  });

  it('builds the Allure report as one HTML file with owner, epic, feature, story and severity per scenario', () => {
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readdirSync(path.join(run, 'allure-report')).filter((f) => !f.endsWith('.json')), ['index.html'], 'no asset folder to serve');
    const data = embeddedReportData(readFileSync(path.join(run, 'allure-report', 'index.html'), 'utf8'));
    const tests = [...data.entries()].filter(([name]) => name.startsWith('data/test-results/')).map(([, json]) => JSON.parse(json) as { name: string; labels: { name: string; value: string }[] });
    assert.equal(tests.length, 4);
    for (const test of tests) {
      const names = new Set(test.labels.map((l) => l.name));
      for (const label of ['owner', 'epic', 'feature', 'story', 'severity']) assert.ok(names.has(label), `${test.name} has ${label}`);
    }
    const attachments = [...data.keys()].filter((name) => name.startsWith('data/attachments/'));
    assert.ok(attachments.some((name) => name.endsWith('.png')), 'the screenshot is embedded');
    assert.ok(attachments.some((name) => name.endsWith('.html')), 'the record tables are embedded');
    const environment = [...data.values()].find((json) => json.includes('Odoo database')) ?? '';
    assert.match(environment, /uat19/);
  });

  it('loads nothing from outside the page: Allure\'s Google Analytics is taken out', () => {
    const html = readFileSync(path.join(run, 'allure-report', 'index.html'), 'utf8');
    assert.ok(!html.includes('googletagmanager.com'), 'no analytics script');
    assert.deepEqual([...html.matchAll(/<script[^>]+src="(https?:[^"]+)"/g)].map((m) => m[1]), [], 'no script from the network');
    assert.ok(html.includes('window.allure'), 'the page itself is intact');
  });

  it('writes a sign-off pack: an index and a page per process owner with steps, records and screenshots', () => {
    const pack = path.join(run, 'signoff-pack');
    const index = readFileSync(path.join(pack, 'index.html'), 'utf8');
    assert.match(index, /href="fulfillment.html">fulfillment</);
    assert.match(index, /href="order-to-cash.html">order-to-cash</);
    const o2c = readFileSync(path.join(pack, 'order-to-cash.html'), 'utf8');
    assert.match(o2c, /UAT-REC-001 The company record is evidenced with a deep link/);
    assert.match(o2c, /<a href="http:\/\/127.0.0.1:8069\/odoo\/res.company\/1">open in Odoo<\/a>/);
    assert.match(o2c, /Expected: &#34;XYZ&#34;/, 'the failure message');
    assert.doesNotMatch(o2c, /UAT-REC-004/, "another owner's scenario");
    const fulfillment = readFileSync(path.join(pack, 'fulfillment.html'), 'utf8');
    const images = [...fulfillment.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1] as string);
    assert.equal(images.length, 1);
    assert.ok(existsSync(path.join(pack, images[0] as string)), 'the screenshot is copied beside the page');
  });

  it('keeps secrets out of error messages in the pack', () => {
    const dir = copyRecordedRun('run-a');
    const results = path.join(dir, 'allure-results');
    const file = readdirSync(results).find((f) => f.endsWith('-result.json') && /"status":\s*"failed"/.test(readFileSync(path.join(results, f), 'utf8')));
    assert.ok(file);
    const raw = JSON.parse(readFileSync(path.join(results, file), 'utf8')) as { statusDetails: { message: string } };
    raw.statusDetails.message = 'login failed for admin with hunter2-pw';
    writeFileSync(path.join(results, file), JSON.stringify(raw));
    const scenarios = groupScenarios(readAllureResults(results));
    const out = path.join(scratchDir(), 'pack');
    buildSignoffPack({ run: { runId: 'x' }, resultsDir: results, signoffs: signoffStatus(scenarios, () => 'd', []), outputDir: out, secrets: [new Secret('hunter2-pw')] });
    const page = readFileSync(path.join(out, 'order-to-cash.html'), 'utf8');
    assert.match(page, /login failed for admin with \[redacted\]/);
    assert.doesNotMatch(page, /hunter2-pw/);
  });
});
