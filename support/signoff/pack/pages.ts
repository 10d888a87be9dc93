import { escapeHtml } from '../../evidence/html';
import { recordTable, type RecordSnapshot } from '../../evidence/record-snapshot';
import type { RunInfo } from '../../evidence/run-folder';
import type { ResultStatus } from '../../evidence/allure-results';
import type { HistoryComparison } from '../../history/compare';
import { describeSignoff, type ScenarioSignoff } from '../status';
import { historySection } from './history-section';
import { PACK_CSS } from './style';

/** A step as the pack shows it, its evidence already resolved to files in the pack. */
export interface PackStep {
  name: string;
  /** Absent for the files Playwright attaches to the scenario as a whole. */
  status?: ResultStatus;
  records: RecordSnapshot[];
  screenshots: { name: string; href: string }[];
  files: { name: string; href: string }[];
}

export interface PackScenario {
  signoff: ScenarioSignoff;
  /** One block per result: a Scenario Outline has one per example row. */
  results: { title: string; status: ResultStatus; message?: string; steps: PackStep[] }[];
}

export interface OwnerPage {
  owner: string;
  file: string;
  scenarios: PackScenario[];
}

const e = escapeHtml;
const badge = (text: string, cls = text) => `<span class="badge ${e(cls)}">${e(text)}</span>`;

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${e(title)}</title><style>${PACK_CSS}</style></head><body>${body}</body></html>\n`;
}

function runLine(run: RunInfo): string {
  const odoo = run.odoo ? `Odoo ${run.odoo.version} at ${run.odoo.url}, database ${run.odoo.db}` : 'Odoo target not recorded';
  const when = run.finished ? `, finished ${run.finished.replace('T', ' ').slice(0, 16)} UTC` : '';
  return `<p class="meta">Run <b>${e(run.runId)}</b>: ${e(odoo)}${run.mode ? `, mode ${e(run.mode)}` : ''}${e(when)}</p>`;
}

function summaryRow(s: PackScenario, link: string): string {
  const { scenario } = s.signoff;
  return `<tr><td><a href="${e(link)}">${e(scenario.hasId ? scenario.id : '(no id)')}</a></td><td>${e(scenario.title)}</td>` +
    `<td>${e(scenario.tags.area ?? '')}</td><td>${e(scenario.tags.channels.join(', '))}</td><td>${e(scenario.tags.severity)}</td>` +
    `<td>${badge(scenario.status)}</td><td>${badge(s.signoff.state)}</td></tr>`;
}

const TABLE_HEAD = '<thead><tr><th>Scenario</th><th>Title</th><th>Area</th><th>Channel</th><th>Severity</th><th>Result</th><th>Sign-off</th></tr></thead>';

/** `history`, when the run is in a rehearsal history, adds its comparison with the runs before it. */
export function indexPage(run: RunInfo, owners: OwnerPage[], history?: HistoryComparison): string {
  const rows = owners
    .map(({ owner, file, scenarios }) => {
      const count = (pred: (s: PackScenario) => boolean) => scenarios.filter(pred).length;
      return `<tr><td><a href="${e(file)}">${e(owner)}</a></td><td>${scenarios.length}</td>` +
        `<td>${count((s) => s.signoff.scenario.status === 'passed')}</td><td>${count((s) => s.signoff.scenario.status !== 'passed')}</td>` +
        `<td>${count((s) => s.signoff.state === 'approved')}</td><td>${count((s) => s.signoff.state !== 'approved')}</td></tr>`;
    })
    .join('');
  return page(
    `Sign-off pack ${run.runId}`,
    `<h1>Sign-off pack</h1>${runLine(run)}` +
      `<p>One page per process owner lists their scenarios with the result, the steps, the evidence and the Odoo records touched.</p>` +
      `<table><thead><tr><th>Process owner</th><th>Scenarios</th><th>Passed</th><th>Not passed</th><th>Approved</th><th>Open</th></tr></thead><tbody>${rows}</tbody></table>` +
      (history ? historySection(history) : ''),
  );
}

export function ownerPage(run: RunInfo, { owner, scenarios }: OwnerPage): string {
  const anchor = (s: PackScenario) => `s-${s.signoff.scenario.id.replace(/[^A-Za-z0-9-]+/g, '-')}`;
  return page(
    `${owner}: sign-off ${run.runId}`,
    `<p class="screen-only"><a href="index.html">All process owners</a></p><h1>Sign-off: ${e(owner)}</h1>${runLine(run)}` +
      `<table>${TABLE_HEAD}<tbody>${scenarios.map((s) => summaryRow(s, `#${anchor(s)}`)).join('')}</tbody></table>` +
      scenarios.map((s) => scenarioSection(s, anchor(s), run.runId, owner)).join(''),
  );
}

function scenarioSection(s: PackScenario, anchor: string, runId: string, owner: string): string {
  const { scenario } = s.signoff;
  const facts = [
    `Area ${scenario.tags.area ?? '—'}`,
    `${scenario.tags.channels.length > 1 ? 'channels' : 'channel'} ${scenario.tags.channels.join(', ') || '—'}`,
    `severity ${scenario.tags.severity}`,
    ...(scenario.tags.requirements.length ? [`requirements ${scenario.tags.requirements.join(', ')}`] : []),
    ...(scenario.tags.modules.length ? [`needs modules ${scenario.tags.modules.join(', ')}`] : []),
  ];
  const decision = scenario.status === 'passed' ? 'approve' : 'reject';
  const command = `npx uat signoff ${decision} --run ${runId} --scenario ${scenario.id} --owner ${owner} --comment "..."`;
  return `<section class="scenario" id="${e(anchor)}"><h2>${e(scenario.hasId ? `${scenario.id} ` : '')}${e(scenario.title)} ${badge(scenario.status)}</h2>` +
    `<p class="meta">${e(facts.join(', '))}</p>` +
    `<p>Sign-off: ${badge(s.signoff.state)} ${e(describeSignoff(s.signoff))}</p>` +
    s.results.map((r) => resultBlock(r, s.results.length > 1)).join('') +
    (scenario.hasId ? `<p class="screen-only">To record your decision: <code>${e(command)}</code></p>` : '') +
    `<div class="signature"><div>Approved / rejected</div><div>Name</div><div>Date and signature</div></div></section>`;
}

function resultBlock(r: PackScenario['results'][number], showTitle: boolean): string {
  return (showTitle ? `<h3>${e(r.title)} ${badge(r.status)}</h3>` : '') +
    (r.message ? `<pre>${e(r.message)}</pre>` : '') +
    `<ol class="steps">${r.steps.map(stepItem).join('')}</ol>`;
}

function stepItem(step: PackStep): string {
  return `<li>${step.status ? badge(step.status) : ''} ${e(step.name)}` +
    step.records.map(recordTable).join('') +
    step.screenshots.map((s) => `<figure><img class="screenshot" loading="lazy" src="${e(s.href)}" alt="${e(s.name)}"><figcaption>${e(s.name)}</figcaption></figure>`).join('') +
    (step.files.length ? `<p>Files: ${step.files.map((f) => `<a href="${e(f.href)}">${e(f.name)}</a>`).join(', ')}</p>` : '') +
    `</li>`;
}
