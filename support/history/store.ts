import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/errors';
import { projectRoot, relativeToRoot } from '../config/sources';
import { byRunOrder, runSummarySchema, serializeSummary, type RunSummary } from './summary';

/**
 * The history folder, which a pipeline caches or commits between rehearsals:
 *
 *   <history>/<environment>/runs/<run id>.json    the run's summary (support/history/summary.ts)
 *   <history>/<environment>/allure/<run id>.json  Allure's own history point of the run's report
 */
export const defaultHistoryDir = (root = projectRoot) => path.join(root, 'reports', 'history');

/** `--history DIR`, else UAT_HISTORY_DIR, else reports/history (`explicit` is false only for the last). */
export function historyDirOf(option: string | undefined, env: NodeJS.ProcessEnv = process.env): { dir: string; explicit: boolean } {
  const [given, source] = option !== undefined ? [option, '--history'] : [env.UAT_HISTORY_DIR, 'UAT_HISTORY_DIR'];
  if (given === undefined) return { dir: defaultHistoryDir(), explicit: false };
  if (!given.trim()) throw new ConfigError(`${source}: must name a folder (got an empty value)`);
  const dir = path.resolve(given);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new ConfigError(`${source} ${given}: not a folder (the history is a folder of run summaries)`);
  return { dir, explicit: true };
}

/** An environment's folder; its name is kept readable, with only characters a file system takes. */
export function environmentDir(historyDir: string, environment: string): string {
  return path.join(historyDir, environment.replace(/[^A-Za-z0-9._-]+/g, '-'));
}

const summaryFile = (historyDir: string, summary: Pick<RunSummary, 'environment' | 'runId'>) =>
  path.join(environmentDir(historyDir, summary.environment), 'runs', `${summary.runId}.json`);

export const allurePointFile = (historyDir: string, summary: Pick<RunSummary, 'environment' | 'runId'>) =>
  path.join(environmentDir(historyDir, summary.environment), 'allure', `${summary.runId}.json`);

/** Files the summary under its run id in its environment's folder: recording a run again replaces it. */
export function recordSummary(historyDir: string, summary: RunSummary): string {
  const file = summaryFile(historyDir, summary);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, serializeSummary(summary));
  return file;
}

/** Every run recorded for an environment, oldest first. */
export function readSummaries(historyDir: string, environment: string): RunSummary[] {
  const dir = path.join(environmentDir(historyDir, environment), 'runs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => readSummary(path.join(dir, name)))
    .filter((summary) => summary.environment === environment)
    .sort(byRunOrder);
}

/** A run recorded under any environment, by its id: for a run whose folder is gone. */
export function findSummary(historyDir: string, runId: string): RunSummary | undefined {
  if (!existsSync(historyDir)) return undefined;
  for (const environment of readdirSync(historyDir)) {
    const file = path.join(historyDir, environment, 'runs', `${runId}.json`);
    if (existsSync(file)) return readSummary(file);
  }
  return undefined;
}

function readSummary(file: string): RunSummary {
  const shown = relativeToRoot(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${shown}: not valid JSON (${(error as Error).message}); delete it or restore it from the pipeline's cache`);
  }
  const parsed = runSummarySchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${shown}: ${issue.path.join('.') || '(top level)'} ${issue.message}`);
    throw new ConfigError([...problems, `${shown} is not a run summary written by \`uat report\`: delete it or restore it`].join('\n'));
  }
  const expected = path.basename(file, '.json');
  if (parsed.data.runId !== expected) throw new ConfigError(`${shown}: holds run ${parsed.data.runId}, not ${expected} as its name says`);
  return parsed.data;
}
