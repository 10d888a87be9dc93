import { createBdd, test as bddTest } from 'playwright-bdd';
import type { HarnessEnvironment } from './config/environment';
import type { OdooGateway } from './odoo/gateway';
import type { RoleSessions } from './odoo/ui/role-sessions';
import type { ScenarioNotes } from './scenario-notes';
import type { World } from './world';

export interface ScenarioFixtures {
  /** What the running scenario notes: "the order", "the delivery", products and customers by alias. */
  scenario: ScenarioNotes;
  allureLabels: void;
  /** Everything a scenario's tasks work with. */
  uat: World;
}

export interface WorkerFixtures {
  /** The validated environment this run targets (from UAT_ENV, set by `uat run`). */
  harness: HarnessEnvironment;
  /** One connection to Odoo per worker: capabilities detected once, a client per role. */
  odoo: OdooGateway;
  /** Role logins in the web client, once per role per worker. */
  roleSessions: RoleSessions;
}

// The fixtures' work is loaded when a worker first needs it: Playwright's main process imports this file
// to list the tests, and loading the harness there as well took about 0.5 s of every run's start.
const runtime = () => import('./fixtures-runtime');

export const test = bddTest.extend<ScenarioFixtures, WorkerFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  scenario: async ({}, use) => use((await runtime()).newScenarioNotes()),
  // Owner, epic, feature, story and severity come from the tags; allure-playwright sets only `tag` labels.
  allureLabels: [
    async ({ $testInfo, $bddContext }, use) => {
      await (await runtime()).labelScenario($testInfo, $bddContext);
      await use();
    },
    { auto: true },
  ],
  uat: async ({ harness, odoo, roleSessions, scenario, $testInfo, $tags, $bddContext, $test }, use) =>
    (await runtime()).provideWorld({ harness, odoo, roleSessions, scenario, $testInfo, $tags, $bddContext, $test }, use),
  harness: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
    async ({}, use) => use((await runtime()).environmentOfRun()),
    { scope: 'worker' },
  ],
  odoo: [async ({ harness }, use) => use(await (await runtime()).connectWorker(harness)), { scope: 'worker' }],
  roleSessions: [
    async ({ harness, odoo, playwright, launchOptions, connectOptions }, use) =>
      (await runtime()).provideRoleSessions({ harness, odoo, playwright, launchOptions, connectOptions }, use),
    { scope: 'worker' },
  ],
});

export const { Given, When, Then, BeforeStep } = createBdd(test);

// Each step reads Odoo afresh: between two steps Odoo may have moved on (its own scheduled jobs, other runs).
BeforeStep(({ odoo }) => odoo.memo.forget());
