import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ACTOR_ROLES } from '../scenarios/actors';
import { projectRoot } from '../support/config/sources';
import { buildCatalogue, catalogueAsMarkdown } from '../support/features/catalogue';
import { scratchDir } from './support/files';

const actor = { name: 'actor', values: Object.keys(ACTOR_ROLES) };

describe('step catalogue', () => {
  const catalogue = buildCatalogue([actor]);

  it('lists every step definition, with its parameters', () => {
    const ship = catalogue.find((e) => e.pattern === '{actor} ships {int} units and keeps the rest as a backorder');
    assert.ok(ship, 'the backorder step is listed');
    assert.equal(ship.keyword, 'When');
    assert.match(ship.definedAt, /^steps\/fulfilment\.steps\.ts:\d+$/);
    assert.match(ship.parameters[0] ?? '', /^\{actor\} one of: .*the warehouse/);
    assert.equal(ship.parameters[1], '{int} a whole number, e.g. 10');
  });

  it('finds an example of each step in the feature files, matched as Cucumber does', () => {
    const missing = catalogue.filter((e) => !e.example).map((e) => e.pattern);
    assert.deepEqual(missing, [], 'every step in the catalogue is used by some feature');
    const ship = catalogue.find((e) => e.pattern.startsWith('{actor} ships {int}'));
    assert.match(ship?.example?.at ?? '', /^features\/.+\.feature:\d+$/);
  });

  it('is the catalogue committed in docs/ (regenerate with `npx uat steps --markdown > docs/step-catalogue.md`)', () => {
    const committed = readFileSync(path.join(projectRoot, 'docs', 'step-catalogue.md'), 'utf8');
    assert.equal(committed.trim(), catalogueAsMarkdown(catalogue).trim());
  });

  it('does not match a step that is not defined', () => {
    const dir = scratchDir();
    const feature = path.join(dir, 'typo.feature');
    writeFileSync(feature, 'Feature: f\n  Scenario: s\n    When the warehouse ships six units and keeps the rest as a backorder\n');
    const [entry] = buildCatalogue([actor], path.join(projectRoot, 'steps'), [feature]).filter((e) => e.pattern.startsWith('{actor} ships {int}'));
    assert.equal(entry?.example, undefined);
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
