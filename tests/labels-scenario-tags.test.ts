import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from '../support/config/errors';
import { projectRoot } from '../support/config/sources';
import { scenarioLabels } from '../support/evidence/allure-labels';
import { readAllureResults } from '../support/evidence/allure-results';
import { parseScenarioTags } from '../support/evidence/scenario-tags';

describe('scenario tags', () => {
  it('reads id, owner, area, channel, severity, requirements and modules, with or without "@"', () => {
    const tags = parseScenarioTags(
      ['@smoke', '@owner:order-to-cash', 'area:order-to-cash', '@channel:wholesale', '@UAT-O2C-001', '@severity:critical', '@REQ-12', '@REQ-13', '@requires:sale_stock'],
      'x',
    );
    assert.deepEqual(tags, {
      id: 'UAT-O2C-001',
      owner: 'order-to-cash',
      area: 'order-to-cash',
      channels: ['wholesale'],
      severity: 'critical',
      requirements: ['REQ-12', 'REQ-13'],
      modules: ['sale_stock'],
    });
  });

  it('gives a scenario every channel its tags name, once each: taken in the shop and collected in the store, it is both', () => {
    assert.deepEqual(parseScenarioTags(['@channel:ecommerce', '@channel:retail', '@channel:ecommerce'], 'x').channels, ['ecommerce', 'retail']);
    const labels = scenarioLabels({ tags: ['@UAT-RET-003', '@owner:order-to-cash', '@channel:ecommerce', '@channel:retail'], title: 'Click and collect', file: 'x.spec.js' });
    assert.deepEqual(labels.filter((l) => l.name === 'feature').map((l) => l.value), ['ecommerce', 'retail'], 'an Allure feature per channel');
  });

  it('lets a scenario tag override its feature tag, and defaults severity to normal', () => {
    assert.equal(parseScenarioTags(['@owner:fulfillment', '@owner:returns'], 'x').owner, 'returns');
    assert.equal(parseScenarioTags(['@UAT-A-1'], 'x').severity, 'normal');
  });

  it('refuses an unknown severity, naming the scenario and the allowed tags', () => {
    assert.throws(
      () => parseScenarioTags(['@severity:urgent'], 'features/a.feature: scenario "S"'),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.message === 'features/a.feature: scenario "S": tag @severity:urgent is not one of @severity:blocker, @severity:critical, @severity:normal, @severity:minor, @severity:trivial',
    );
  });
});

describe('Allure labels set by the fixture (recorded from a live run)', () => {
  const dir = path.join(projectRoot, 'tests', 'recorded', 'allure', 'run-a', 'allure-results');

  it('gives every scenario owner, epic, feature, story and severity from its tags', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const results = readdirSync(dir)
      .filter((f) => f.endsWith('-result.json'))
      .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { name: string; labels: { name: string; value: string }[] });
    assert.equal(results.length, 4);
    for (const result of results) {
      const label = (name: string) => result.labels.filter((l) => l.name === name).map((l) => l.value);
      const tags = parseScenarioTags(label('tag'), result.name);
      assert.deepEqual(label('owner'), [tags.owner], result.name);
      assert.deepEqual(label('epic'), [tags.area], result.name);
      assert.deepEqual(label('feature'), tags.channels, result.name);
      assert.deepEqual(label('story'), [`${tags.id} ${result.name}`], result.name);
      assert.deepEqual(label('severity'), [tags.severity], result.name);
      assert.deepEqual(label('requirement'), tags.requirements, result.name);
    }
  });

  it('reads the recorded results back with their statuses and attachments', () => {
    const byId = new Map(readAllureResults(dir).map((r) => [r.tags.id, r]));
    assert.deepEqual(
      [...byId.entries()].map(([id, r]) => `${id} ${r.status}`).sort(),
      ['UAT-REC-001 passed', 'UAT-REC-002 failed', 'UAT-REC-003 skipped', 'UAT-REC-004 passed'],
    );
    const first = byId.get('UAT-REC-001');
    assert.deepEqual(first?.steps[0]?.attachments.map((a) => a.type), ['text/html', 'application/json'], 'attachment holders fold into their step');
    assert.equal(first?.files.length, 3, 'the result file and its two attachments');
  });
});
