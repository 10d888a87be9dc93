import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../config/errors';
import { relativeToRoot } from '../config/sources';
import { parseScenarioTags, type ScenarioTags } from './scenario-tags';

/** Allure's statuses. Only "passed" is a pass: skipped, broken and unknown never count as one. */
export type ResultStatus = 'passed' | 'failed' | 'broken' | 'skipped' | 'unknown';

export interface Attachment {
  name: string;
  type: string;
  /** File name inside allure-results. */
  source: string;
}

export interface StepResult {
  name: string;
  status: ResultStatus;
  attachments: Attachment[];
  steps: StepResult[];
}

/** One executed scenario (its last attempt when Playwright retried it). */
export interface ScenarioResult {
  /**
   * The scenario's id: the `scenario` label the fixture set (an outline's
   * Examples row has its own, e.g. UAT-O2C-010#2), else its @UAT- tag. Also in `tags.id`.
   */
  id?: string;
  /** For an Examples row: the outline's id, which readiness criteria may name for all its rows. */
  outline?: string;
  title: string;
  /** The Gherkin feature's title. */
  feature: string;
  tags: ScenarioTags;
  status: ResultStatus;
  message?: string;
  start: number;
  stop: number;
  attempts: number;
  steps: StepResult[];
  attachments: Attachment[];
  /** The files that make up this result's evidence: the result file and every attachment, inside allure-results. */
  files: string[];
}

interface RawStep {
  name?: string;
  status?: string;
  attachments?: Attachment[];
  steps?: RawStep[];
}

interface RawResult extends RawStep {
  historyId?: string;
  testCaseId?: string;
  fullName?: string;
  statusDetails?: { message?: string };
  labels?: { name: string; value: string }[];
  start?: number;
  stop?: number;
}

const STATUSES: ResultStatus[] = ['passed', 'failed', 'broken', 'skipped', 'unknown'];

/** Reads every scenario result of an allure-results folder; retries collapse into their last attempt. */
export function readAllureResults(dir: string): ScenarioResult[] {
  if (!existsSync(dir)) throw new HarnessError(`${relativeToRoot(dir)}: no allure-results here (was the run made with the "allure" format?)`);
  const latest = new Map<string, { raw: RawResult; file: string; attempts: number }>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('-result.json')).sort()) {
    const raw = parseResult(path.join(dir, file));
    const key = raw.historyId ?? raw.testCaseId ?? raw.fullName ?? file;
    const seen = latest.get(key);
    const attempts = (seen?.attempts ?? 0) + 1;
    if (!seen || (raw.start ?? 0) >= (seen.raw.start ?? 0)) latest.set(key, { raw, file, attempts });
    else seen.attempts = attempts;
  }
  return [...latest.values()].map(({ raw, file, attempts }) => toScenario(raw, file, attempts));
}

function parseResult(file: string): RawResult {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RawResult;
  } catch (error) {
    throw new HarnessError(`${relativeToRoot(file)}: not a readable Allure result (${(error as Error).message})`);
  }
}

function toScenario(raw: RawResult, file: string, attempts: number): ScenarioResult {
  const labels = raw.labels ?? [];
  const label = (name: string) => labels.find((l) => l.name === name)?.value;
  const parsedTags = parseScenarioTags(labels.filter((l) => l.name === 'tag').map((l) => l.value), `${file}: scenario "${raw.name ?? '(untitled)'}"`);
  const id = label('scenario') ?? parsedTags.id;
  const outline = label('outline');
  const story = label('story');
  // The story is "<id> <title>", where an Examples row's title names its outline (its test title may be just "Example #2").
  const title = id && story?.startsWith(`${id} `) ? story.slice(id.length + 1) : (raw.name ?? '(untitled)');
  const children = raw.steps ?? [];
  const steps = children.filter((child) => !holdsOnlyAnAttachment(child)).map(toStep);
  const attachments = [...(raw.attachments ?? []), ...children.filter(holdsOnlyAnAttachment).flatMap((child) => child.attachments ?? [])];
  const sources = [...attachments, ...steps.flatMap(stepAttachments)].map((a) => a.source);
  return {
    ...(id ? { id } : {}),
    ...(outline ? { outline } : {}),
    title,
    feature: label('subSuite') ?? '',
    tags: id ? { ...parsedTags, id } : parsedTags,
    status: statusOf(raw.status),
    ...(raw.statusDetails?.message ? { message: raw.statusDetails.message } : {}),
    start: raw.start ?? 0,
    stop: raw.stop ?? raw.start ?? 0,
    attempts,
    steps,
    attachments,
    files: [file, ...sources],
  };
}

/** allure-playwright files each attachment as a status-less child step holding it; these fold back into their step. */
const holdsOnlyAnAttachment = (step: RawStep) => step.status === undefined && !step.steps?.length && !!step.attachments?.length;

function toStep(raw: RawStep): StepResult {
  const children = raw.steps ?? [];
  return {
    name: raw.name ?? '',
    status: statusOf(raw.status),
    attachments: [...(raw.attachments ?? []), ...children.filter(holdsOnlyAnAttachment).flatMap((child) => child.attachments ?? [])],
    steps: children.filter((child) => !holdsOnlyAnAttachment(child)).map(toStep),
  };
}

export function stepAttachments(step: StepResult): Attachment[] {
  return [...step.attachments, ...step.steps.flatMap(stepAttachments)];
}

function statusOf(status: string | undefined): ResultStatus {
  return STATUSES.includes(status as ResultStatus) ? (status as ResultStatus) : 'unknown';
}
