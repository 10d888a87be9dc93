import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { relativeToRoot } from '../../support/config/sources';
import { shardProblems } from '../../support/evidence/shards';
import { defaultCriteriaFile, loadCriteria } from '../../support/signoff/criteria';
import { defaultLedgerFile } from '../../support/signoff/ledger';
import { decideReadiness } from '../../support/signoff/readiness';
import { loadRunEvidence } from '../../support/signoff/run-evidence';

/** NO-GO fails a pipeline; GO WITH RISK fails it only with --strict. */
const FAILED = 1;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      run: { type: 'string', default: 'latest' },
      criteria: { type: 'string' },
      ledger: { type: 'string' },
      strict: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const criteria = loadCriteria(values.criteria ? path.resolve(values.criteria) : defaultCriteriaFile());
  const { run: runRef, scenarios, signoffs } = loadRunEvidence(values.run, values.ledger ? path.resolve(values.ledger) : defaultLedgerFile());
  const today = new Date().toISOString().slice(0, 10);
  const readiness = decideReadiness(scenarios, signoffs, criteria.criteria, today, runRef.info.suite, shardProblems(runRef.info));

  const output = path.join(runRef.dir, 'readiness.json');
  writeFileSync(
    output,
    JSON.stringify({ runId: runRef.runId, decidedAt: new Date().toISOString(), criteria: { file: criteria.file, sha256: criteria.sha256 }, ...readiness }, null, 2),
  );
  console.log(`${readiness.verdict}: run ${runRef.runId} against ${criteria.file}`);
  for (const reason of readiness.reasons) console.log(`  ${reason.level.padEnd(7)} ${reason.message}`);
  for (const a of readiness.areas) {
    console.log(`  area    ${a.area}: ${a.passRate}% passed (${a.passed} of ${a.scenarios}${a.waived ? `, ${a.waived} waived` : ''}; needs ${a.minPassRate}%)`);
  }
  console.log(`  written to ${relativeToRoot(output)}`);
  if (readiness.verdict === 'NO-GO') return FAILED;
  return readiness.verdict === 'GO WITH RISK' && values.strict ? FAILED : 0;
}
