/**
 * Benchmark (not a test): several `uat run`s at once against one live
 * database, as cutover rehearsals run from several CI runners, and whether
 * any record ended up shared by two runs.
 *
 *   npx tsx benchmarks/parallel-runs.ts --env local-nokey --runs 3 --workers 2 --rounds 3
 *   npx tsx benchmarks/parallel-runs.ts --env local-nokey --runs 1 --workers 1,2,4     # throughput per worker count
 *
 * Each round starts `--runs` runs of the default profile in rpc mode together
 * (each with `--workers`), waits for all, and prints each run's result and
 * wall time, and the round's throughput (scenarios per minute). A list of
 * worker counts runs one round per count.
 *
 * Then it reads back, over RPC as the set-up user (reads only), every sale
 * order, purchase order, transfer, invoice and warehouse created since the
 * first round started, and names each one whose lines or moves carry the
 * namespaces of more than one run ("Widget [UAT-<run>-<scenario>]"): goods
 * of two runs in one transfer is what a collision looks like in Odoo.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnvironment } from '../support/config/environment';
import { OdooGateway } from '../support/odoo/gateway';

const { values } = parseArgs({
  options: {
    env: { type: 'string', default: 'local-nokey' },
    runs: { type: 'string', default: '3' },
    workers: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '1' },
  },
});
const envName = values.env ?? 'local-nokey';
const runsPerRound = Number(values.runs);
const workerCounts = (values.workers ?? '2').split(',').map(Number);
const rounds = workerCounts.length > 1 ? workerCounts.length : Number(values.rounds);
const root = path.resolve(import.meta.dirname, '..');

interface RunOutcome {
  runId: string;
  exitCode: number;
  wallMs: number;
  statuses: Record<string, number>;
}

function startRun(workers: number): Promise<RunOutcome> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/uat.js', 'run', '--env', envName, '--mode', 'rpc', '--workers', String(workers)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const runId = /uat: run (\S+):/.exec(output)?.[1];
      if (!runId) return reject(new Error(`a run did not start:\n${output}`));
      for (const line of output.split('\n').filter((l) => /held up by another user|✘/.test(l))) console.log(`    ${runId}: ${line.trim()}`);
      resolve({ runId, exitCode: code ?? 1, wallMs: Date.now() - started, statuses: statusesOf(runId) });
    });
  });
}

/** The scenarios' outcomes, from the run's Allure results. */
function statusesOf(runId: string): Record<string, number> {
  const dir = path.join(root, 'reports', 'runs', runId, 'allure-results');
  const counts: Record<string, number> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('-result.json'))) {
    const { status } = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { status: string };
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

const RUN_TAG = /\[UAT-([A-Z0-9]{5})-[A-Z0-9]{4}\]/g;
const runTagsIn = (names: string[]) => new Set(names.flatMap((name) => [...name.matchAll(RUN_TAG)].map((m) => m[1] as string)));

/** Records created since `since` whose lines or moves name goods or partners of more than one run. */
async function sharedRecords(since: Date): Promise<string[]> {
  const { environment } = loadEnvironment(envName, { overrides: process.env });
  const gateway = await OdooGateway.connect(environment);
  const created = [['create_date', '>=', since.toISOString().replace('T', ' ').slice(0, 19)]];
  const named = { fields: { display_name: {} } };
  const checks: { model: string; lines: string; partner?: string }[] = [
    { model: 'stock.picking', lines: 'move_ids', partner: 'partner_id' },
    { model: 'sale.order', lines: 'order_line', partner: 'partner_id' },
    { model: 'purchase.order', lines: 'order_line', partner: 'partner_id' },
    { model: 'account.move', lines: 'invoice_line_ids', partner: 'partner_id' },
  ];
  const shared: string[] = [];
  let looked = 0;
  for (const { model, lines, partner } of checks) {
    const { records } = await gateway.admin.call<{ records: Record<string, unknown>[] }>(model, 'web_search_read', {
      kwargs: { domain: created, specification: { display_name: {}, [lines]: { fields: { product_id: named } }, ...(partner ? { [partner]: named } : {}) } },
    });
    looked += records.length;
    for (const record of records) {
      const names = (record[lines] as { product_id: { display_name: string } | false }[]).flatMap((l) => (l.product_id ? [l.product_id.display_name] : []));
      const who = partner ? (record[partner] as { display_name: string } | false) : false;
      const tags = runTagsIn([...names, ...(who ? [who.display_name] : [])]);
      if (tags.size > 1) shared.push(`${model} ${record.display_name as string}: goods or partners of runs ${[...tags].join(', ')}`);
    }
  }
  const warehouses = await gateway.admin.searchRead<{ name: string }>('stock.warehouse', created, ['name']);
  looked += warehouses.length;
  for (const warehouse of warehouses) if (runTagsIn([warehouse.name]).size !== 1) shared.push(`stock.warehouse ${warehouse.name}: not a run's own`);
  console.log(`read back ${looked} record(s) created since ${since.toISOString()}`);
  return shared;
}

const since = new Date(Date.now() - 1000);
for (let round = 1; round <= rounds; round += 1) {
  const workers = workerCounts.length > 1 ? (workerCounts[round - 1] as number) : (workerCounts[0] as number);
  const started = Date.now();
  const outcomes = await Promise.all(Array.from({ length: runsPerRound }, () => startRun(workers)));
  const wallMs = Date.now() - started;
  const scenarios = outcomes.reduce((sum, o) => sum + Object.values(o.statuses).reduce((a, b) => a + b, 0), 0);
  console.log(`round ${round}: ${runsPerRound} run(s) x ${workers} worker(s): ${(wallMs / 1000).toFixed(1)} s, ${((scenarios / wallMs) * 60_000).toFixed(1)} scenarios/min`);
  for (const o of outcomes) console.log(`  ${o.runId}: exit ${o.exitCode}, ${(o.wallMs / 1000).toFixed(1)} s, ${JSON.stringify(o.statuses)}`);
}
const shared = await sharedRecords(since);
console.log(shared.length ? `${shared.length} record(s) shared by runs:\n${shared.join('\n')}` : 'no record carries the goods or partners of two runs');
process.exit(shared.length ? 1 : 0);
