import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildAllureReport, environmentInfo } from '../../support/evidence/allure-report';
import { secretsOfNamedEnvironment } from '../../support/evidence/redaction';
import { recordRunHistory } from '../../support/history/run-history';
import { defaultLedgerFile } from '../../support/signoff/ledger';
import { buildSignoffPack } from '../../support/signoff/pack/build';
import { loadRunEvidence } from '../../support/signoff/run-evidence';

/** Above this a single-file report is too big to mail and slow to open (benchmarks/report-size.ts): say that --multi-file exists. */
const HEAVY_REPORT_BYTES = 50e6;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { run: { type: 'string', default: 'latest' }, ledger: { type: 'string' }, history: { type: 'string' }, 'multi-file': { type: 'boolean', default: false } },
    strict: true,
  });
  const evidence = loadRunEvidence(values.run, values.ledger ? path.resolve(values.ledger) : defaultLedgerFile());
  const { run: runRef, resultsDir, scenarios, signoffs } = evidence;
  const secrets = secretsOfNamedEnvironment(runRef.info.environment);
  if (!secrets) console.warn(`uat: warning: environment "${runRef.info.environment ?? '?'}" is not on this machine; error messages in the pack are not redacted`);

  const history = recordRunHistory(runRef, scenarios, values.history);
  const buildAllure = (historyFile?: string) => buildAllureReport({
    resultsDir,
    outputDir: path.join(runRef.dir, 'allure-report'),
    name: `UAT ${runRef.runId}`,
    environment: environmentInfo(runRef.info, scenarios),
    singleFile: !values['multi-file'],
    ...(historyFile ? { historyFile } : {}),
  });
  const allure = history.recorded ? await history.withAllureHistory(buildAllure) : await buildAllure();
  const pack = buildSignoffPack({
    run: runRef.info, resultsDir, signoffs, outputDir: path.join(runRef.dir, 'signoff-pack'), secrets: secrets ?? [],
    ...(history.recorded ? { history: history.comparison } : {}),
  });
  const shown = (file: string) => path.relative(process.cwd(), file);
  console.log(`uat: ${scenarios.length} scenario(s) of run ${runRef.runId}`);
  if (values['multi-file']) {
    console.log(`uat: Allure report  ${shown(path.dirname(allure))}/ (multi-file: open it with npx allure open ${shown(path.dirname(allure))})`);
  } else {
    console.log(`uat: Allure report  ${shown(allure)}`);
    const bytes = statSync(allure).size;
    if (bytes > HEAVY_REPORT_BYTES) console.log(`uat: the report is ${Math.round(bytes / 1e6)} MB, too big to mail and slow to open: --multi-file builds one that loads each scenario when shown`);
  }
  console.log(`uat: sign-off pack  ${shown(pack)}`);
  console.log(history.recorded ? `uat: history        ${shown(history.folder)} (compared with ${history.comparison.runs.length - 1} earlier run(s))` : `uat: history        not kept: ${history.reason}`);
  return 0;
}
