import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { redact, type Secret } from '../../config/secret';
import { stepAttachments, type Attachment, type ScenarioResult } from '../../evidence/allure-results';
import { isRecordDocument } from '../../evidence/record-snapshot';
import type { RunInfo } from '../../evidence/run-folder';
import type { HistoryComparison } from '../../history/compare';
import type { ScenarioSignoff } from '../status';
import { indexPage, ownerPage, type OwnerPage, type PackScenario, type PackStep } from './pages';

export interface PackInput {
  run: RunInfo;
  resultsDir: string;
  signoffs: ScenarioSignoff[];
  outputDir: string;
  /** Removed from error messages, which Playwright writes and the evidence API never saw. */
  secrets: Iterable<Secret | undefined>;
  /** The run's comparison with the earlier runs of its environment, shown on the index page. */
  history?: HistoryComparison;
}

const NO_OWNER = '(no owner)';

/**
 * Writes the sign-off pack: index.html and one page per process owner, with
 * the screenshots and files they show copied beside them, so the folder opens
 * from disk, can be zipped and mailed, and prints one scenario a page.
 */
export function buildSignoffPack(input: PackInput): string {
  rmSync(input.outputDir, { recursive: true, force: true });
  mkdirSync(path.join(input.outputDir, 'evidence'), { recursive: true });
  const byOwner = new Map<string, PackScenario[]>();
  for (const signoff of input.signoffs) {
    const owner = signoff.scenario.tags.owner ?? NO_OWNER;
    const packed: PackScenario = { signoff, results: signoff.scenario.results.map((r) => packResult(r, input)) };
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), packed]);
  }
  const pages: OwnerPage[] = [...byOwner.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([owner, scenarios]) => ({ owner, file: `${owner === NO_OWNER ? 'no-owner' : owner.replace(/[^A-Za-z0-9-]+/g, '-')}.html`, scenarios }));
  for (const owned of pages) writeFileSync(path.join(input.outputDir, owned.file), ownerPage(input.run, owned));
  const index = path.join(input.outputDir, 'index.html');
  writeFileSync(index, indexPage(input.run, pages, input.history));
  return index;
}

function packResult(result: ScenarioResult, input: PackInput): PackScenario['results'][number] {
  const steps = result.steps.map((step) => packStep(step.name, step.status, stepAttachments(step), input));
  // Playwright's own attachments (failure screenshot, trace, error context) belong to the scenario, not a step.
  if (result.attachments.length) steps.push(packStep('Attached by Playwright after the scenario', undefined, result.attachments, input));
  return {
    title: result.title,
    status: result.status,
    ...(result.message ? { message: redact(result.message, input.secrets) } : {}),
    steps,
  };
}

function packStep(name: string, status: PackStep['status'], attachments: Attachment[], input: PackInput): PackStep {
  const step: PackStep = { name, status, records: [], screenshots: [], files: [] };
  const names = new Set(attachments.map((a) => a.name));
  for (const attachment of attachments) {
    // A record comes as an HTML table for Allure and JSON for us; the pack renders the JSON.
    if (attachment.type === 'text/html' && names.has(`${attachment.name} (record)`)) continue;
    if (attachment.type === 'application/json') {
      const document = readJson(path.join(input.resultsDir, attachment.source));
      if (isRecordDocument(document)) {
        step.records.push(document);
        continue;
      }
    }
    const source = path.join(input.resultsDir, attachment.source);
    if (!existsSync(source)) {
      step.files.push({ name: `${attachment.name} (missing from the results)`, href: `evidence/${attachment.source}` });
      continue;
    }
    const href = `evidence/${attachment.source}`;
    copyFileSync(source, path.join(input.outputDir, href));
    (attachment.type.startsWith('image/') ? step.screenshots : step.files).push({ name: attachment.name, href });
  }
  return step;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
