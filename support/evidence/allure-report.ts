import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../config/errors';
import { projectRoot } from '../config/sources';
import { harnessIdentity } from './harness-identity';
import type { RunInfo } from './run-folder';
import type { Scenario } from './scenarios';

/**
 * The "Environment" block of the report: which Odoo, which harness, how it ran.
 * Values come from run.json (written by `uat run`, which saw the server) and
 * the scenarios' tags; older runs without them fall back to what can be known now.
 */
export function environmentInfo(info: RunInfo, scenarios: Scenario[], root = projectRoot): Record<string, string> {
  const required = [...new Set(scenarios.flatMap((s) => s.tags.modules))].sort();
  const harness = info.harness ?? harnessIdentity(root);
  return {
    'Odoo URL': info.odoo?.url ?? 'unknown',
    'Odoo database': info.odoo?.db ?? 'unknown',
    'Odoo version': info.odoo?.version ?? 'unknown',
    // Told by the installed modules at run time: a Community build can report "18.0+e".
    'Odoo edition': info.odoo?.edition ?? 'unknown',
    'Modules the scenarios require': required.map((m) => (info.modules ? `${m} (${info.modules[m] ? 'installed' : 'missing'})` : m)).join(', ') || 'none',
    'Harness version': harness.version,
    'Harness commit': harness.commit,
    Environment: info.environment ?? 'unknown',
    Mode: info.mode ?? 'unknown',
    Profile: info.profile ?? 'unknown',
    Seed: info.seed === null || info.seed === undefined ? 'unknown' : String(info.seed),
    Run: info.runId,
    // A merged rehearsal names its parts: which runner ran which shard, at which commit and seed.
    ...(info.shards
      ? { Shards: [...info.shards.map((s) => `${s.index}/${s.total} run ${s.runId} on ${s.host ?? '?'} (seed ${s.seed ?? '?'}, exit ${s.exitCode ?? 'none'})`), ...(info.missingShards ?? []).map((i) => `${i} did not report`)].join('; ') }
      : {}),
  };
}

/** Java-properties escaping, as Allure's reader expects it. */
const property = (text: string) => text.replace(/[\\=:#!\s]/g, (c) => (c === ' ' ? '\\ ' : c === '\n' ? '\\n' : `\\${c}`));

/**
 * Builds Allure 3's "awesome" report as one HTML file, which opens from disk,
 * or with `singleFile: false` as a folder whose page loads each scenario and
 * screenshot only when shown (it needs a web server: `npx allure open DIR`).
 * The environment block is written into a folder of its own, so the run's
 * allure-results stay as recorded.
 */
export async function buildAllureReport(options: {
  resultsDir: string;
  outputDir: string;
  name: string;
  environment: Record<string, string>;
  singleFile?: boolean;
  /** Allure's JSON-lines history of earlier reports (support/history/allure-history.ts), which it reads and appends this one to. */
  historyFile?: string;
}): Promise<string> {
  const envDir = path.join(options.outputDir, '..', '.allure-environment');
  rmSync(envDir, { recursive: true, force: true });
  mkdirSync(envDir, { recursive: true });
  const lines = Object.entries(options.environment).map(([key, value]) => `${property(key)}=${property(value)}`);
  writeFileSync(path.join(envDir, 'environment.properties'), `${lines.join('\n')}\n`);
  rmSync(options.outputDir, { recursive: true, force: true });
  const args = ['awesome', options.resultsDir, envDir, ...(options.singleFile === false ? [] : ['--single-file']), '--output', options.outputDir];
  const history = options.historyFile ? ['--history-path', options.historyFile] : [];
  await runAllure([...args, ...history, '--name', options.name, '--group-by', 'epic,feature'], path.dirname(options.outputDir));
  rmSync(envDir, { recursive: true, force: true });
  const page = path.join(options.outputDir, 'index.html');
  // Bytes, not text: a single-file report can be hundreds of MB, and only a few hundred bytes change.
  writeFileSync(page, withoutAnalytics(readFileSync(page), page));
  return page;
}

/** Allure 3.18's report template loads Google Analytics with no way to turn it off (analyticsEnable is hard-coded in its awesome plugin). */
const ANALYTICS_START = '<script async src="https://www.googletagmanager.com/gtag/js';
const ANALYTICS_END = "gtag('config'";
const SCRIPT_END = '</script>';

/**
 * The report page without the analytics: opening a UAT report must not tell
 * a third party about the run. A page that still calls out after that (a new
 * Allure template) is refused rather than handed out.
 */
export function withoutAnalytics(html: Buffer, page: string): Buffer {
  const start = html.indexOf(ANALYTICS_START);
  const configured = start < 0 ? -1 : html.indexOf(ANALYTICS_END, start);
  const end = configured < 0 ? -1 : html.indexOf(SCRIPT_END, configured) + SCRIPT_END.length;
  const cleaned = end > start && start >= 0 ? Buffer.concat([html.subarray(0, start), html.subarray(end)]) : html;
  if (cleaned.includes('googletagmanager.com')) {
    throw new HarnessError(`${page}: Allure's page still loads Google Analytics after the harness removed its known script: check the Allure version (package.json pins 3.18.0)`);
  }
  return cleaned;
}

/** Runs in the run folder, so no allurerc of the caller's working directory changes the report. */
function runAllure(args: string[], cwd: string): Promise<void> {
  const cli = path.join(projectRoot, 'node_modules', '.bin', 'allure');
  return new Promise((resolve, reject) => {
    const child = spawn(cli, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new HarnessError(`could not start Allure: ${error.message} (run npm install)`)));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new HarnessError(`Allure could not build the report (exit code ${code}):\n${output.trim()}`)),
    );
  });
}
