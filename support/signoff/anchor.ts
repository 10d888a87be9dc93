import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describeEntry, type LedgerLine } from './ledger';

/**
 * The ledger as the last commit has it, when it is in a git work tree and
 * committed: the anchor that a cut or rewritten tail is measured against.
 */
export function committedLedger(file: string): string | undefined {
  const dir = path.dirname(file);
  const top = spawnSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' });
  if (top.status !== 0) return undefined;
  const relative = path.relative(top.stdout.trim(), file);
  const shown = spawnSync('git', ['-C', dir, 'show', `HEAD:${relative.split(path.sep).join('/')}`], { encoding: 'utf8' });
  return shown.status === 0 ? shown.stdout : undefined;
}

/** Entries the commit has that the ledger on disk lost or changed: the committed ledger must be a prefix of the current one. */
export function anchorProblems(lines: readonly LedgerLine[], committed: string | undefined): string[] {
  if (committed === undefined) return [];
  const anchored = committed.split('\n').filter((text) => text.trim() !== '');
  const problems: string[] = [];
  anchored.forEach((text, index) => {
    const now = lines[index];
    if (!now) problems.push(`entry ${index + 1} (${summary(text)}) is in the committed ledger but gone from this one: its tail was cut`);
    else if (now.text.trim() !== text.trim()) problems.push(`${describeEntry(now)}: differs from the committed ledger's entry ${index + 1}`);
  });
  return problems;
}

function summary(text: string): string {
  try {
    const entry = JSON.parse(text) as { decision?: string; scenario?: string; owner?: string };
    return `${entry.decision} ${entry.scenario} by ${entry.owner}`;
  } catch {
    return 'not JSON';
  }
}
