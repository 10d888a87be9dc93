import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/sources';

/** Which harness ran: its package version and git commit (marked when the checkout has uncommitted changes). */
export function harnessIdentity(root = projectRoot): { version: string; commit: string } {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { version, commit: harnessCommit(root) };
}

function harnessCommit(root: string): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : '';
    return `${git('rev-parse', '--short=12', 'HEAD')}${dirty}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}
