import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { cucumberReporter, defineBddConfig } from 'playwright-bdd';
import { chromiumLaunchOptions } from '../../../../support/odoo/ui/browser';

/**
 * Records the allure-results under tests/recorded/allure/ from a real run of
 * the harness's fixtures against a live Odoo (see ../README.md).
 */
const runDir = process.env.UAT_RUN_DIR ?? path.resolve('reports/runs/recording');
const root = path.resolve(import.meta.dirname, '../../../..');

export default defineConfig({
  testDir: defineBddConfig({
    features: [path.join(import.meta.dirname, '*.feature')],
    steps: [path.join(import.meta.dirname, 'recording.steps.ts'), path.join(root, 'support/fixtures.ts')],
    featuresRoot: root,
    outputDir: path.join(runDir, 'specs'),
  }),
  outputDir: path.join(runDir, 'test-results'),
  reporter: [
    ['list'],
    ['allure-playwright', { resultsDir: path.join(runDir, 'allure-results'), detail: false }],
    cucumberReporter('json', { outputFile: path.join(runDir, 'cucumber.json') }),
    cucumberReporter('junit', { outputFile: path.join(runDir, 'junit.xml') }),
  ],
  workers: 1,
  use: { launchOptions: chromiumLaunchOptions(), viewport: { width: 800, height: 500 } },
});
