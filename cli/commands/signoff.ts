import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../../support/config/errors';
import { relativeToRoot } from '../../support/config/sources';
import { recordDecision } from '../../support/signoff/decide';
import { defaultLedgerFile, type Decision } from '../../support/signoff/ledger';
import { loadRunEvidence } from '../../support/signoff/run-evidence';
import { describeSignoff } from '../../support/signoff/status';
import { verifyLedger } from '../../support/signoff/verify';

export async function run(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      run: { type: 'string' },
      scenario: { type: 'string' },
      owner: { type: 'string' },
      comment: { type: 'string' },
      ledger: { type: 'string' },
      key: { type: 'string' },
    },
    strict: true,
  });
  const ledger = values.ledger ? path.resolve(values.ledger) : defaultLedgerFile();
  switch (action) {
    case 'approve':
    case 'reject':
      return decide(action, values, ledger);
    case 'status':
      return status(values.run ?? 'latest', ledger);
    case 'verify':
      return verify(ledger);
    default:
      throw new ConfigError(`uat signoff needs one of approve, reject, status, verify (got ${action ? `"${action}"` : 'nothing'})`);
  }
}

function decide(decision: Decision, values: Record<string, string | undefined>, ledger: string): number {
  const missing = ['run', 'scenario', 'owner', 'comment'].filter((key) => !values[key]);
  if (missing.length) throw new ConfigError(`uat signoff ${decision} needs ${missing.map((key) => `--${key}`).join(', ')}`);
  const evidence = loadRunEvidence(values.run as string, ledger);
  const entry = recordDecision(
    evidence,
    { decision, scenario: values.scenario as string, owner: values.owner as string, comment: values.comment as string, ...(values.key ? { key: path.resolve(values.key) } : {}) },
    ledger,
  );
  console.log(`uat: ${entry.scenario} ${decision === 'approve' ? 'approved' : 'rejected'} by ${entry.owner} for run ${entry.runId} (entry ${entry.seq} of ${relativeToRoot(ledger)}${entry.signature ? ', signed' : ''})`);
  return 0;
}

function status(runRef: string, ledger: string): number {
  const { run, signoffs } = loadRunEvidence(runRef, ledger);
  console.log(`Sign-off of run ${run.runId} (${relativeToRoot(ledger)}):`);
  for (const signoff of signoffs) {
    const { scenario } = signoff;
    console.log(`  ${signoff.state.padEnd(10)} ${scenario.id.padEnd(16)} ${scenario.status.padEnd(7)} ${scenario.tags.owner ?? '(no owner)'}: ${describeSignoff(signoff)}`);
  }
  const count = (state: string) => signoffs.filter((s) => s.state === state).length;
  console.log(`  ${count('approved')} approved, ${count('rejected')} rejected, ${count('stale')} stale, ${count('pending')} pending`);
  return 0;
}

function verify(ledger: string): number {
  const result = verifyLedger(ledger);
  for (const problem of result.problems) console.error(`uat: ${relativeToRoot(ledger)}: ${problem}`);
  if (result.runsNotOnDisk.length) {
    console.log(`uat: evidence not on this machine for run(s) ${result.runsNotOnDisk.join(', ')}: their entries' chain was checked, their evidence was not`);
  }
  if (result.problems.length) return 1;
  console.log(`uat: ${relativeToRoot(ledger)}: ${result.entries} entries, chain intact, evidence unchanged; head ${result.head}`);
  return 0;
}
