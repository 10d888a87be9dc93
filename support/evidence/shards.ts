import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, HarnessError } from '../config/errors';
import { relativeToRoot } from '../config/sources';
import { sealResults, unsealedResults } from '../signoff/result-seal';
import { newRunId, runFolder, type RunInfo, type ShardInfo } from './run-folder';

/** "2/3" → shard 2 of 3, as Playwright's --shard takes it. */
export function parseShard(text: string): { index: number; total: number } {
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || index > total) throw new ConfigError(`--shard must be I/N with 1 <= I <= N, e.g. 1/3 (got "${text}")`);
  return { index, total };
}

/**
 * What keeps a run from standing for the whole suite: a lone shard, a shard
 * that never reported, or one that did not finish. Readiness counts each as a blocker.
 */
export function shardProblems(info: RunInfo): string[] {
  const lone = loneShard(info);
  if (lone) return [`${lone}: merge the shards' run folders with \`uat merge\` and decide on the merged run`];
  const problems = (info.missingShards ?? []).map((index) => `shard ${index} of ${info.shards?.[0]?.total ?? '?'} did not report: its scenarios have no result`);
  for (const shard of info.shards ?? []) {
    const which = `shard ${shard.index} (run ${shard.runId} on ${shard.host ?? 'an unknown host'})`;
    if (shard.resultsLeftOut) problems.push(`${which} has no seal on its results (its run did not end, or run.json lost it): they were left out`);
    else if (shard.exitCode === null) problems.push(`${which} did not finish`);
  }
  return problems;
}

/** What a run that is one shard, not merged, holds: part of the suite, which neither readiness nor the history may take for the whole. */
export function loneShard(info: RunInfo): string | undefined {
  return info.shard && !info.shards ? `run ${info.runId} is shard ${info.shard.index} of ${info.shard.total} only` : undefined;
}

interface ShardRun {
  dir: string;
  info: RunInfo & { shard: { index: number; total: number } };
}

/** The shard run folders under the given folders: each one itself, or any folder below holding a run.json (as CI artifacts unpack). */
export function findShardRuns(folders: string[]): ShardRun[] {
  const found: ShardRun[] = [];
  const visit = (dir: string, depth: number) => {
    const file = path.join(dir, 'run.json');
    if (existsSync(file)) {
      const info = readRunInfo(file);
      if (!info.shard) throw new ConfigError(`${relativeToRoot(dir)}: run ${info.runId} is not a shard (it ran without --shard): merge only the shards of one rehearsal`);
      found.push({ dir, info: info as ShardRun['info'] });
      return;
    }
    if (depth === 0) return;
    for (const name of readdirSync(dir).sort()) {
      const below = path.join(dir, name);
      if (statSync(below).isDirectory()) visit(below, depth - 1);
    }
  };
  for (const folder of folders) {
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new ConfigError(`${folder}: no such folder (give the shards' run folders, or folders holding them)`);
    const before = found.length;
    visit(path.resolve(folder), 5);
    if (found.length === before) throw new ConfigError(`${folder}: holds no run folder (no run.json in it or below it)`);
  }
  return found;
}

function readRunInfo(file: string): RunInfo {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunInfo;
  } catch (error) {
    throw new ConfigError(`${relativeToRoot(file)}: not a run's run.json (${(error as Error).message})`);
  }
}

/** What the shards of one rehearsal share; a difference means they are not one rehearsal. */
const MUST_AGREE: { what: string; of: (info: RunInfo) => unknown }[] = [
  { what: 'shard count', of: (i) => i.shard?.total },
  { what: 'environment', of: (i) => i.environment },
  { what: 'Odoo', of: (i) => (i.odoo ? `${i.odoo.url} database ${i.odoo.db}` : undefined) },
  { what: 'mode', of: (i) => i.mode },
  { what: 'profile', of: (i) => i.profile },
  { what: 'tags', of: (i) => i.tags ?? null },
  { what: 'harness commit', of: (i) => i.harness?.commit },
  { what: 'suite', of: (i) => (i.suite ?? []).join(' ') },
];

export interface MergedRun {
  runId: string;
  dir: string;
  info: RunInfo;
}

