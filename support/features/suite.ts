import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type Examples, type Feature, type GherkinDocument, type Pickle, type Rule, type Scenario, type Step, type Tag } from '@cucumber/messages';
import { projectRoot, relativeToRoot } from '../config/sources';

/**
 * The feature files as `uat check`, the catalogue and the Allure labels see
 * them: each scenario that runs (each Examples row of an outline on its own),
 * with its id, lines, tags and steps. The id of a scenario is derived here
 * and nowhere else:
 *
 * - its own `@UAT-` tag; else the feature's (or rule's) when that feature (or
 *   rule) holds exactly one scenario;
 * - an Examples row of a Scenario Outline: the outline's id plus `#n`, n
 *   counting the outline's rows from 1 across all its Examples blocks in file
 *   order; unless the row's Examples block has its own `@UAT-` tag: then that
 *   id, plus `#k` (k counting within the block) when the block has several rows.
 */

/** A tag as written, with its line. */
export interface FeatureTag {
  name: string;
  line: number;
}

/** A step's table, as written (placeholders of an outline filled in). */
export interface FeatureTable {
  header: string[];
  rows: string[][];
  /** lines[0] is the header's line, lines[i] the line of rows[i - 1]. */
  lines: number[];
}

export interface FeatureStep {
  /** The keyword as written: "Given ", "And ", ... */
  keyword: string;
  /** What the step is, whatever its keyword: And and But take the previous step's. */
  type?: 'Given' | 'When' | 'Then';
  /** The step's text, an outline's placeholders filled in. */
  text: string;
  line: number;
  table?: FeatureTable;
  docString?: { line: number };
}

/** Where a scenario's id came from. */
export type IdSource = 'scenario' | 'feature' | 'rule' | 'outline' | 'examples';

export interface OutlineRow {
  /** The outline's title as written, placeholders and all. */
  name: string;
  /** The outline's own id (or its feature's), which readiness criteria may name for all its rows. */
  outlineId?: string;
  /** n: the row's place among all rows of the outline, from 1. */
  row: number;
  /** The line of the row's Examples keyword. */
  examplesLine: number;
}

/** One scenario that runs: a Scenario, or one Examples row of a Scenario Outline. */
export interface FeatureScenario {
  /** Relative to the project root. */
  file: string;
  /** The line playwright-bdd knows the test by: the Scenario's, or the Examples row's. */
  line: number;
  /** The line of its Scenario (Outline) keyword. */
  scenarioLine: number;
  /** The title, an outline's placeholders filled in. */
  title: string;
  id?: string;
  idSource?: IdSource;
  /** Present for an Examples row. */
  outline?: OutlineRow;
  /** Feature, rule, scenario and Examples tags, in that order (as Cucumber gives them to the scenario). */
  tags: FeatureTag[];
  /** Tagged @wip: a draft, kept out of runs, whose problems `uat check` reports as warnings. */
  draft: boolean;
  /** Background steps first. */
  steps: FeatureStep[];
}

export interface GherkinError {
  line: number;
  column?: number;
  message: string;
}

export interface ParsedFeature {
  /** Relative to the project root. */
  file: string;
  absolutePath: string;
  name: string;
  /** The @UAT- id on the Feature line, if any. */
  featureId?: string;
  scenarios: FeatureScenario[];
  /** Syntax errors; a file with any has no scenarios. */
  errors: GherkinError[];
}

export const DRAFT_TAG = '@wip';
const ID_TAG = /^@UAT-[A-Za-z0-9][A-Za-z0-9-]*$/;

export const isIdTag = (tag: string) => ID_TAG.test(tag);
const lastId = (tags: readonly Tag[]) => tags.filter((t) => isIdTag(t.name)).at(-1)?.name.slice(1);

/** Parses one feature file (or the given text for it). */
export function parseFeature(file: string, source = readFileSync(file, 'utf8')): ParsedFeature {
  const absolutePath = path.resolve(file);
  // Relative to the project root, as every path the harness prints; a file outside it by its full path.
  const relative = relativeToRoot(absolutePath);
  const shown = relative.startsWith('..') ? absolutePath : relative;
  const ids = IdGenerator.incrementing();
  let document: GherkinDocument;
  try {
    document = new Parser(new AstBuilder(ids), new GherkinClassicTokenMatcher()).parse(source);
  } catch (error) {
    return { file: shown, absolutePath, name: '', scenarios: [], errors: gherkinErrors(error) };
  }
  const feature = document.feature;
  if (!feature) return { file: shown, absolutePath, name: '', scenarios: [], errors: [] };
  const pickles = compile(document, shown, ids);
  const featureId = lastId(feature.tags);
  return {
    file: shown,
    absolutePath,
    name: feature.name,
    ...(featureId ? { featureId } : {}),
    scenarios: scenariosOf(feature, pickles, shown),
    errors: [],
  };
}

export function parseFeatures(files: readonly string[]): ParsedFeature[] {
  return files.map((file) => parseFeature(file));
}

const cache = new Map<string, ParsedFeature>();

/**
 * The scenario playwright-bdd runs from `file` at `line` (its pickle line: the
 * Scenario's line, or the Examples row's). Each file is parsed once per process.
 */
export function scenarioAt(file: string, line: number): FeatureScenario | undefined {
  const absolute = path.resolve(projectRoot, file);
  let parsed = cache.get(absolute);
  if (!parsed) {
    parsed = parseFeature(absolute);
    cache.set(absolute, parsed);
  }
  return parsed.scenarios.find((s) => s.line === line);
}

