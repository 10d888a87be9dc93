import type { TestInfo } from '@playwright/test';
import { HarnessError } from '../config/errors';
import { redact, type Secret } from '../config/secret';
import { RECORD_KIND, recordPage, type RecordDocument, type RecordSnapshot } from './record-snapshot';
import { redactFields, runSecrets } from './redaction';

/**
 * The evidence API for scenario tasks. Each call attaches to the running
 * scenario (to the Gherkin step it runs in) and shows up in the Allure report
 * and the sign-off pack:
 *
 *   await attachRecordSnapshot(testInfo, { label: 'the order', model: 'sale.order', id: 42,
 *     displayName: 'S00042', url: 'http://odoo/odoo/sale.order/42', fields: { state: 'sale', ... } });
 *   await attachScreenshot(testInfo, 'the confirmed order', await compactScreenshot(page));  // support/odoo/ui/screenshot.ts
 *   await attachText(testInfo, 'the RPC answer', JSON.stringify(answer, null, 2), 'application/json');
 *
 * Tasks get `testInfo` from playwright-bdd's `$testInfo` fixture (or Playwright's
 * `test.info()`). Every text attachment passes through redaction: the secrets of
 * the run's environment are replaced, and record fields named like password,
 * api_key or token lose their value. Screenshots cannot be redacted: never
 * screenshot a page that shows a secret.
 */

export interface EvidenceOptions {
  /** Secrets to remove; the run environment's (UAT_ENV) by default. */
  secrets?: Iterable<Secret | undefined>;
}

type Attacher = Pick<TestInfo, 'attach'>;

/** Attaches a record as a readable HTML table with a deep link, and as JSON the reports read back. */
export async function attachRecordSnapshot(testInfo: Attacher, record: RecordSnapshot, options: EvidenceOptions = {}): Promise<void> {
  if (!/^https?:\/\//.test(record.url)) {
    throw new Error(`the snapshot of ${record.label} needs an absolute deep link (http...), got "${record.url}"`);
  }
  const safe = redactFields(record);
  const name = `${record.label}: ${record.displayName}`;
  await attachText(testInfo, name, recordPage(safe), 'text/html', options);
  const document: RecordDocument = { kind: RECORD_KIND, ...safe };
  await attachText(testInfo, `${name} (record)`, JSON.stringify(document, null, 2), 'application/json', options);
}

/** Attaches a JPEG or PNG under the content type its bytes show, so the report and the pack open it as what it is. */
export async function attachScreenshot(testInfo: Attacher, name: string, image: Buffer): Promise<void> {
  await testInfo.attach(name, { body: image, contentType: imageContentType(name, image) });
}

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function imageContentType(name: string, image: Buffer): 'image/jpeg' | 'image/png' {
  if (image.subarray(0, 3).equals(JPEG_MAGIC)) return 'image/jpeg';
  if (image.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  const start = image.subarray(0, 8).toString('hex') || 'nothing';
  throw new HarnessError(`the screenshot "${name}" is neither a JPEG nor a PNG (its bytes start with ${start}): pass what compactScreenshot(page) returns`);
}

/** Attaches any text (a log, an RPC answer) after removing the run's secrets. */
export async function attachText(
  testInfo: Attacher,
  name: string,
  text: string,
  contentType = 'text/plain',
  options: EvidenceOptions = {},
): Promise<void> {
  const secrets = options.secrets ?? runSecrets();
  await testInfo.attach(redact(name, secrets), { body: redact(text, secrets), contentType });
}
