/**
 * Benchmark (not a test): the Odoo server time the harness costs per headline
 * flow, against a bare client doing the same flow (benchmarks/bare/*.ts).
 *
 *   npx tsx benchmarks/odoo-server-time.ts --env local-nokey --log /work/odoo/odoo19.log [--repeat 3] [--flows UAT-O2C-001,UAT-CS-001]
 *   npx tsx benchmarks/odoo-server-time.ts --env local18 --log /work/odoo/odoo18.log
 *
 * For each flow it runs `uat run --env ENV --mode rpc --workers 1 FEATURE`, then
 * the bare script, and sums the werkzeug lines of the Odoo log (one per HTTP
 * request, ending `<status> - Q S R`; server time = S + R) of each one's
 * requests, split by when they were sent. The harness's scenario part runs
 * from its first step's start to its last step's stop (from the run's Allure
 * result); the rest of the run is its fixed part (checks, provisioning, API
 * keys, worker start, teardown, revocation). The bare script's fixed part is
 * its logins (and on 19 making and revoking its keys).
 *
 * Both clients reach Odoo through a local pass-through proxy (ODOO_URL is
 * overridden) that notes each request's path, model.method and when it was
 * under way; a request's log line is the one of the same path logged in that
 * time. So other clients' requests in the same window (another engineer's
 * run) are left out and counted in the "foreign" column: they do not add to
 * the figures, but they share the server's 2 cores, so a non-zero column
 * means noisy server times. The proxy also names XML-RPC calls, which the
 * 18 log cannot (its werkzeug line says only /xmlrpc/2/object, and 18's
 * odoo.service.model has no per-call DEBUG line). Before each part it waits
 * up to 30 s for the log to be quiet.
 *
 * The log's timestamps are read as local time: the servers and this process
 * run on the same machine and clock.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnvironment } from '../support/config/environment';

const FLOWS = [
  { id: 'UAT-O2C-001', feature: 'features/order-to-cash/wholesale-partial-fulfilment.feature', bare: 'o2c-001.ts' },
  { id: 'UAT-P2P-001', feature: 'features/procure-to-pay/backorder-replenishment.feature', bare: 'p2p-001.ts' },
  { id: 'UAT-WH-001', feature: 'features/warehouse/inter-warehouse-transfer.feature', bare: 'wh-001.ts' },
  { id: 'UAT-FIN-001', feature: 'features/finance/credit-hold-release.feature', bare: 'fin-001.ts' },
  { id: 'UAT-CS-002', feature: 'features/customer-service/service-complaint.feature', bare: 'cs-002.ts' },
  { id: 'UAT-CS-001', feature: 'features/customer-service/ecommerce-return-refund.feature', bare: 'cs-001.ts' },
];

const { values } = parseArgs({
  options: { env: { type: 'string', default: 'local-nokey' }, log: { type: 'string' }, repeat: { type: 'string', default: '1' }, flows: { type: 'string' } },
});
const envName = values.env ?? 'local-nokey';
if (!values.log) throw new Error('--log names the Odoo log file of that environment, e.g. /work/odoo/odoo19.log');
const logFile = values.log;
const repeat = Number(values.repeat);
const selected = values.flows ? FLOWS.filter((f) => (values.flows as string).split(',').includes(f.id)) : FLOWS;
const environment = loadEnvironment(envName, { overrides: process.env }).environment;
const root = path.resolve(import.meta.dirname, '..');

// ------------------------------------------------------------ the log

interface Request {
  at: number;
  path: string;
  status: number;
  queries: number;
  server: number;
  /** model.method, where the log or the proxy says it. */
  label: string;
}

const WERKZEUG = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d),(\d{3}) \d+ \S+ \S+ werkzeug: .*?"(\w+) (\S+) [^"]*" (\d{3}) - (\d+) ([\d.]+) ([\d.]+)/;

function labelOf(urlPath: string): string {
  const route = urlPath.split(/[?#]/)[0] as string;
  const json2 = /^\/json\/2\/([^/]+)\/([^/]+)/.exec(route);
  if (json2) return `${json2[1]}.${json2[2]}`;
  const callKw = /^\/web\/dataset\/call_(?:kw|button)\/([^/]+)\/([^/]+)/.exec(route);
  return callKw ? `web ${callKw[1]}.${callKw[2]}` : route;
}

function readLogFrom(offset: number): Request[] {
  const fd = openSync(logFile, 'r');
  try {
    const size = statSync(logFile).size;
    const buffer = Buffer.alloc(size - offset);
    readSync(fd, buffer, 0, buffer.length, offset);
    return buffer
      .toString('utf8')
      .split('\n')
      .flatMap((line) => {
        const m = WERKZEUG.exec(line);
        if (!m) return [];
        const [, y, mo, d, h, mi, s, ms, , urlPath, status, q, sql, rest] = m as unknown as string[];
        const at = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms)).getTime();
        // 19 logs a call_kw route with "#model.method" after it, which no client sent.
        return [{ at, path: (urlPath as string).split('#')[0] as string, status: Number(status), queries: Number(q), server: Number(sql) + Number(rest), label: labelOf(urlPath as string) }];
      });
  } finally {
    closeSync(fd);
  }
}

