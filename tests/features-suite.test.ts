import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../support/config/sources';
import { tableOf, column } from '../support/data/tables';
import { checkFeatures, formatProblem, summaryLine } from '../support/features/check';
import { resolveFeaturePaths } from '../support/features/feature-paths';
import { DEFAULT_TAGS, loadKnownTags } from '../support/features/known-tags';
import type { CustomParameter, StepInfo } from '../support/features/step-registry';
import { parseFeature } from '../support/features/suite';
import { scratchDir } from './support/files';

const TAGS = '@owner:finance @area:finance @channel:all @severity:normal';
const feature = (text: string, file = path.join(scratchDir(), 'a.feature')) => {
  writeFileSync(file, text);
  return parseFeature(file);
};

/** Steps of our own, so these tests do not depend on what steps/ defines today. */
const actor: CustomParameter = { name: 'actor', values: ['the buyer', 'finance'] };
const steps: StepInfo[] = [
  { keyword: 'Given', pattern: 'a customer {string}', definedAt: 'steps/x.steps.ts:1' },
  { keyword: 'When', pattern: '{actor} pays {int} invoice(s)', definedAt: 'steps/x.steps.ts:2' },
  { keyword: 'When', pattern: '{actor} pays {int} invoice(s) today', definedAt: 'steps/x.steps.ts:3' },
  { keyword: 'When', pattern: 'finance pays {int} invoice(s) today', definedAt: 'steps/x.steps.ts:4' },
  { keyword: 'When', pattern: '{actor} books:', definedAt: 'steps/x.steps.ts:5', table: tableOf({ product: column.text(), quantity: column.wholeNumber() }) },
];
const check = (...features: ReturnType<typeof parseFeature>[]) => checkFeatures(features, { steps, parameters: [actor], knownTags: DEFAULT_TAGS });

describe('suite: scenarios and their ids', () => {
  it('gives each Examples row its own id: the outline\'s plus #n across blocks, or its block\'s own', () => {
    const parsed = feature(
      [
        `${TAGS}`,
        'Feature: F',
        '  @UAT-T-1',
        '  Scenario Outline: Pay <n>',
        '    When finance pays <n> invoices',
        '    Examples:',
        '      | n |',
        '      | 1 |',
        '      | 2 |',
        '    @UAT-T-2',
        '    Examples:',
        '      | n |',
        '      | 3 |',
        '    @UAT-T-3 @wip',
        '    Examples:',
        '      | n |',
        '      | 4 |',
        '      | 5 |',
        '    Examples:',
        '      | n |',
        '      | 6 |',
      ].join('\n'),
    );
    assert.deepEqual(
      parsed.scenarios.map((s) => [s.line, s.id, s.outline?.outlineId, s.outline?.row, s.draft, s.title]),
      [
        [8, 'UAT-T-1#1', 'UAT-T-1', 1, false, 'Pay 1'],
        [9, 'UAT-T-1#2', 'UAT-T-1', 2, false, 'Pay 2'],
        [13, 'UAT-T-2', 'UAT-T-1', 3, false, 'Pay 3'],
        [17, 'UAT-T-3#1', 'UAT-T-1', 4, true, 'Pay 4'],
        [18, 'UAT-T-3#2', 'UAT-T-1', 5, true, 'Pay 5'],
        [21, 'UAT-T-1#6', 'UAT-T-1', 6, false, 'Pay 6'],
      ],
    );
    assert.deepEqual(parsed.scenarios[3]?.tags.map((t) => t.name).slice(-3), ['@UAT-T-1', '@UAT-T-3', '@wip'], 'Examples tags apply to their rows');
    assert.equal(parsed.scenarios[0]?.steps[0]?.text, 'finance pays 1 invoices');
  });

  it('lets the feature\'s id name its only scenario (an outline\'s rows too), and no scenario of several', () => {
    const one = feature(`@UAT-T-9 ${TAGS}\nFeature: F\n  Scenario Outline: O\n    Given a customer "<c>"\n    Examples:\n      | c |\n      | A |\n      | B |\n`);
    assert.deepEqual(one.scenarios.map((s) => s.id), ['UAT-T-9#1', 'UAT-T-9#2']);
    const two = feature(`@UAT-T-9 ${TAGS}\nFeature: F\n  Scenario: A\n    Given a customer "A"\n  @UAT-T-8\n  Scenario: B\n    Given a customer "B"\n`);
    assert.deepEqual(two.scenarios.map((s) => s.id), [undefined, 'UAT-T-8']);
  });

  it('gives steps their lines and tables with each row\'s line; background steps come first', () => {
    const parsed = feature(`${TAGS}\nFeature: F\n  Background:\n    Given a customer "A"\n  @UAT-T-1\n  Scenario: S\n    When finance books:\n      | product | quantity |\n      | Shelf   | 2        |\n`);
    const [background, books] = parsed.scenarios[0]?.steps ?? [];
    assert.equal(background?.line, 4);
    assert.deepEqual(books?.table, { header: ['product', 'quantity'], rows: [['Shelf', '2']], lines: [8, 9] });
    assert.equal(books?.type, 'When');
  });
});

