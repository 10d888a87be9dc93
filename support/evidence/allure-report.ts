import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../config/errors';
import { projectRoot } from '../config/sources';
import type { RunInfo } from './run-folder';
import type { Scenario } from './scenarios';

/**
 * The "Environment" block of the report: which Odoo, which harness, how it ran.
 * Values come from run.json and the scenarios' tags; the commit is the
 * harness's at report time.
 */
export function environmentInfo(info: RunInfo, scenarios: Scenario[], root = projectRoot): Record<string, string> {
  const version = info.odoo?.version ?? 'unknown';
  const modules = [...new Set(scenarios.flatMap((s) => s.tags.modules))].sort();
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return {
    'Odoo URL': info.odoo?.url ?? 'unknown',
    'Odoo database': info.odoo?.db ?? 'unknown',
    'Odoo version': version,
    // Odoo appends "+e" to the server version of an Enterprise server.
    'Odoo edition': info.odoo ? (version.includes('+e') ? 'Enterprise' : 'Community') : 'unknown',
    'Modules the scenarios require': modules.join(', ') || 'none',
    'Harness version': pkg.version,
    'Harness commit': harnessCommit(root),
    Environment: info.environment ?? 'unknown',
    Mode: info.mode ?? 'unknown',
    Profile: info.profile ?? 'unknown',
    Seed: info.seed === null || info.seed === undefined ? 'random' : String(info.seed),
    Run: info.runId,
  };
}

function harnessCommit(root: string): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : '';
    return `${git('rev-parse', '--short=12', 'HEAD')}${dirty}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** Java-properties escaping, as Allure's reader expects it. */
const property = (text: string) => text.replace(/[\\=:#!\s]/g, (c) => (c === ' ' ? '\\ ' : c === '\n' ? '\\n' : `\\${c}`));

/**
 * Builds Allure 3's "awesome" report as one HTML file, which opens from disk
 * (the multi-file report needs a web server). The environment block is written
 * into a folder of its own, so the run's allure-results stay as recorded.
 */
export async function buildAllureReport(options: {
  resultsDir: string;
  outputDir: string;
  name: string;
  environment: Record<string, string>;
}): Promise<string> {
  const envDir = path.join(options.outputDir, '..', '.allure-environment');
  rmSync(envDir, { recursive: true, force: true });
  mkdirSync(envDir, { recursive: true });
  const lines = Object.entries(options.environment).map(([key, value]) => `${property(key)}=${property(value)}`);
  writeFileSync(path.join(envDir, 'environment.properties'), `${lines.join('\n')}\n`);
  rmSync(options.outputDir, { recursive: true, force: true });
  const args = ['awesome', options.resultsDir, envDir, '--single-file', '--output', options.outputDir];
  await runAllure([...args, '--name', options.name, '--group-by', 'epic,feature'], path.dirname(options.outputDir));
  rmSync(envDir, { recursive: true, force: true });
  return path.join(options.outputDir, 'index.html');
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
