import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { projectRoot } from '../support/config/sources';
import { anyOfWords, buildCatalogue, catalogueAsMarkdown, type CatalogueEntry } from '../support/features/catalogue';
import { loadKnownTags } from '../support/features/known-tags';
import { loadStepDefinitions, type StepDefinitions } from '../support/features/load-steps';
import { featureFiles } from '../support/features/requirements';
import { parseFeature, parseFeatures } from '../support/features/suite';
import { scratchDir } from './support/files';

describe('step catalogue (from the step registry: steps/ imported offline)', () => {
  let definitions: StepDefinitions;
  let catalogue: CatalogueEntry[];
  before(async () => {
    definitions = await loadStepDefinitions();
    catalogue = buildCatalogue(definitions.steps, definitions.parameters, parseFeatures(featureFiles()));
  });
  const entry = (pattern: string) => {
    const found = catalogue.find((e) => e.pattern === pattern);
    assert.ok(found, `the catalogue lists "${pattern}"`);
    return found;
  };

  it('lists every step definition, with where it is defined and its parameters', () => {
    const ship = entry('{actor} ships {int} units and keeps the rest as a backorder');
    assert.equal(ship.keyword, 'When');
    assert.match(ship.definedAt, /^steps\/fulfilment\.steps\.ts:\d+$/);
    assert.match(ship.parameters[0] ?? '', /^\{actor\} one of the actors listed above/);
    assert.equal(ship.parameters[1], '{int} a whole number, e.g. 10');
    assert.ok(definitions.parameters.find((p) => p.name === 'actor')?.values.includes('the warehouse'));
  });

  it('lists the columns of a table step with their types, and an example with its table header', () => {
    const quotation = entry('{actor} enters a quotation for {string} with:');
    assert.deepEqual(
      quotation.table?.map((c) => [c.name, c.required]),
      [['product', true], ['quantity', true], ['price', false], ['discount', false]],
    );
    assert.match(quotation.table?.find((c) => c.name === 'quantity')?.type ?? '', /whole number/);
    assert.match(quotation.example?.table?.[0] ?? '', /^\| product +\| quantity/);
    assert.equal(entry('a customer {string}').table, undefined);
  });

  it('finds an example of each step in the feature files, matched as Cucumber does', () => {
    const missing = catalogue.filter((e) => !e.example).map((e) => e.pattern);
    assert.deepEqual(missing, [], 'every step in the catalogue is used by some feature');
    const ship = entry('{actor} ships {int} units and keeps the rest as a backorder');
    assert.match(ship.example?.at ?? '', /^features\/.+\.feature:\d+$/);
    assert.match(ship.example?.text ?? '', /^When the warehouse ships \d+ units and keeps the rest as a backorder$/, 'the keyword is what the step does, whatever And it was written with');
  });

  it('does not take a step that is not defined as an example', () => {
    const file = path.join(scratchDir(), 'typo.feature');
    writeFileSync(file, 'Feature: f\n  Scenario: s\n    When the warehouse ships six units and keeps the rest as a backorder\n');
    const [only] = buildCatalogue(definitions.steps, definitions.parameters, [parseFeature(file)]).filter((e) => e.pattern === '{actor} ships {int} units and keeps the rest as a backorder');
    assert.equal(only?.example, undefined);
  });

  it('is the catalogue committed in docs/ (regenerate with `npx uat steps --markdown > docs/step-catalogue.md`)', () => {
    const committed = readFileSync(path.join(projectRoot, 'docs', 'step-catalogue.md'), 'utf8');
    assert.equal(committed.trim(), catalogueAsMarkdown(catalogue, definitions.parameters, loadKnownTags()).trim());
  });

  it('gives the editor (Cucumber for VS Code) the features, the glue and the {actor} phrases', () => {
    const settings = JSON.parse(readFileSync(path.join(projectRoot, '.vscode', 'settings.json'), 'utf8')) as {
      'cucumber.features': string[];
      'cucumber.glue': string[];
      'cucumber.parameterTypes': { name: string; regexp: string }[];
    };
    assert.deepEqual(settings['cucumber.features'], ['features/**/*.feature']);
    assert.deepEqual(settings['cucumber.glue'], ['steps/**/*.ts']);
    const actors = definitions.parameters.find((p) => p.name === 'actor')?.values ?? [];
    const expected = anyOfWords(actors).source;
    assert.equal(settings['cucumber.parameterTypes'].find((p) => p.name === 'actor')?.regexp, expected, `set "regexp" of the actor parameter type in .vscode/settings.json to ${JSON.stringify(expected)}`);
    const extensions = JSON.parse(readFileSync(path.join(projectRoot, '.vscode', 'extensions.json'), 'utf8')) as { recommendations: string[] };
    assert.ok(extensions.recommendations.includes('CucumberOpen.cucumber-official'));
  });
});

describe('features and steps', () => {
  it('every step of every feature file is bound to a step definition (bddgen generates them all)', () => {
    const out = path.join(scratchDir(), 'specs');
    mkdirSync(out, { recursive: true });
    const result = spawnSync(path.join(projectRoot, 'node_modules', '.bin', 'bddgen'), [], {
      cwd: projectRoot,
      env: { ...process.env, UAT_RUN_DIR: path.dirname(out), UAT_ENV: '', UAT_PATHS: '' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
});
