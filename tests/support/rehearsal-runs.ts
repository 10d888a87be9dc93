import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../support/config/sources';

/** How one scenario ends in a made-up rehearsal: its status, how long it took, and the attempts before (Playwright retries). */
export interface ScenarioOutcome {
  status: 'passed' | 'failed' | 'broken' | 'skipped';
  durationMs: number;
  message?: string;
  /** Statuses of earlier attempts of the same test, oldest first. */
  retriedAfter?: ('failed' | 'broken')[];
}

export interface RehearsalRun {
  runId: string;
  environment: string;
  started: string;
  commit: string;
  scenarios: Record<string, ScenarioOutcome>;
  /** What `uat merge` adds to run.json. */
  merged?: { shards: { index: number; total: number }[]; missingShards: number[] };
}

interface RawResult {
  uuid: string;
  name: string;
  fullName: string;
  historyId: string;
  testCaseId: string;
  status: string;
  statusDetails: { message?: string; trace?: string };
  start: number;
  stop: number;
  labels: { name: string; value: string }[];
  steps: { status?: string }[];
}

/**
 * The real Allure results recorded from Odoo 19 (tests/recorded/allure/run-a:
 * UAT-REC-001 to 004), re-timed and re-statused per run, plus an Examples row
 * (UAT-REC-005#1) made from UAT-REC-004: a run folder as `uat run` writes it.
 */
export function writeRehearsalRun(runsDir: string, run: RehearsalRun): string {
  const dir = path.join(runsDir, run.runId);
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'tests', 'recorded', 'allure', 'run-a'), dir, { recursive: true });
  const results = path.join(dir, 'allure-results');
  const templates = new Map<string, RawResult>();
  for (const file of readdirSync(results).filter((f) => f.endsWith('-result.json'))) {
    const raw = JSON.parse(readFileSync(path.join(results, file), 'utf8')) as RawResult;
    templates.set(raw.labels.find((l) => l.name === 'scenario')?.value as string, raw);
    rmSync(path.join(results, file));
  }
  templates.set('UAT-REC-005#1', examplesRow(templates.get('UAT-REC-004') as RawResult));

  let clock = Date.parse(run.started);
  for (const [id, outcome] of Object.entries(run.scenarios)) {
    const template = templates.get(id);
    if (!template) throw new Error(`no recorded result to make ${id} from`);
    for (const [attempt, status] of [...(outcome.retriedAfter ?? []), outcome.status].entries()) {
      const uuid = `${run.runId}-${id.replace(/\W/g, '')}-${attempt}`;
      const result: RawResult = {
        ...template,
        uuid,
        status,
        statusDetails: status === 'passed' ? {} : { message: outcome.message ?? `Error: ${id} ${status}` },
        start: clock,
        stop: clock + outcome.durationMs,
        steps: template.steps.map((step) => (status === 'passed' && step.status === 'failed' ? { ...step, status: 'passed' } : step)),
      };
      clock += outcome.durationMs + 100;
      writeFileSync(path.join(results, `${uuid}-result.json`), JSON.stringify(result));
    }
  }
  const info = JSON.parse(readFileSync(path.join(dir, 'run.json'), 'utf8')) as Record<string, unknown>;
  const finished = new Date(clock).toISOString();
  writeFileSync(
    path.join(dir, 'run.json'),
    JSON.stringify({ ...info, runId: run.runId, environment: run.environment, started: run.started, finished, harness: { version: '0.1.0', commit: run.commit }, ...(run.merged ?? {}) }, null, 2),
  );
  return dir;
}

function examplesRow(template: RawResult): RawResult {
  const id = 'UAT-REC-005#1';
  const title = 'Example #1';
  const relabel = (label: { name: string; value: string }) => {
    if (label.name === 'scenario') return { ...label, value: id };
    if (label.name === 'story') return { ...label, value: `${id} A record snapshot per customer` };
    if (label.name === 'tag' && label.value === 'UAT-REC-004') return { ...label, value: 'UAT-REC-005' };
    if (label.name === '_fallbackTestCaseId') return { ...label, value: 'e5f2c1d0a9b8c7d6e5f4a3b2c1d0e9f8' };
    return label;
  };
  return {
    ...template,
    name: title,
    fullName: `${template.fullName.replace(/ › [^›]+$/, '')} › A record snapshot per customer › ${title}`,
    historyId: '5a1f0c3e9b7d4e2f8a6c1b3d5e7f9a0c:d41d8cd98f00b204e9800998ecf8427e',
    testCaseId: '5a1f0c3e9b7d4e2f8a6c1b3d5e7f9a0c',
    labels: [...template.labels.map(relabel), { name: 'outline', value: 'UAT-REC-005' }],
  };
}