/** Waits until the log has had no request for 3 s (another run may be going), up to 30 s. */
async function quiet(): Promise<void> {
  const started = Date.now();
  let size = statSync(logFile).size;
  let still = Date.now();
  while (Date.now() - still < 3000) {
    if (Date.now() - started > 30_000) {
      console.log('  (the log did not go quiet within 30 s: another run is going, server times may be noisy)');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = statSync(logFile).size;
    if (now !== size && readLogFrom(size).length > 0) still = Date.now();
    size = now;
  }
}

// ------------------------------------------------------------ the proxy

/** One request of ours, as the proxy passed it on: what it called and when. */
interface Noted {
  path: string;
  label: string;
  start: number;
  end: number;
}

/** A pass-through to Odoo that notes each request of the clients under test (path, model.method, when). */
async function notingProxy(target: string): Promise<{ url: string; notes: Noted[]; close(): void }> {
  const upstream = new URL(target);
  const notes: Noted[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    const start = Date.now();
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const forward = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        const urlPath = req.url ?? '';
        answer.on('end', () => notes.push({ path: urlPath, label: urlPath.startsWith('/xmlrpc/') ? xmlRpcLabel(body.toString('utf8')) : labelOf(urlPath), start, end: Date.now() }));
      });
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, notes, close: () => server.close() };
}

function xmlRpcLabel(body: string): string {
  const method = /<methodName>([^<]+)<\/methodName>/.exec(body)?.[1] ?? '?';
  if (method !== 'execute_kw') return `xmlrpc ${method}`;
  // execute_kw(db, uid, password, model, method, ...): the 4th and 5th parameters.
  const params = [...body.matchAll(/<param>([\s\S]*?)<\/param>/g)].map((m) => (m[1] as string).replace(/<[^>]+>/g, '').trim());
  return `${params[3]}.${params[4]}`;
}

/** Log timestamps have millisecond digits but are taken a little apart from the proxy's clock readings. */
const SLACK_MS = 5;

/**
 * Our requests' log lines: for each request, the unused line of the same path
 * logged while it was under way (the closest to its answer). Other clients'
 * lines in the same window are left out, and counted.
 */
function ownLines(notes: Noted[], lines: Request[]): { own: (Request & { start: number })[]; unmatched: number; foreign: number } {
  const used = new Set<Request>();
  const own: (Request & { start: number })[] = [];
  let unmatched = 0;
  for (const note of [...notes].sort((a, b) => a.end - b.end)) {
    const candidates = lines.filter((l) => !used.has(l) && l.path === note.path && l.at >= note.start - SLACK_MS && l.at <= note.end + SLACK_MS);
    const line = candidates.sort((a, b) => Math.abs(note.end - a.at) - Math.abs(note.end - b.at))[0];
    if (!line) {
      unmatched += 1;
      continue;
    }
    used.add(line);
    own.push({ ...line, label: note.label, start: note.start });
  }
  const [from, to] = [Math.min(...notes.map((n) => n.start)), Math.max(...notes.map((n) => n.end))];
  return { own, unmatched, foreign: lines.filter((l) => !used.has(l) && l.at >= from && l.at <= to).length };
}

// ------------------------------------------------------------ runs

function run(command: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, command, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

type Window = [number, number];

interface Part {
  requests: Request[];
}

interface Measurement {
  harnessFixed: Part;
  harnessScenario: Part;
  bareFixed: Part;
  bareScenario: Part;
  harnessWallMs: number;
  bareWallMs: number;
  /** Other clients' requests logged while ours were under way: they shared the server (noise). */
  foreign: number;
  /** Our requests with no log line found (should be 0). */
  unmatched: number;
  ok: boolean;
}

/** The harness's scenario window: its first step's start to its last step's stop, from the run's Allure result. */
function scenarioWindow(runId: string): { window: Window; passed: boolean } {
  const dir = path.join(root, 'reports', 'runs', runId, 'allure-results');
  const [result] = readdirSync(dir)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { status: string; steps: { start: number; stop: number }[] });
  if (!result?.steps.length) throw new Error(`run ${runId} has no scenario result with steps`);
  return { window: [Math.min(...result.steps.map((s) => s.start)), Math.max(...result.steps.map((s) => s.stop))], passed: result.status === 'passed' };
}

