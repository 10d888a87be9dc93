import parseTagExpression from '@cucumber/tag-expressions';
import { nearest } from '../data/tables';
import { TAG_KEYS, type KnownTags, type TagKey } from './known-tags';
import { StepMatcher, type StepVerdict } from './step-matcher';
import type { CustomParameter, StepInfo } from './step-registry';
import { isIdTag, type FeatureScenario, type FeatureStep, type ParsedFeature } from './suite';

/** One thing to fix, at a line of a feature file. A warning (a draft's problem) does not fail the check. */
export interface CheckProblem {
  file: string;
  line: number;
  message: string;
  warning: boolean;
}

export interface CheckReport {
  features: number;
  scenarios: number;
  drafts: number;
  /** Sorted by file and line; each once. */
  problems: CheckProblem[];
  errors: number;
  warnings: number;
}

export interface CheckOptions {
  steps: readonly StepInfo[];
  parameters: readonly CustomParameter[];
  knownTags: KnownTags;
  /** Check only the scenarios this tag expression selects (what `uat run` will run). */
  tags?: string;
  /** Drafts (@wip) only warn; `uat run` turns this off, since what it runs must pass. Default true. */
  draftsWarn?: boolean;
  /** Further features whose ids count for uniqueness (the whole suite), without their problems being reported. */
  suite?: readonly ParsedFeature[];
}

const NOUN: Record<TagKey, [string, string]> = {
  owner: ['owner', 'owners'],
  area: ['area', 'areas'],
  channel: ['channel', 'channels'],
  severity: ['severity', 'severities'],
};

/**
 * `uat check`: every problem of the feature files at once, offline: Gherkin
 * syntax, undefined and ambiguous steps (with what was probably meant),
 * tables that do not fit their step, and the metadata tags (id, owner, area,
 * channel, severity) that sign-off and readiness rely on.
 */
