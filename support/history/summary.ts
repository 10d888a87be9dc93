import { z } from 'zod';
import type { ResultStatus } from '../evidence/allure-results';
import type { RunRef } from '../evidence/run-folder';
import type { Scenario } from '../evidence/scenarios';

/**
 * What the history keeps of one run: small, stable and diff-friendly, so a
 * pipeline can commit it. Made from a run folder alone, so a run merged from
 * shards (`uat merge`) is summarised like any other.
 */
const statusSchema = z.enum(['passed', 'failed', 'broken', 'skipped', 'unknown']) satisfies z.ZodType<ResultStatus>;

const scenarioSummarySchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  area: z.string().optional(),
  owner: z.string().optional(),
  channel: z.string().optional(),
  status: statusSchema,
  durationMs: z.number().int().min(0),
  /** Attempts beyond the first (Playwright's retries); a pass after one is flaky. */
  retries: z.number().int().min(0),
});

export const runSummarySchema = z.strictObject({
  format: z.literal(1, { error: 'must be 1 (the only history format so far)' }),
  runId: z.string().min(1),
  environment: z.string().min(1),
  started: z.string().optional(),
  finished: z.string().optional(),
  odoo: z.strictObject({ url: z.string(), db: z.string(), version: z.string() }).optional(),
  mode: z.string().optional(),
  profile: z.string().optional(),
  commit: z.string().optional(),
  /** For a run merged from shards: how many it merged, and which did not report. */
  shards: z.number().int().min(1).optional(),
  missingShards: z.array(z.number().int()).optional(),
  scenarios: z.array(scenarioSummarySchema),
});

export type ScenarioSummary = z.infer<typeof scenarioSummarySchema>;
export type RunSummary = z.infer<typeof runSummarySchema>;

/** The environment a run without one in its run.json is filed under. */
export const UNKNOWN_ENVIRONMENT = 'unknown';

export function summarizeRun(run: RunRef, scenarios: readonly Scenario[]): RunSummary {
  const { info } = run;
  return {
    format: 1,
    runId: run.runId,
    environment: info.environment ?? UNKNOWN_ENVIRONMENT,
    ...(info.started ? { started: info.started } : {}),
    ...(info.finished ? { finished: info.finished } : {}),
    ...(info.odoo ? { odoo: { url: info.odoo.url, db: info.odoo.db, version: info.odoo.version } } : {}),
    ...(info.mode ? { mode: info.mode } : {}),
    ...(info.profile ? { profile: info.profile } : {}),
    ...(info.harness ? { commit: info.harness.commit } : {}),
    ...(info.shards?.[0] ? { shards: info.shards[0].total } : {}),
    ...(info.missingShards?.length ? { missingShards: info.missingShards } : {}),
    scenarios: scenarios.map(summarizeScenario),
  };
}

function summarizeScenario(scenario: Scenario): ScenarioSummary {
  const { area, owner } = scenario.tags;
  // One field, as in the summaries already kept: "ecommerce, retail" for a scenario of two channels.
  const channel = scenario.tags.channels.join(', ');
  return {
    id: scenario.id,
    title: scenario.title,
    ...(area ? { area } : {}),
    ...(owner ? { owner } : {}),
    ...(channel ? { channel } : {}),
    status: scenario.status,
    // An outline's row has one result; a scenario id shared by several results takes their sum.
    durationMs: scenario.results.reduce((sum, r) => sum + Math.max(0, r.stop - r.start), 0),
    retries: Math.max(...scenario.results.map((r) => r.attempts - 1)),
  };
}

/** One scenario a line, so a diff of two summaries shows which scenarios changed. */
export function serializeSummary(summary: RunSummary): string {
  const { scenarios, ...head } = summary;
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const lines = scenarios.map((s) => `    ${JSON.stringify(s)}`).join(',\n');
  return `${headJson},\n  "scenarios": [${scenarios.length ? `\n${lines}\n  ` : ''}]\n}\n`;
}

/** Runs in the order they were made: by start time, then by run id (which starts with it). */
export function byRunOrder(a: Pick<RunSummary, 'started' | 'runId'>, b: Pick<RunSummary, 'started' | 'runId'>): number {
  return (a.started ?? '').localeCompare(b.started ?? '') || a.runId.localeCompare(b.runId);
}