describe('check (offline, against given steps)', () => {
  it('flags an ambiguous step, naming both definitions', () => {
    const report = check(feature(`@UAT-T-1 ${TAGS}\nFeature: F\n  Scenario: S\n    When finance pays 2 invoices today\n`));
    assert.deepEqual(report.problems.map(formatProblem), [
      `${report.problems[0]?.file}:4: ambiguous step 'finance pays 2 invoices today': it matches "{actor} pays {int} invoice(s) today" (steps/x.steps.ts:3) and "finance pays {int} invoice(s) today" (steps/x.steps.ts:4); the step definitions must be told apart`,
    ]);
  });

  it('reports every problem of every row, each once, with its own line', () => {
    const parsed = feature(
      [
        '@owner:finanse @area:finance @channel:all',
        'Feature: F',
        '  @UAT-T-1 @severity:urgent',
        '  Scenario Outline: O',
        '    When the clerk pays <n> invoices',
        '    And finance books:',
        '      | product | qty |',
        '      | Shelf   | <n> |',
        '    Examples:',
        '      | n |',
        '      | 1 |',
        '      | x |',
      ].join('\n'),
    );
    const messages = check(parsed).problems.map((p) => `${p.line}: ${p.message}`);
    // The lists of known values are left off here; the CLI tests show them.
    assert.deepEqual(
      messages.map((m) => m.replace(/(; known|: known actors| \(a new one|; this step's columns).*$/, '')),
      [
        '1: unknown owner "finanse" in @owner:finanse (did you mean @owner:finance?)',
        '3: unknown severity "urgent" in @severity:urgent',
        '5: unknown actor "the clerk" in step \'the clerk pays 1 invoices\' (step "{actor} pays {int} invoice(s)")',
        "5: undefined step 'the clerk pays x invoices': no step of the catalogue is close (see docs/step-catalogue.md or `npx uat steps`)",
        '7: unknown column "qty"',
        '7: the table has no column "quantity", which this step needs',
      ],
    );
  });

  it('flags two Examples blocks that take one id, and an outline id another scenario has', () => {
    const dir = scratchDir();
    const a = feature(`${TAGS}\nFeature: A\n  @UAT-T-5\n  Scenario: S\n    Given a customer "A"\n`, path.join(dir, 'a.feature'));
    const b = feature(
      `${TAGS}\nFeature: B\n  @UAT-T-5\n  Scenario Outline: O\n    Given a customer "<c>"\n    @UAT-T-6\n    Examples:\n      | c |\n      | A |\n    @UAT-T-6\n    Examples:\n      | c |\n      | B |\n`,
      path.join(dir, 'b.feature'),
    );
    const suffix = ': each scenario needs an id of its own across the suite';
    assert.deepEqual(check(a, b).problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.message}`), [
      `a.feature:4: id UAT-T-5 of scenario "S" is also the id of ${b.file}:4 (outline "O")${suffix}`,
      `b.feature:4: id UAT-T-5 of outline "O" is also the id of ${a.file}:4 (scenario "S")${suffix}`,
      `b.feature:7: id UAT-T-6 of outline "O" is also the id of ${b.file}:11 (outline "O")${suffix}`,
      `b.feature:11: id UAT-T-6 of outline "O" is also the id of ${b.file}:7 (outline "O")${suffix}`,
    ]);
  });

  it('points at a misspelt tag key and at an id written the wrong way', () => {
    const report = check(feature('@uat_o2c_1 @ownr:finance @area:finance @channel:all @severity:normal\nFeature: F\n  Scenario: S\n    Given a customer "A"\n'));
    assert.deepEqual(report.problems.map((p) => `${p.line}: ${p.message.replace(/; known .*$/, '')}`), [
      '1: scenario "S" has no @owner: tag (is @ownr:finance meant as @owner:finance?)',
      '3: scenario "S" has no @UAT- id tag (e.g. @UAT-O2C-101); @uat_o2c_1 is not one: an id is "@UAT-" then letters, digits and "-"',
    ]);
  });

  it('counts features, scenarios and drafts in one summary line', () => {
    const report = check(feature(`${TAGS}\nFeature: F\n  @UAT-T-1\n  Scenario: S\n    Given a customer "A"\n  @wip\n  Scenario: D\n    Given nothing defined\n`));
    assert.equal(summaryLine(report), 'uat check: 1 feature, 2 scenarios (1 draft), 0 problems, 2 warnings in drafts');
    assert.equal(report.errors, 0);
    const strict = checkFeatures([feature(`${TAGS}\nFeature: F\n  @wip\n  Scenario: D\n    Given nothing defined\n`)], { steps, parameters: [actor], knownTags: DEFAULT_TAGS, draftsWarn: false });
    assert.equal(strict.errors, 2, 'what `uat run` runs must pass, draft or not');
  });
});

describe('known tags and feature paths', () => {
  it('adds the owners, areas and channels of uat.tags.json to the defaults, and names a wrong key', () => {
    const dir = scratchDir();
    writeFileSync(path.join(dir, 'uat.tags.json'), JSON.stringify({ owner: ['returns'], channel: ['marketplace'] }));
    const known = loadKnownTags(path.join(dir, 'uat.tags.json'));
    assert.ok(known.owner.includes('returns') && known.owner.includes('order-to-cash'));
    assert.ok(known.channel.includes('marketplace'));
    assert.deepEqual(known.area, DEFAULT_TAGS.area);
    writeFileSync(path.join(dir, 'uat.tags.json'), JSON.stringify({ owners: ['returns'] }));
    assert.throws(() => loadKnownTags(path.join(dir, 'uat.tags.json')), /uat\.tags\.json: owners is not a key it may have/);
  });

  it('resolves files, folders and globs such as features/**/*.feature', () => {
    const dir = scratchDir();
    mkdirSync(path.join(dir, 'features', 'a', 'b'), { recursive: true });
    for (const f of ['features/top.feature', 'features/a/one.feature', 'features/a/b/two.feature', 'features/a/notes.md']) writeFileSync(path.join(dir, f), '');
    const shown = (files: string[]) => files.map((f) => path.relative(dir, f));
    assert.deepEqual(shown(resolveFeaturePaths(['features/**/*.feature'], dir)), ['features/a/b/two.feature', 'features/a/one.feature', 'features/top.feature']);
    assert.deepEqual(shown(resolveFeaturePaths(['features/a'], dir)), ['features/a/b/two.feature', 'features/a/one.feature']);
    assert.deepEqual(shown(resolveFeaturePaths(['features/*.feature', 'features/top.feature'], dir)), ['features/top.feature']);
    assert.throws(() => resolveFeaturePaths(['features/none.feature'], dir), /features\/none\.feature: feature file not found/);
    assert.ok(resolveFeaturePaths(['features/**/*.feature']).length > 0, 'the project\'s own features');
    assert.ok(resolveFeaturePaths(['features/**/*.feature']).every((f) => f.startsWith(path.join(projectRoot, 'features'))));
  });
});
