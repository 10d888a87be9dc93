import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Scenario } from './scenarios';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The fingerprint a sign-off is bound to: the SHA-256 of every file of the
 * scenario's evidence (its Allure result files and attachments). A re-run
 * writes new files, so its digest differs; so does one edited byte.
 * A missing file counts as its name with no content, so deleting evidence changes the digest too.
 */
export function evidenceDigest(scenario: Scenario, resultsDir: string): string {
  const lines = scenario.results
    .flatMap((result) => result.files)
    .sort()
    .map((file) => {
      const full = path.join(resultsDir, file);
      return `${file}\t${existsSync(full) ? sha256(readFileSync(full)) : 'missing'}`;
    });
  return `sha256:${sha256(lines.join('\n'))}`;
}
