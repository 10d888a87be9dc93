import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../support/config/sources';
import { buildAllureReport, environmentInfo } from '../support/evidence/allure-report';
import { readAllureResults } from '../support/evidence/allure-results';
import { evidenceDigest } from '../support/evidence/evidence-digest';
import type { RunInfo } from '../support/evidence/run-folder';
import { groupScenarios } from '../support/evidence/scenarios';
import { buildSignoffPack } from '../support/signoff/pack/build';
import { signoffStatus } from '../support/signoff/status';

/**
 * How long `uat report` takes for 1,000 scenario results (target: under 10 s
 * for both). Synthesises them from one recorded result with its screenshot and
 * record snapshot, spread over 5 owners and areas. Run: npx tsx benchmarks/report-1000.ts
 */
const COUNT = Number(process.argv[2] ?? 1000);
const OWNERS = ['order-to-cash', 'fulfillment', 'returns', 'replenishment', 'credit'];
const recorded = path.join(projectRoot, 'tests', 'recorded', 'allure', 'run-a');
const template = readdirSync(path.join(recorded, 'allure-results'))
  .filter((f) => f.endsWith('-result.json'))
  .map((f) => readFileSync(path.join(recorded, 'allure-results', f), 'utf8'))
  .find((text) => text.includes('UAT-REC-004'));
if (!template) throw new Error('the recorded result UAT-REC-004 is missing from tests/recorded/allure/run-a');

const runDir = mkdtempSync(path.join(tmpdir(), 'uat-bench-'));
const resultsDir = path.join(runDir, 'allure-results');
mkdirSync(resultsDir);
const attachmentSources = [...template.matchAll(/"source":"([^"]+)"/g)].map((m) => m[1] as string);
for (let i = 0; i < COUNT; i++) {
  const owner = OWNERS[i % OWNERS.length] as string;
  let text = template
    .replaceAll('UAT-REC-004', `UAT-BEN-${String(i).padStart(4, '0')}`)
    .replaceAll('owner:fulfillment', `owner:${owner}`)
    .replaceAll('area:fulfillment', `area:${owner}`)
    .replace(/"uuid":"[^"]+"/, `"uuid":"${randomUUID()}"`)
    .replace(/"historyId":"[^"]+"/, `"historyId":"bench-${i}"`)
    // Allure counts results of one test case as retries of one test: each copy is a test of its own.
    .replace(/"testCaseId":"[^"]+"/, `"testCaseId":"bench-${i}"`)
    .replace(/"fullName":"([^"]+)"/, `"fullName":"$1 #${i}"`);
  for (const source of attachmentSources) {
    const copy = `${randomUUID()}-attachment${path.extname(source)}`;
    cpSync(path.join(recorded, 'allure-results', source), path.join(resultsDir, copy));
    text = text.replaceAll(source, copy);
  }
  writeFileSync(path.join(resultsDir, `${randomUUID()}-result.json`), text);
}
const info = JSON.parse(readFileSync(path.join(recorded, 'run.json'), 'utf8')) as RunInfo;
console.log(`${COUNT} results synthesised in ${runDir}`);

let started = performance.now();
const scenarios = groupScenarios(readAllureResults(resultsDir));
const allure = await buildAllureReport({ resultsDir, outputDir: path.join(runDir, 'allure-report'), name: 'benchmark', environment: environmentInfo(info, scenarios) });
const allureMs = performance.now() - started;

started = performance.now();
const again = groupScenarios(readAllureResults(resultsDir));
const signoffs = signoffStatus(again, (s) => evidenceDigest(s, resultsDir), []);
buildSignoffPack({ run: info, resultsDir, signoffs, outputDir: path.join(runDir, 'signoff-pack'), secrets: [] });
const packMs = performance.now() - started;

const size = (file: string) => `${(readFileSync(file).length / 1e6).toFixed(1)} MB`;
console.log(`Allure single-file report: ${(allureMs / 1000).toFixed(2)} s (${size(allure)})`);
console.log(`sign-off pack with digests: ${(packMs / 1000).toFixed(2)} s (${again.length} scenarios, ${OWNERS.length} owner pages)`);
console.log(`both: ${((allureMs + packMs) / 1000).toFixed(2)} s (target under 10 s)`);
const tests = (readFileSync(allure, 'utf8').match(/d\("data\/test-results\//g) ?? []).length;
console.log(`the report holds ${tests} test results`);
rmSync(runDir, { recursive: true, force: true });
