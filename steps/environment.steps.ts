import { assertSupportedVersion, checkTargetAnswers } from '../scenarios/environment';
import type { ServerVersion } from '../support/odoo/server';
import { Then, When } from '../support/fixtures';

When('QA checks the Odoo test environment', async ({ harness, scenario }) => {
  scenario.remember('the server version', await checkTargetAnswers(harness));
});

Then('Odoo answers with a version from {int} onwards', async ({ scenario }, oldestMajor: number) => {
  assertSupportedVersion(scenario.recall<ServerVersion>('the server version'), oldestMajor);
});