/**
 * Joins the shards of one rehearsal into one run folder, as if it had run in
 * one go: the Allure results (each shard's checked against its seal first),
 * Cucumber JSON, JUnit, the failures' traces (under test-results/shard-I/),
 * and a run.json naming every shard, its host, commit, seed and exit code,
 * and the shards that did not report.
 */
export function mergeShards(shards: ShardRun[], root?: string): MergedRun {
  const first = shards[0];
  if (!first) throw new ConfigError('uat merge needs the run folders of the shards');
  for (const { what, of } of MUST_AGREE) {
    const values = new Map<string, string[]>();
    for (const shard of shards) {
      const value = JSON.stringify(of(shard.info) ?? null);
      values.set(value, [...(values.get(value) ?? []), relativeToRoot(shard.dir)]);
    }
    if (values.size > 1) {
      throw new ConfigError(`the shards differ in ${what}: ${[...values].map(([value, dirs]) => `${value} in ${dirs.join(', ')}`).join('; ')}: merge only the shards of one rehearsal`);
    }
  }
  const byIndex = new Map<number, ShardRun>();
  for (const shard of shards) {
    const twin = byIndex.get(shard.info.shard.index);
    if (twin) throw new ConfigError(`shard ${shard.info.shard.index} is given twice: ${relativeToRoot(twin.dir)} and ${relativeToRoot(shard.dir)}`);
    byIndex.set(shard.info.shard.index, shard);
  }
  for (const shard of shards) {
    const changed = unsealedResults({ runId: shard.info.runId, dir: shard.dir, info: shard.info }, path.join(shard.dir, 'allure-results'));
    if (changed.length) throw new HarnessError([...changed.map((c) => `${relativeToRoot(shard.dir)}: ${c}`), `shard ${shard.info.shard.index}'s results changed after it ran: they are not merged`].join('\n'));
  }
  const total = first.info.shard.total;
  const ordered = [...byIndex.values()].sort((a, b) => a.info.shard.index - b.info.shard.index);
  // Runs are sealed when they end: a shard with results and no seal died midway (or lost its seal), so nothing vouches for them.
  const unsealed = new Set(ordered.filter((s) => !s.info.sealed && existsSync(path.join(s.dir, 'allure-results'))));
  const merged = ordered.filter((s) => !unsealed.has(s));
  const missingShards = Array.from({ length: total }, (_, i) => i + 1).filter((index) => !byIndex.has(index));

  const runId = newRunId(first.info.environment ?? 'merged');
  const dir = runFolder(runId, root);
  const results = path.join(dir, 'allure-results');
  mkdirSync(results, { recursive: true });
  for (const shard of merged) {
    const from = path.join(shard.dir, 'allure-results');
    if (!existsSync(from)) continue;
    for (const file of readdirSync(from)) {
      // Allure names results and attachments by UUID; the same name in two shards is not the same file.
      if (existsSync(path.join(results, file))) throw new HarnessError(`${relativeToRoot(from)}/${file}: another shard has a result file of the same name`);
      copyFileSync(path.join(from, file), path.join(results, file));
    }
    const traces = path.join(shard.dir, 'test-results');
    if (existsSync(traces)) cpSync(traces, path.join(dir, 'test-results', `shard-${shard.info.shard.index}`), { recursive: true });
  }
  writeFileSync(path.join(dir, 'cucumber.json'), JSON.stringify(mergeCucumberJson(merged.map((s) => path.join(s.dir, 'cucumber.json'))), null, 2));
  writeFileSync(path.join(dir, 'junit.xml'), mergeJunit(merged.map((s) => path.join(s.dir, 'junit.xml'))));

  const infos = ordered.map((s) => s.info);
  const shardsInfo: ShardInfo[] = ordered.map((shard) => ({
    index: shard.info.shard.index,
    total,
    runId: shard.info.runId,
    host: shard.info.host ?? null,
    commit: shard.info.harness?.commit ?? null,
    seed: shard.info.seed ?? null,
    started: shard.info.started ?? null,
    finished: shard.info.finished ?? null,
    exitCode: shard.info.exitCode ?? null,
    ...(unsealed.has(shard) ? { resultsLeftOut: true as const } : {}),
  }));
  const finished = infos.every((i) => i.finished) ? (infos.map((i) => i.finished as string).sort().at(-1) as string) : null;
  const info: RunInfo = {
    runId,
    ...(first.info.environment ? { environment: first.info.environment } : {}),
    ...(first.info.odoo ? { odoo: first.info.odoo } : {}),
    modules: Object.assign({}, ...infos.map((i) => i.modules ?? {})) as Record<string, boolean>,
    ...(first.info.harness ? { harness: first.info.harness } : {}),
    ...(first.info.mode ? { mode: first.info.mode } : {}),
    ...(first.info.profile ? { profile: first.info.profile } : {}),
    tags: first.info.tags ?? null,
    // Each shard drew its own seed unless UAT_SEED pinned it: the shards' seeds are in `shards`.
    seed: new Set(infos.map((i) => i.seed)).size === 1 ? (first.info.seed ?? null) : null,
    suite: first.info.suite ?? [],
    started: infos.map((i) => i.started ?? '').sort()[0] ?? new Date().toISOString(),
    finished,
    exitCode: missingShards.length || shardsInfo.some((s) => s.exitCode === null || s.resultsLeftOut) ? 1 : Math.max(...shardsInfo.map((s) => s.exitCode as number)),
    shards: shardsInfo,
    missingShards,
    sealed: sealResults(results),
  };
  writeFileSync(path.join(dir, 'run.json'), JSON.stringify(info, null, 2));
  return { runId, dir, info };
}