interface AstIndex {
  steps: Map<string, Step>;
  scenarios: Map<string, { scenario: Scenario; rule?: Rule }>;
  rows: Map<string, { examples: Examples; indexInBlock: number; indexInOutline: number }>;
  tagLines: Map<string, number>;
}

function scenariosOf(feature: Feature, pickles: readonly Pickle[], file: string): FeatureScenario[] {
  const index: AstIndex = { steps: new Map(), scenarios: new Map(), rows: new Map(), tagLines: new Map() };
  const addTags = (tags: readonly Tag[]) => tags.forEach((t) => index.tagLines.set(t.id, t.location.line));
  const addScenario = (scenario: Scenario, rule?: Rule) => {
    index.scenarios.set(scenario.id, { scenario, ...(rule ? { rule } : {}) });
    addTags(scenario.tags);
    scenario.steps.forEach((s) => index.steps.set(s.id, s));
    let inOutline = 0;
    for (const examples of scenario.examples) {
      addTags(examples.tags);
      examples.tableBody.forEach((row, i) => index.rows.set(row.id, { examples, indexInBlock: i, indexInOutline: inOutline++ }));
    }
  };
  addTags(feature.tags);
  const scenarioCount = { feature: 0, rules: new Map<string, number>() };
  for (const child of feature.children) {
    if (child.background) child.background.steps.forEach((s) => index.steps.set(s.id, s));
    if (child.scenario) {
      addScenario(child.scenario);
      scenarioCount.feature += 1;
    }
    if (child.rule) {
      const rule = child.rule;
      addTags(rule.tags);
      for (const ruleChild of rule.children) {
        if (ruleChild.background) ruleChild.background.steps.forEach((s) => index.steps.set(s.id, s));
        if (ruleChild.scenario) {
          addScenario(ruleChild.scenario, rule);
          scenarioCount.feature += 1;
          scenarioCount.rules.set(rule.id, (scenarioCount.rules.get(rule.id) ?? 0) + 1);
        }
      }
    }
  }

  return pickles.map((pickle): FeatureScenario => {
    const [scenarioNodeId, rowNodeId] = pickle.astNodeIds;
    const found = index.scenarios.get(scenarioNodeId ?? '');
    if (!found) throw new Error(`${file}: pickle "${pickle.name}" has no scenario in the document`);
    const { scenario, rule } = found;
    const row = rowNodeId ? index.rows.get(rowNodeId) : undefined;
    // An id on the feature (or rule) names its scenario only when it holds exactly one.
    const containerId = rule && lastId(rule.tags) ? (scenarioCount.rules.get(rule.id) === 1 ? lastId(rule.tags) : undefined) : undefined;
    const inherited = containerId
      ? { id: containerId, source: 'rule' as const }
      : scenarioCount.feature === 1 && lastId(feature.tags)
        ? { id: lastId(feature.tags) as string, source: 'feature' as const }
        : undefined;
    const ownId = lastId(scenario.tags);
    const baseId = ownId ? { id: ownId, source: 'scenario' as const } : inherited;
    let identity: { id: string; source: IdSource } | undefined = baseId;
    let outline: OutlineRow | undefined;
    if (row) {
      const blockId = lastId(row.examples.tags);
      outline = { name: scenario.name, ...(baseId ? { outlineId: baseId.id } : {}), row: row.indexInOutline + 1, examplesLine: row.examples.location.line };
      if (blockId) identity = { id: row.examples.tableBody.length > 1 ? `${blockId}#${row.indexInBlock + 1}` : blockId, source: 'examples' };
      else identity = baseId ? { id: `${baseId.id}#${row.indexInOutline + 1}`, source: 'outline' } : undefined;
    }
    const tags = pickle.tags.map((t) => ({ name: t.name, line: index.tagLines.get(t.astNodeId) ?? scenario.location.line }));
    return {
      file,
      line: pickle.location?.line ?? scenario.location.line,
      scenarioLine: scenario.location.line,
      title: pickle.name,
      ...(identity ? { id: identity.id, idSource: identity.source } : {}),
      ...(outline ? { outline } : {}),
      tags,
      draft: tags.some((t) => t.name === DRAFT_TAG),
      steps: pickle.steps.map((pickleStep, i) => {
        const step = index.steps.get(pickleStep.astNodeIds[0] ?? '');
        const typed = pickleStep.type === 'Context' ? 'Given' : pickleStep.type === 'Action' ? 'When' : pickleStep.type === 'Outcome' ? 'Then' : undefined;
        const astTable = step?.dataTable;
        const table = pickleStep.argument?.dataTable;
        return {
          keyword: step?.keyword ?? '',
          ...(typed ? { type: typed } : {}),
          text: pickleStep.text,
          line: step?.location.line ?? scenario.location.line + i + 1,
          ...(table && astTable
            ? {
                table: {
                  header: (table.rows[0]?.cells ?? []).map((c) => c.value),
                  rows: table.rows.slice(1).map((r) => r.cells.map((c) => c.value)),
                  lines: astTable.rows.map((r) => r.location.line),
                },
              }
            : {}),
          ...(step?.docString ? { docString: { line: step.docString.location.line } } : {}),
        };
      }),
    };
  });
}

function gherkinErrors(error: unknown): GherkinError[] {
  const nested = (error as { errors?: unknown[] }).errors;
  const list = Array.isArray(nested) && nested.length ? nested : [error];
  return list.map((e) => {
    const location = (e as { location?: { line: number; column?: number } }).location;
    const message = e instanceof Error ? e.message : String(e);
    return { line: location?.line ?? 1, ...(location?.column ? { column: location.column } : {}), message };
  });
}
