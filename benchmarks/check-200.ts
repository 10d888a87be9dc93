import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../support/config/sources';
import { featureFiles } from '../support/features/requirements';

/**
 * How long `uat check` takes for 200 feature files (target: under 5 s, as a
 * person runs it: a fresh process, tsx, the step files imported). The files
 * are the shipped features, copied with ids of their own.
 * Run: npx tsx benchmarks/check-200.ts [COUNT]
 */
const COUNT = Number(process.argv[2] ?? 200);
const shipped = featureFiles().map((file) => readFileSync(file, 'utf8'));
if (shipped.length === 0) throw new Error('no feature files under features/ to copy');

const dir = mkdtempSync(path.join(tmpdir(), 'uat-check-bench-'));
let scenarios = 0;
try {
  for (let i = 0; i < COUNT; i++) {
    const text = (shipped[i % shipped.length] as string).replace(/@UAT-([A-Za-z0-9-]+)/g, (_, id: string) => `@UAT-BENCH${i}-${id}`);
    scenarios += (text.match(/^\s*(Scenario|Example|Scenario Outline):/gm) ?? []).length;
    const folder = path.join(dir, `area-${i % 10}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `feature-${i}.feature`), text);
  }

  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'uat.js'), 'check', dir], { cwd: projectRoot, encoding: 'utf8' });
  const elapsed = performance.now() - started;
  const summary = result.stdout.trim().split('\n').at(-1);
  const bare = performance.now();
  spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'uat.js'), 'check', path.join(dir, 'area-0', 'feature-0.feature')], { cwd: projectRoot, encoding: 'utf8' });
  const one = performance.now() - bare;

  console.log(`uat check of ${COUNT} features (${scenarios} Scenario/Outline blocks): ${Math.round(elapsed)} ms (exit ${result.status}; target < 5000 ms)`);
  console.log(`  the same command for 1 feature: ${Math.round(one)} ms (start-up and loading the step files)`);
  console.log(`  ${summary}`);
  if (result.status !== 0) console.log(result.stdout.split('\n').slice(0, 5).join('\n') + (result.stderr ? `\n${result.stderr}` : ''));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
