import AdmZip from 'adm-zip';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { loadEnvironment } from '../../config/environment';
import { everySecretOf } from '../roles';

const REDACTED = '[redacted]';

/** Header and cookie values that log someone in: Odoo's session cookie, a bearer key. */
const CREDENTIAL_PATTERNS: [RegExp, string][] = [
  [/("name":\s*"(?:cookie|set-cookie|authorization|x-openerp-session-id)",\s*"value":\s*")(?:[^"\\]|\\.)*"/gi, `$1${REDACTED}"`],
  [/("name":\s*"session_id",\s*"value":\s*")(?:[^"\\]|\\.)*"/g, `$1${REDACTED}"`],
  [/session_id=[^;"\\\s,]+/g, `session_id=${REDACTED}`],
  [/\bbearer\s+[A-Za-z0-9._~+/=-]{8,}/gi, `bearer ${REDACTED}`],
];

/** Text entries of a trace: its event and network logs and the JSON or HTML resources they point to. */
const TEXT_ENTRY = /\.(trace|network|stacks|json|html|txt|js|css)$/;

/**
 * Removes credentials from a Playwright trace in place: session cookies and
 * authorization headers in its network log and resources, and the given
 * secrets anywhere in its text. Returns how many values it replaced.
 */
export function scrubTrace(file: string, secrets: readonly string[]): number {
  const zip = new AdmZip(file);
  let replaced = 0;
  for (const entry of zip.getEntries()) {
    if (entry.isDirectory || !TEXT_ENTRY.test(entry.entryName)) continue;
    const before = entry.getData().toString('utf8');
    let after = before;
    for (const [pattern, replacement] of CREDENTIAL_PATTERNS) {
      after = after.replace(pattern, (...match) => {
        replaced += 1;
        return replacement.replace('$1', String(match[1] ?? ''));
      });
    }
    for (const secret of secrets.filter((s) => s.length >= 4)) {
      const parts = after.split(secret);
      replaced += parts.length - 1;
      after = parts.join(REDACTED);
    }
    if (after !== before) zip.updateFile(entry, Buffer.from(after, 'utf8'));
  }
  if (replaced) zip.writeZip(file);
  return replaced;
}

/**
 * A reporter listed before allure-playwright: it scrubs each failed
 * scenario's trace before Allure copies it into its results (and from
 * there into the report and the sign-off pack).
 */
export default class TraceScrubber implements Reporter {
  readonly #secrets = process.env.UAT_ENV ? everySecretOf(loadEnvironment(process.env.UAT_ENV, { overrides: process.env }).environment) : [];

  onTestEnd(_test: TestCase, result: TestResult): void {
    for (const attachment of result.attachments) {
      if (attachment.name === 'trace' && attachment.path) scrubTrace(attachment.path, this.#secrets);
    }
  }

  printsToStdio(): boolean {
    return false;
  }
}
