import path from 'node:path';
import { defineConfig, type ReporterDescription } from '@playwright/test';
import { cucumberReporter, defineBddConfig } from 'playwright-bdd';
import { loadEnvironment } from './support/config/environment';
import { combineTags, loadProfile, type Profile } from './support/config/profiles';
import { browserUseOptions } from './support/odoo/ui/browser';
import { runFolder } from './support/evidence/run-folder';

// `uat run` sets these; a bare `npx playwright test` gets the default profile
// and an "adhoc" run folder.
const profile = loadProfile(process.env.UAT_PROFILE ?? 'default');
const runDir = process.env.UAT_RUN_DIR ?? runFolder('adhoc');
const environment = process.env.UAT_ENV
  ? loadEnvironment(process.env.UAT_ENV, { overrides: process.env }).environment
  : undefined;

const tags = combineTags(profile.tags, process.env.UAT_TAGS);
// Feature paths given to `uat run` replace the profile's (newline-separated).
const featurePaths = process.env.UAT_PATHS ? process.env.UAT_PATHS.split('\n') : profile.paths;

// Specs are generated into the run folder, which keeps exactly what the run executed. `uat run` then has
// Playwright run the suite cache's copy (UAT_SPECS_DIR), at the same path in every run of an unchanged
// suite: Playwright's transform cache is keyed by path, and specs at a new path were compiled afresh in its
// main process and each worker at every run (0.3-0.6 s of the run's start, seen on a warm machine).
const testDir = defineBddConfig({
  features: featurePaths,
  steps: ['steps/**/*.ts', 'support/fixtures.ts'],
  featuresRoot: '.',
  outputDir: process.env.UAT_SPECS_DIR ?? path.join(runDir, 'specs'),
  ...(tags ? { tags } : {}),
  missingSteps: 'fail-on-gen',
});

function reporters(formats: Profile['formats']): ReporterDescription[] {
  return formats.map(({ kind, output }): ReporterDescription => {
    const outputFile = (fallback: string) => path.join(runDir, output ?? fallback);
    switch (kind) {
      case 'allure':
        return ['allure-playwright', { resultsDir: path.join(runDir, output ?? 'allure-results'), detail: false }];
      case 'json':
        return cucumberReporter('json', { outputFile: outputFile('cucumber.json') });
      case 'junit':
        return cucumberReporter('junit', { outputFile: outputFile('junit.xml') });
      case 'html':
        return cucumberReporter('html', { outputFile: outputFile('cucumber.html') });
    }
  });
}

export default defineConfig({
  testDir,
  outputDir: path.join(runDir, 'test-results'),
  // The trace scrubber comes before Allure's reporter, which copies each failed scenario's trace.
  reporter: [['list'], ['./support/odoo/ui/trace-scrubber.ts'], ...reporters(profile.formats)],
  retries: profile.retries,
  ...(profile.workers ? { workers: profile.workers } : {}),
  timeout: 5 * 60_000,
  use: {
    // A UI action that cannot find its element fails within a minute, not at the scenario's limit.
    actionTimeout: 60_000,
    navigationTimeout: 60_000,
    // A Chromium launched here, or the browser server's of UAT_BROWSER_WS_ENDPOINT.
    ...browserUseOptions(environment?.browser),
    // A failed scenario keeps its trace: actions, network and console, without DOM snapshots or screencast. Those
    // made every web-client act about a quarter slower (seen on 19: 37.3 s of acts against 30.5 s for three
    // scenarios), and each act already attaches its screenshot, a failed one the page's HTML too.
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
    // Role pages live in worker-scoped contexts of our own, which Playwright's video option does not reach: no videos.
    video: 'off',
    // Each web-client act attaches its own JPEG, a failed act the whole page. Playwright's own screenshot would add
    // a PNG of every page still open in the worker, earlier scenarios' role pages too, to a failed scenario.
    screenshot: 'off',
  },
});