// One proxy, so one address, for every run: the API keys a run keeps for its database (KeptKeys) are
// found by the next run, as they are for a user whose Odoo keeps its address.
const proxy = await notingProxy(environment.odoo.url);

async function measure(flow: (typeof FLOWS)[number]): Promise<Measurement> {
  // Both clients reach Odoo through the proxy (ODOO_URL wins over the environment file in loadEnvironment).
  const env = { ...process.env, ODOO_URL: proxy.url };
  proxy.notes.splice(0);
  await quiet();
  const offset = statSync(logFile).size;
  const harness = await run([path.join(root, 'bin', 'uat.js'), 'run', '--env', envName, '--mode', 'rpc', '--workers', '1', flow.feature], env);
  const runId = /uat: run (\S+):/.exec(harness.stdout)?.[1];
  if (!runId) throw new Error(`the harness run of ${flow.id} did not start:\n${harness.stdout}${harness.stderr}`);
  const { window: scenario, passed } = scenarioWindow(runId);
  const harnessNotes = proxy.notes.splice(0);

  await quiet();
  const bare = await run(['--import', 'tsx', path.join(root, 'benchmarks', 'bare', flow.bare), '--env', envName], env);
  const phases = JSON.parse(bare.stdout.trim().split('\n').at(-1) ?? '{}') as { scenario: Window; ok: boolean };
  if (!phases.scenario) throw new Error(`the bare script of ${flow.id} printed no phases:\n${bare.stdout}${bare.stderr}`);
  // The last lines are written as the answers go out: give the log a moment.
  await new Promise((resolve) => setTimeout(resolve, 500));

  const lines = readLogFrom(offset);
  const h = ownLines(harnessNotes, lines);
  const b = ownLines(proxy.notes, lines);
  if (!passed || harness.code !== 0) console.log(`  ${flow.id}: the harness run ${runId} did not pass (exit ${harness.code})`);
  if (!phases.ok) console.log(`  ${flow.id}: the bare script failed: ${bare.stderr.trim()}`);
  // A request belongs to the part it was sent in.
  const sentIn = (r: { start: number }, [from, to]: Window) => r.start >= from && r.start <= to;
  return {
    harnessFixed: { requests: h.own.filter((r) => !sentIn(r, scenario)) },
    harnessScenario: { requests: h.own.filter((r) => sentIn(r, scenario)) },
    bareFixed: { requests: b.own.filter((r) => !sentIn(r, phases.scenario)) },
    bareScenario: { requests: b.own.filter((r) => sentIn(r, phases.scenario)) },
    harnessWallMs: scenario[1] - scenario[0],
    bareWallMs: phases.scenario[1] - phases.scenario[0],
    foreign: h.foreign + b.foreign,
    unmatched: h.unmatched + b.unmatched,
    ok: passed && harness.code === 0 && phases.ok,
  };
}

// ------------------------------------------------------------ report

