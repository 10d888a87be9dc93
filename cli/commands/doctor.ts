import { parseArgs } from 'node:util';
import { loadEnvironment } from '../../support/config/environment';
import { HarnessError } from '../../support/config/errors';
import { needsOfFeatureFiles } from '../../support/features/feature-needs';
import { featureFiles } from '../../support/features/requirements';
import { examineTarget } from '../../support/odoo/doctor';
import { RUN_IDENTITIES_VARIABLE } from '../../support/odoo/rpc/run-identities';
import { checkBrowserServer } from '../../support/odoo/ui/remote-browser';
import { chosenEnvironment } from './environment-option';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { env: { type: 'string' } }, strict: true });
  const envName = chosenEnvironment(values.env);
  // Identities are handed down by a run to its workers only: a value left in this shell is not the doctor's.
  delete process.env[RUN_IDENTITIES_VARIABLE];
  const { environment, warnings } = loadEnvironment(envName, { overrides: process.env });
  for (const warning of warnings) console.warn(`uat: warning: ${warning}`);
  console.log(`doctor: checking ${environment.file} (${environment.odoo.url})`);
  const report = await examineTarget(environment, await needsOfFeatureFiles(featureFiles()));
  // The browser server the environment names, checked as `uat run` checks it.
  const browserServer = await checkBrowserServer(environment).catch((error: unknown) => {
    if (!(error instanceof HarnessError)) throw error;
    report.problems.push(error.message);
  });
  if (browserServer) report.lines.push(browserServer);
  for (const line of report.lines) console.log(`  ${line}`);
  if (report.problems.length === 0) {
    console.log('doctor: OK — the target is ready for a run');
    return 0;
  }
  for (const problem of report.problems) console.error(`uat: ${problem}`);
  console.error(`doctor: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} — fix ${report.problems.length === 1 ? 'it' : 'them'} before a run`);
  return 1;
}
