import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildAllureReport, environmentInfo } from '../../support/evidence/allure-report';
import { secretsOfNamedEnvironment } from '../../support/evidence/redaction';
import { defaultLedgerFile } from '../../support/signoff/ledger';
import { buildSignoffPack } from '../../support/signoff/pack/build';
import { loadRunEvidence } from '../../support/signoff/run-evidence';
import type { Command } from './index';

export const reportCommand: Command = {
  summary: "build a run's Allure report (one HTML file) and its sign-off pack (a page per process owner)",
  usage: 'uat report [--run RUN|latest] [--ledger FILE]',
  run,
};

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { run: { type: 'string', default: 'latest' }, ledger: { type: 'string' } },
    strict: true,
  });
  const evidence = loadRunEvidence(values.run, values.ledger ? path.resolve(values.ledger) : defaultLedgerFile());
  const { run: runRef, resultsDir, scenarios, signoffs } = evidence;
  const secrets = secretsOfNamedEnvironment(runRef.info.environment);
  if (!secrets) console.warn(`uat: warning: environment "${runRef.info.environment ?? '?'}" is not on this machine; error messages in the pack are not redacted`);

  const allure = await buildAllureReport({
    resultsDir,
    outputDir: path.join(runRef.dir, 'allure-report'),
    name: `UAT ${runRef.runId}`,
    environment: environmentInfo(runRef.info, scenarios),
  });
  const pack = buildSignoffPack({ run: runRef.info, resultsDir, signoffs, outputDir: path.join(runRef.dir, 'signoff-pack'), secrets: secrets ?? [] });
  const shown = (file: string) => path.relative(process.cwd(), file);
  console.log(`uat: ${scenarios.length} scenario(s) of run ${runRef.runId}`);
  console.log(`uat: Allure report  ${shown(allure)}`);
  console.log(`uat: sign-off pack  ${shown(pack)}`);
  return 0;
}