export function checkFeatures(features: readonly ParsedFeature[], options: CheckOptions): CheckReport {
  const matcher = new StepMatcher(options.steps, options.parameters);
  const select = options.tags ? parseTagExpression(options.tags) : undefined;
  const draftsWarn = options.draftsWarn ?? true;
  const problems = new Map<string, CheckProblem>();
  const add = (file: string, line: number, message: string, warning: boolean) => {
    const key = `${file}\n${line}\n${message}`;
    const known = problems.get(key);
    // The same problem of a draft row and a finished row (e.g. an outline's step) is the finished one's.
    if (!known || (known.warning && !warning)) problems.set(key, { file, line, message, warning });
  };

  const checked = features.map((f) => ({ feature: f, scenarios: f.scenarios.filter((s) => !select || select.evaluate(s.tags.map((t) => t.name))) }));
  const owners = idOwners([...features, ...(options.suite ?? []).filter((f) => !features.some((g) => g.absolutePath === f.absolutePath))]);

  for (const { feature, scenarios } of checked) {
    for (const error of feature.errors) add(feature.file, error.line, error.message, false);
    const verdicts = new Map<string, StepVerdict>();
    for (const scenario of scenarios) {
      const warning = draftsWarn && scenario.draft;
      const report = (line: number, message: string) => add(feature.file, line, message, warning);
      checkIdentity(feature, scenario, owners, report);
      checkMetadata(scenario, options.knownTags, report);
      for (const step of scenario.steps) {
        let verdict = verdicts.get(step.text);
        if (!verdict) verdicts.set(step.text, (verdict = matcher.verdict(step.text)));
        checkStep(step, verdict, options.parameters, report);
      }
    }
  }

  const sorted = [...problems.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const scenarios = checked.flatMap((c) => c.scenarios);
  return {
    features: features.length,
    scenarios: scenarios.length,
    drafts: scenarios.filter((s) => s.draft).length,
    problems: sorted,
    errors: sorted.filter((p) => !p.warning).length,
    warnings: sorted.filter((p) => p.warning).length,
  };
}

export function formatProblem(problem: CheckProblem): string {
  return `${problem.file}:${problem.line}: ${problem.warning ? 'warning (draft): ' : ''}${problem.message}`;
}

/** "uat check: 9 features, 12 scenarios, 0 problems" (drafts and their warnings named when there are any). */
export function summaryLine(report: CheckReport, command = 'uat check'): string {
  const drafts = report.drafts ? ` (${plural(report.drafts, 'draft')})` : '';
  const warnings = report.warnings ? `, ${plural(report.warnings, 'warning')} in drafts` : '';
  return `${command}: ${plural(report.features, 'feature')}, ${plural(report.scenarios, 'scenario')}${drafts}, ${plural(report.errors, 'problem')}${warnings}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');
/** How a message names a scenario: an outline's rows share one name, so their problems are told once. */
const named = (s: FeatureScenario) => (s.outline ? `outline "${s.outline.name}"` : `scenario "${s.title}"`);
/** The ids a scenario answers to: its own, and for an Examples row the outline's, which readiness criteria may name. */
const claims = (s: FeatureScenario) => [...new Set([s.id, s.outline?.outlineId].filter((id): id is string => id !== undefined))];
const sameOutline = (a: FeatureScenario, b: FeatureScenario) => a.file === b.file && a.scenarioLine === b.scenarioLine && !!a.outline;

/** Where a scenario's id `id` is written: on its Examples block when the block gave it, else on the scenario (or the feature). */
const idLine = (s: FeatureScenario, id: string) => (s.outline && s.idSource === 'examples' && id === s.id ? s.outline.examplesLine : s.scenarioLine);

/** Every scenario of the suite by each id it answers to, to name the others that share one. */
function idOwners(features: readonly ParsedFeature[]): Map<string, FeatureScenario[]> {
  const byId = new Map<string, FeatureScenario[]>();
  for (const scenario of features.flatMap((f) => f.scenarios)) {
    for (const id of claims(scenario)) byId.set(id, [...(byId.get(id) ?? []), scenario]);
  }
  return byId;
}

function checkIdentity(feature: ParsedFeature, scenario: FeatureScenario, owners: Map<string, FeatureScenario[]>, report: (line: number, message: string) => void): void {
  if (!scenario.id) {
    const featureNote = feature.featureId && feature.scenarios.some((s) => s.scenarioLine !== scenario.scenarioLine)
      ? `; the feature's @${feature.featureId} names its scenario only when it has one, and this feature has several`
      : '';
    const [line, subject] = scenario.outline
      ? [scenario.outline.examplesLine, `the Examples of ${named(scenario)} have`]
      : [scenario.scenarioLine, `${named(scenario)} has`];
    const lookalike = scenario.tags.find((t) => /^@uat[-_]/i.test(t.name));
    const idNote = lookalike ? `; ${lookalike.name} is not one: an id is "@UAT-" then letters, digits and "-"` : '';
    report(line, `${subject} no @UAT- id tag (e.g. @UAT-O2C-101)${featureNote}${idNote}`);
    return;
  }
  // The rows of one outline share its id, and nothing else.
  const othersWith = (id: string) => (owners.get(id) ?? []).filter((o) => o !== scenario && !(id === scenario.outline?.outlineId && id !== o.id && sameOutline(o, scenario)));
  const outlineClash = (id: string) => othersWith(id).length > 0;
  for (const id of claims(scenario)) {
    const others = othersWith(id);
    if (!others.length) continue;
    // A row's id derived from an outline id that clashes clashes too: the outline's is the one to change.
    const outlineId = scenario.outline?.outlineId;
    if (id !== outlineId && scenario.idSource === 'outline' && outlineId && outlineClash(outlineId)) continue;
    const places = [...new Set(others.map((o) => `${o.file}:${idLine(o, id)} (${named(o)})`))];
    const line = idLine(scenario, id);
    report(line, `id ${id} of ${named(scenario)} is also the id of ${places.join(', ')}: each scenario needs an id of its own across the suite`);
  }
  // Two ids written on one scenario (or one Examples block): only the last would count.
  const byLine = new Map<number, string[]>();
  for (const tag of scenario.tags.filter((t) => isIdTag(t.name))) byLine.set(tag.line, [...(byLine.get(tag.line) ?? []), tag.name]);
  for (const [line, ids] of byLine) {
    if (new Set(ids).size > 1) report(line, `${ids.join(' and ')} on one line: give each scenario one id`);
  }
}