interface CucumberFeature {
  uri?: string;
  elements?: unknown[];
}

/** One Cucumber JSON for all shards: a feature split over shards comes out once, with all its scenarios. */
function mergeCucumberJson(files: string[]): CucumberFeature[] {
  const features = new Map<string, CucumberFeature>();
  for (const file of files.filter((f) => existsSync(f))) {
    let shardFeatures: CucumberFeature[];
    try {
      shardFeatures = JSON.parse(readFileSync(file, 'utf8')) as CucumberFeature[];
    } catch (error) {
      throw new HarnessError(`${relativeToRoot(file)}: not a Cucumber JSON report (${(error as Error).message})`);
    }
    for (const feature of shardFeatures) {
      const known = features.get(feature.uri ?? '');
      if (known) known.elements = [...(known.elements ?? []), ...(feature.elements ?? [])];
      else features.set(feature.uri ?? '', { ...feature });
    }
  }
  return [...features.values()];
}

/** One JUnit suite for all shards (playwright-bdd writes one <testsuite> per run): counts and times summed, cases in shard order. */
export function mergeJunit(files: string[]): string {
  const counts = { tests: 0, skipped: 0, failures: 0, errors: 0 };
  let time = 0;
  let timestamp = '';
  const cases: string[] = [];
  for (const file of files.filter((f) => existsSync(f))) {
    const xml = readFileSync(file, 'utf8');
    const suite = /<testsuite\b([^>]*)>([\s\S]*)<\/testsuite>/.exec(xml);
    if (!suite) {
      if (/<testsuite\b[^>]*\/>/.test(xml)) continue; // a shard with no scenario
      throw new HarnessError(`${relativeToRoot(file)}: not a JUnit report with one <testsuite>`);
    }
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(suite[1] as string)?.[1];
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += Number(attribute(key) ?? 0);
    time += Number(attribute('time') ?? 0);
    const stamp = attribute('timestamp') ?? '';
    if (stamp && (!timestamp || stamp < timestamp)) timestamp = stamp;
    cases.push((suite[2] as string).replace(/^\n|\n$/g, ''));
  }
  const attributes = `name="Cucumber" time="${time}" tests="${counts.tests}" skipped="${counts.skipped}" failures="${counts.failures}" errors="${counts.errors}"${timestamp ? ` timestamp="${timestamp}"` : ''}`;
  return `<?xml version="1.0"?>\n<testsuite ${attributes}>\n${cases.filter(Boolean).join('\n')}\n</testsuite>\n`;
}
