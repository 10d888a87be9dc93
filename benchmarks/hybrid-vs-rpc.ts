/**
 * Benchmark (not a test): each scenario's wall time in hybrid mode next to
 * the same scenario in rpc mode, against a live Odoo.
 *
 *   npx tsx benchmarks/hybrid-vs-rpc.ts --env local [--repeat 2] [FEATURE ...]
 *
 * Runs the features (default: the shipped profile) in rpc mode, then in
 * hybrid mode, one worker each, `--repeat` times, and prints per scenario the
 * median wall of each mode (the Allure result's start to stop, so Playwright's
 * and the run's own start-up are left out), the ratio, and the hybrid
 * scenario's slowest web-client acts, and the share of its time they take:
 * where a hybrid scenario's time goes.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readAllureResults } from '../support/evidence/allure-results';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { env: { type: 'string', default: 'local' }, repeat: { type: 'string', default: '1' } },
});
const envName = values.env ?? 'local';
const repeats = Number(values.repeat);
const root = path.resolve(import.meta.dirname, '..');
type Mode = 'rpc' | 'hybrid';

interface Timed {
  status: string;
  ms: number;
  acts: { name: string; ms: number }[];
}

interface RawStep {
  name?: string;
  start?: number;
  stop?: number;
  steps?: RawStep[];
  attachments?: unknown[];
}

/** The web-client acts (and record notes) inside each Gherkin step, with their durations; an attachment is not an act. */
function actsOf(gherkinSteps: RawStep[] = []): { name: string; ms: number }[] {
  return gherkinSteps.flatMap((step) =>
    (step.steps ?? []).filter((act) => !(act.attachments?.length && !act.steps?.length)).map((act) => ({ name: act.name ?? '?', ms: (act.stop ?? 0) - (act.start ?? 0) })),
  );
}

function run(mode: Mode): Promise<Map<string, Timed>> {
  const args = ['bin/uat.js', 'run', '--env', envName, '--mode', mode, '--workers', '1', ...positionals];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const runId = /uat: run (\S+):/.exec(output)?.[1];
      if (!runId) return reject(new Error(`the ${mode} run did not start:\n${output}`));
      const timed = new Map<string, Timed>();
      const resultsDir = path.join(root, 'reports', 'runs', runId, 'allure-results');
      for (const result of readAllureResults(resultsDir)) {
        const raw = JSON.parse(readFileSync(path.join(resultsDir, result.files[0] as string), 'utf8')) as RawStep;
        timed.set(result.id ?? result.title, { status: result.status, ms: result.stop - result.start, acts: actsOf(raw.steps) });
      }
      console.log(`${mode} run ${runId}: ${timed.size} scenario(s)`);
      resolve(timed);
    });
  });
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const runs: Record<Mode, Map<string, Timed>[]> = { rpc: [], hybrid: [] };
for (let i = 0; i < repeats; i += 1) {
  runs.rpc.push(await run('rpc'));
  runs.hybrid.push(await run('hybrid'));
}

const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(6);
const ids = [...runs.rpc[0]!.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
let worst = 0;
console.log(`\n${'scenario'.padEnd(16)} ${'rpc s'.padStart(6)} ${'hybrid s'.padStart(8)} ${'ratio'.padStart(6)} ${'acts'.padStart(5)}  slowest hybrid acts`);
for (const id of ids) {
  const of = (mode: Mode) => runs[mode].map((r) => r.get(id)).filter((t): t is Timed => t !== undefined && t.status === 'passed');
  const rpc = of('rpc');
  const hybrid = of('hybrid');
  if (rpc.length < repeats || hybrid.length < repeats) {
    console.log(`${id.padEnd(16)} not passed in every run: ${runs.rpc.map((r) => r.get(id)?.status).join('/')} rpc, ${runs.hybrid.map((r) => r.get(id)?.status).join('/')} hybrid`);
    continue;
  }
  const rpcMs = median(rpc.map((t) => t.ms));
  const hybridMs = median(hybrid.map((t) => t.ms));
  const ratio = hybridMs / rpcMs;
  worst = Math.max(worst, ratio);
  const acts = (hybrid[0] as Timed).acts;
  const inActs = acts.reduce((sum, act) => sum + act.ms, 0) / (hybrid[0] as Timed).ms;
  const slowest = [...acts].sort((a, b) => b.ms - a.ms).slice(0, 3).map((a) => `${a.name.slice(0, 36)} ${(a.ms / 1000).toFixed(1)}s`);
  console.log(`${id.padEnd(16)} ${seconds(rpcMs)} ${seconds(hybridMs).padStart(8)} ${ratio.toFixed(2).padStart(6)} ${`${Math.round(inActs * 100)}%`.padStart(5)}  ${slowest.join('; ')}`);
}
const total = (mode: Mode) => median(runs[mode].map((r) => [...r.values()].reduce((sum, t) => sum + t.ms, 0)));
console.log(`\nall scenarios: rpc ${seconds(total('rpc'))} s, hybrid ${seconds(total('hybrid'))} s, ratio ${(total('hybrid') / total('rpc')).toFixed(2)}; worst scenario ${worst.toFixed(2)}`);
