import path from 'node:path';
import type { TestInfo } from '@playwright/test';
import * as allure from 'allure-js-commons';
import { scenarioAt, type FeatureScenario } from '../features/suite';
import { parseScenarioTags } from './scenario-tags';

/**
 * Where playwright-bdd runs a test from: the fixture passes its `$bddContext`
 * (the feature file relative to the Playwright config's folder, and the
 * pickle's line: the Scenario's, or the Examples row's for an outline).
 */
export interface BddLocation {
  featureUri: string;
  config: { configDir: string };
  bddTestData: { pickleLine: number };
}

/**
 * allure-playwright turns tags into `tag` labels only; this sets the labels
 * process owners browse by. Called by an automatic fixture for every scenario.
 * The scenario's id is the one support/features/suite.ts derives (an
 * outline's Examples row gets its own, e.g. UAT-O2C-010#2), so each row is a
 * result of its own in the report, the sign-off pack, the ledger and readiness.
 */
export async function labelScenario(testInfo: Pick<TestInfo, 'tags' | 'title' | 'file'>, bdd?: BddLocation): Promise<void> {
  await allure.labels(...scenarioLabels(testInfo, bdd ? scenarioOf(bdd) : undefined));
}

/** The feature-file scenario a test runs, if its file can be read. */
export function scenarioOf(bdd: BddLocation): FeatureScenario | undefined {
  try {
    return scenarioAt(path.resolve(bdd.config.configDir, bdd.featureUri), bdd.bddTestData.pickleLine);
  } catch {
    return undefined;
  }
}

/** The labels of one test; `scenario` (when found) gives the derived id and the tags Cucumber gives the row. */
export function scenarioLabels(testInfo: Pick<TestInfo, 'tags' | 'title' | 'file'>, scenario?: FeatureScenario): { name: string; value: string }[] {
  const tags = parseScenarioTags(scenario ? scenario.tags.map((t) => t.name) : testInfo.tags, `${testInfo.file}: scenario "${testInfo.title}"`);
  const id = scenario ? scenario.id : tags.id;
  const outlineId = scenario?.outline?.outlineId;
  // An Examples row's test title is often "Example #2": the story names the outline too.
  const title = scenario?.outline && scenario.title !== testInfo.title ? `${scenario.title}: ${testInfo.title}` : testInfo.title;
  return [
    { name: 'severity', value: tags.severity },
    { name: 'story', value: id ? `${id} ${title}` : title },
    ...(tags.owner ? [{ name: 'owner', value: tags.owner }] : []),
    ...(tags.area ? [{ name: 'epic', value: tags.area }] : []),
    ...tags.channels.map((value) => ({ name: 'feature', value })),
    ...(id ? [{ name: 'scenario', value: id }] : []),
    ...(outlineId && outlineId !== id ? [{ name: 'outline', value: outlineId }] : []),
    ...tags.requirements.map((value) => ({ name: 'requirement', value })),
    ...tags.modules.map((value) => ({ name: 'requires', value })),
  ];
}
