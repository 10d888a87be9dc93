import { createBdd, test as bddTest } from 'playwright-bdd';
import { loadEnvironment, type HarnessEnvironment } from './config/environment';
import { ConfigError } from './config/errors';
import { labelScenario } from './evidence/allure-labels';
import { ScenarioContext } from './scenario-context';

export interface ScenarioFixtures {
  /** Named records of the running scenario ("the order", "the delivery"). */
  scenario: ScenarioContext;
  allureLabels: void;
}

export interface WorkerFixtures {
  /** The validated environment this run targets (from UAT_ENV, set by `uat run`). */
  harness: HarnessEnvironment;
}

export const test = bddTest.extend<ScenarioFixtures, WorkerFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  scenario: async ({}, use) => use(new ScenarioContext()),
  // Owner, epic, feature, story and severity come from the tags; allure-playwright sets only `tag` labels.
  allureLabels: [
    async ({ $testInfo }, use) => {
      await labelScenario($testInfo);
      await use();
    },
    { auto: true },
  ],
  harness: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      const name = process.env.UAT_ENV;
      if (!name) throw new ConfigError('no environment chosen: run through `uat run --env NAME`, or set UAT_ENV');
      await use(loadEnvironment(name, { overrides: process.env }).environment);
    },
    { scope: 'worker' },
  ],
});

export const { Given, When, Then } = createBdd(test);