const seconds = (part: Part) => part.requests.reduce((sum, r) => sum + r.server, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;
const pad = (text: string | number, width: number) => String(text).padStart(width);

/** Each part as in the repeat where that part's server time is the median (the lower middle for an even count): contention hits one part at a time. */
function medianOf(runs: Measurement[]): Measurement {
  const pick = (part: (m: Measurement) => Part): Part => {
    const target = median(runs.map((m) => seconds(part(m))));
    return part(runs.find((m) => seconds(part(m)) === target) as Measurement);
  };
  return {
    harnessFixed: pick((m) => m.harnessFixed),
    harnessScenario: pick((m) => m.harnessScenario),
    bareFixed: pick((m) => m.bareFixed),
    bareScenario: pick((m) => m.bareScenario),
    harnessWallMs: median(runs.map((m) => m.harnessWallMs)),
    bareWallMs: median(runs.map((m) => m.bareWallMs)),
    foreign: Math.max(...runs.map((m) => m.foreign)),
    unmatched: Math.max(...runs.map((m) => m.unmatched)),
    ok: runs.every((m) => m.ok),
  };
}

function byMethod(requests: Request[]): Map<string, { calls: number; server: number }> {
  const methods = new Map<string, { calls: number; server: number }>();
  for (const r of requests) {
    const entry = methods.get(r.label) ?? { calls: 0, server: 0 };
    entry.calls += 1;
    entry.server += r.server;
    methods.set(r.label, entry);
  }
  return methods;
}

const results: { id: string; m: Measurement }[] = [];
console.log(`Odoo server time per flow, env ${envName} (${environment.odoo.url}), log ${logFile}, ${repeat} repeat(s) each; server time = S + R of the werkzeug lines`);
for (const flow of selected) {
  const runs: Measurement[] = [];
  for (let i = 0; i < repeat; i += 1) runs.push(await measure(flow));
  results.push({ id: flow.id, m: medianOf(runs) });
  process.stdout.write(`  measured ${flow.id}\n`);
}

const header = `${'flow'.padEnd(12)} | ${'harness fixed'.padStart(15)} | ${'harness scenario'.padStart(16)} | ${'bare fixed'.padStart(12)} | ${'bare flow'.padStart(12)} | ${'ratio req'.padStart(9)} | ${'ratio time'.padStart(10)} | ${'wall ms h/b'.padStart(11)} | foreign`;
console.log(`\nrequests and server seconds (req / s); ratio = harness scenario / bare flow${repeat > 1 ? '; each part and wall time the median of the repeats, foreign the largest' : ''}`);
console.log(header);
console.log('-'.repeat(header.length));
const cell = (part: Part, width: number) => pad(`${part.requests.length} / ${seconds(part).toFixed(2)}`, width);
for (const { id, m } of results) {
  console.log(
    `${id.padEnd(12)} | ${cell(m.harnessFixed, 15)} | ${cell(m.harnessScenario, 16)} | ${cell(m.bareFixed, 12)} | ${cell(m.bareScenario, 12)} | ` +
      `${pad((m.harnessScenario.requests.length / m.bareScenario.requests.length).toFixed(2), 9)} | ${pad((seconds(m.harnessScenario) / seconds(m.bareScenario)).toFixed(2), 10)} | ` +
      `${pad(`${m.harnessWallMs}/${m.bareWallMs}`, 11)} | ${m.foreign}${m.ok ? '' : ' FAILED'}${m.unmatched ? ` (${m.unmatched} unmatched)` : ''}`,
  );
}
const total = (pick: (m: Measurement) => Part) => ({ requests: results.flatMap(({ m }) => pick(m).requests) });
const [hs, bs] = [total((m) => m.harnessScenario), total((m) => m.bareScenario)];
console.log(
  `${'all'.padEnd(12)} | ${cell(total((m) => m.harnessFixed), 15)} | ${cell(hs, 16)} | ${cell(total((m) => m.bareFixed), 12)} | ${cell(bs, 12)} | ` +
    `${pad((hs.requests.length / bs.requests.length).toFixed(2), 9)} | ${pad((seconds(hs) / seconds(bs)).toFixed(2), 10)} |`,
);

const harnessMethods = byMethod(hs.requests);
const bareMethods = byMethod(bs.requests);
console.log('\ntop methods by server time in the harness scenario parts (all flows), beside the bare flows');
console.log(`${'method'.padEnd(48)} | ${'harness calls'.padStart(13)} | ${'server s'.padStart(8)} | ${'bare calls'.padStart(10)} | ${'server s'.padStart(8)}`);
for (const [label, h] of [...harnessMethods].sort((a, b) => b[1].server - a[1].server).slice(0, 20)) {
  const b = bareMethods.get(label);
  console.log(`${label.padEnd(48)} | ${pad(h.calls, 13)} | ${pad(h.server.toFixed(2), 8)} | ${pad(b?.calls ?? 0, 10)} | ${pad((b?.server ?? 0).toFixed(2), 8)}`);
}

console.log('\nper flow, what the harness calls more than the bare flow (extra calls, extra server s), largest first');
for (const { id, m } of results) {
  const h = byMethod(m.harnessScenario.requests);
  const b = byMethod(m.bareScenario.requests);
  const extra = [...h]
    .map(([label, x]) => ({ label, calls: x.calls - (b.get(label)?.calls ?? 0), server: x.server - (b.get(label)?.server ?? 0) }))
    .filter((x) => x.calls > 0)
    .sort((x, y) => y.server - x.server)
    .slice(0, 6);
  console.log(`  ${id}: ${extra.map((x) => `${x.label} +${x.calls} (+${x.server.toFixed(2)} s)`).join(', ')}`);
}

console.log('\nthe harness fixed parts (all flows) by method: calls, server s');
const fixedMethods = [...byMethod(total((m) => m.harnessFixed).requests)].sort((a, b) => b[1].server - a[1].server);
console.log(fixedMethods.map(([label, x]) => `  ${label}: ${x.calls}, ${x.server.toFixed(2)}`).join('\n'));
proxy.close();