function checkMetadata(scenario: FeatureScenario, known: KnownTags, report: (line: number, message: string) => void): void {
  for (const key of TAG_KEYS) {
    const [one, many] = NOUN[key];
    const tags = scenario.tags.filter((t) => t.name.startsWith(`@${key}:`));
    if (tags.length === 0) {
      // A misspelt key ("@ownr:finance") is the likeliest reason.
      const misspelt = scenario.tags.find((t) => {
        const written = /^@([^:]+):/.exec(t.name)?.[1];
        return written !== undefined && written !== key && nearest(written, TAG_KEYS) === key;
      });
      const hint = misspelt ? ` (is ${misspelt.name} meant as @${key}:${misspelt.name.slice(misspelt.name.indexOf(':') + 1)}?)` : '';
      report(misspelt?.line ?? scenario.scenarioLine, `${named(scenario)} has no @${key}: tag${hint}; known ${many} are ${known[key].join(', ')}`);
      continue;
    }
    for (const tag of tags) {
      const value = tag.name.slice(key.length + 2);
      if (known[key].includes(value)) continue;
      const near = nearest(value, known[key]);
      const extend = key === 'severity' ? '' : ' (a new one goes into uat.tags.json)';
      report(tag.line, `unknown ${one} "${value}" in ${tag.name}${near ? ` (did you mean @${key}:${near}?)` : ''}; known ${many} are ${known[key].join(', ')}${extend}`);
    }
  }
}

function checkStep(step: FeatureStep, verdict: StepVerdict, parameters: readonly CustomParameter[], report: (line: number, message: string) => void): void {
  // Step texts often hold double quotes of their own.
  const text = `'${step.text}'`;
  if (verdict.kind === 'ambiguous') {
    report(step.line, `ambiguous step ${text}: it matches ${verdict.steps.map((s) => `"${s.pattern}" (${s.definedAt})`).join(' and ')}; the step definitions must be told apart`);
    return;
  }
  if (verdict.kind === 'undefined') {
    if (verdict.unknownActor) {
      const { phrase, near, step: meant } = verdict.unknownActor;
      const actors = parameters.find((p) => p.name === 'actor')?.values ?? [];
      report(step.line, `unknown actor "${phrase}"${near ? ` (did you mean "${near}"?)` : ''} in step ${text} (step "${meant.pattern}"): known actors are ${actors.join(', ')}`);
    } else {
      const hint = verdict.nearest.length
        ? `did you mean ${verdict.nearest.map((s) => `"${s.pattern}"`).join(' or ')}?`
        : 'no step of the catalogue is close (see docs/step-catalogue.md or `npx uat steps`)';
      report(step.line, `undefined step ${text}: ${hint}`);
    }
    return;
  }
  const { table } = verdict.step;
  if (table && !step.table) {
    const columns = table.columns;
    const required = columns.filter((c) => c.required).map((c) => c.name);
    const optional = columns.filter((c) => !c.required).map((c) => c.name);
    report(step.line, `step ${text} takes a table with columns ${quoted(required)}${optional.length ? ` (and optionally ${quoted(optional)})` : ''}, but has none`);
  } else if (!table && step.table) {
    report(step.table.lines[0] ?? step.line, `step ${text} takes no table, but a table follows it: remove the table or use a step that takes one`);
  } else if (table && step.table) {
    for (const problem of table.problems(step.table.header, step.table.rows, step.table.lines)) report(problem.line, problem.message);
  }
}
