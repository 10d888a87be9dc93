import { assertSupportedVersion, checkTargetAnswers } from '../scenarios/environment';
import { Then, When } from './define';

When('QA checks the Odoo test environment', async ({ harness, scenario }) => {
  scenario.remember('the server version', await checkTargetAnswers(harness));
});

Then('Odoo answers with a version from {int} onwards', async ({ scenario }, oldestMajor: number) => {
  assertSupportedVersion(scenario.recall('the server version'), oldestMajor);
});
