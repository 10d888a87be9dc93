import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../config/errors';
import { projectRoot, relativeToRoot } from '../config/sources';

/** Every run writes into reports/runs/<run id>/, so runs never overwrite each other. */
export const runsRoot = (root = projectRoot) => path.join(root, 'reports', 'runs');

/** A sortable, readable run id, unique even for runs started in the same second: 20261126-224005-uat-k3f9. */
export function newRunId(environmentName: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${environmentName}-${randomBytes(2).toString('hex')}`;
}

export function runFolder(runId: string, root = projectRoot): string {
  return path.join(runsRoot(root), runId);
}

/** What `uat run` records about a run in run.json (absent for ad-hoc and recorded runs). */
export interface RunInfo {
  runId: string;
  environment?: string;
  odoo?: { url: string; db: string; version: string; edition?: string };
  /** The modules the features require, and whether the target has each. */
  modules?: Record<string, boolean>;
  harness?: { version: string; commit: string };
  mode?: string;
  profile?: string;
  tags?: string | null;
  seed?: number | null;
  started?: string;
  /** null while the run is going, or when it died before the end. */
  finished?: string | null;
  exitCode?: number | null;
  /** The ids of the scenarios the run's profile selects: each must have a result. */
  suite?: string[];
  /** Set when Ctrl-C or a TERM stopped the tests; `notRun` names the suite's scenarios without a result. */
  interrupted?: boolean;
  notRun?: string[];
  /** SHA-256 of each file of allure-results when the run ended: a later edit is named, and refused. */
  sealed?: Record<string, string>;
  /** The machine that ran it (a CI runner). */
  host?: string;
  /** Set on a run of `uat run --shard I/N`: one part of a rehearsal, to merge with the others. */
  shard?: { index: number; total: number };
  /** Set on a run `uat merge` made: the shards it joined, in order, and the ones that never reported. */
  shards?: ShardInfo[];
  missingShards?: number[];
}

/** One shard of a merged run, as its own run.json told it. */
export interface ShardInfo {
  index: number;
  total: number;
  runId: string;
  host: string | null;
  commit: string | null;
  seed: number | null;
  started: string | null;
  finished: string | null;
  /** null when the shard died before it ended. */
  exitCode: number | null;
  /** Set when the shard's results had no seal: `uat merge` left them out. */
  resultsLeftOut?: true;
}

export interface RunRef {
  runId: string;
  dir: string;
  info: RunInfo;
}

/**
 * Finds a run given as a run id under reports/runs, "latest" (the newest
 * folder by name, which sorts by start time), or a path to a run folder.
 */
export function resolveRun(ref: string, root = projectRoot): RunRef {
  const runs = runsRoot(root);
  let dir: string;
  if (ref === 'latest') {
    const ids = existsSync(runs) ? readdirSync(runs).filter((name) => existsSync(path.join(runs, name, 'allure-results'))) : [];
    const newest = ids.filter((id) => /^\d{8}-\d{6}-/.test(id)).sort().at(-1);
    if (!newest) throw new HarnessError(`no run with results under ${relativeToRoot(runs, root)}: run \`uat run --env NAME\` first`);
    dir = path.join(runs, newest);
  } else {
    dir = existsSync(path.join(runs, ref)) ? path.join(runs, ref) : path.resolve(ref);
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new HarnessError(`--run ${ref}: no such run (give a run id under ${relativeToRoot(runs, root)}, a run folder, or "latest")`);
  }
  const infoFile = path.join(dir, 'run.json');
  const info = existsSync(infoFile) ? (JSON.parse(readFileSync(infoFile, 'utf8')) as RunInfo) : { runId: path.basename(dir) };
  return { runId: info.runId, dir, info };
}
