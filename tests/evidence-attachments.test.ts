import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Secret } from '../support/config/secret';
import { readAllureResults } from '../support/evidence/allure-results';
import { attachRecordSnapshot, attachScreenshot, attachText } from '../support/evidence/attachments';
import { isRecordDocument } from '../support/evidence/record-snapshot';
import { copyRecordedRun } from './support/recorded-runs';

interface Attached {
  name: string;
  body: string | Buffer;
  contentType: string;
}

/** Stands in for Playwright's TestInfo: collects what would be attached. */
function fakeTestInfo() {
  const attached: Attached[] = [];
  return {
    attached,
    attach: async (name: string, options: { body?: string | Buffer; contentType?: string }) => {
      attached.push({ name, body: options.body ?? '', contentType: options.contentType ?? '' });
    },
  };
}

const password = new Secret('s3cret-Pa55');
const order = {
  label: 'the order',
  model: 'sale.order',
  id: 42,
  displayName: 'S00042',
  url: 'http://odoo.test/odoo/sale.order/42',
  fields: { state: 'sale', partner_id: [7, 'Deco Addict'], note: `keyed in with s3cret-Pa55 <script>alert(1)</script>`, api_key: 'abc', invoice_ids: [] },
};

describe('evidence API', () => {
  it('attaches a record as a readable HTML table with a deep link, and as JSON the reports read back', async () => {
    const info = fakeTestInfo();
    await attachRecordSnapshot(info, order, { secrets: [password] });
    assert.deepEqual(info.attached.map((a) => [a.name, a.contentType]), [
      ['the order: S00042', 'text/html'],
      ['the order: S00042 (record)', 'application/json'],
    ]);
    const html = String(info.attached[0]?.body);
    assert.match(html, /<th>partner_id<\/th><td>Deco Addict \(#7\)<\/td>/);
    assert.match(html, /<th>invoice_ids<\/th><td>—<\/td>/);
    assert.match(html, /<a href="http:\/\/odoo.test\/odoo\/sale.order\/42">open in Odoo<\/a>/);
    assert.doesNotMatch(html, /<script>/, 'field values are escaped');
    const document: unknown = JSON.parse(String(info.attached[1]?.body));
    assert.ok(isRecordDocument(document));
    assert.equal(document.id, 42);
  });

  it('never lets a secret through: neither its value anywhere nor a secret-named field', async () => {
    const info = fakeTestInfo();
    await attachRecordSnapshot(info, order, { secrets: [password] });
    await attachText(info, 'log with s3cret-Pa55', 'login admin / s3cret-Pa55', 'text/plain', { secrets: [password] });
    for (const { name, body } of info.attached) {
      assert.doesNotMatch(`${name} ${String(body)}`, /s3cret-Pa55/);
    }
    assert.match(String(info.attached[2]?.body), /login admin \/ \[redacted\]/);
    const fields = (JSON.parse(String(info.attached[1]?.body)) as { fields: Record<string, unknown> }).fields;
    assert.equal(fields.api_key, '[redacted]');
    assert.equal(fields.note, 'keyed in with [redacted] <script>alert(1)</script>');
  });

  it('replaces a short password only where it stands as a word of its own', async () => {
    const info = fakeTestInfo();
    await attachText(info, 'the user', 'is_admin: true; password admin; "admin"', 'text/plain', { secrets: [new Secret('admin')] });
    assert.equal(String(info.attached[0]?.body), 'is_admin: true; password [redacted]; "[redacted]"');
  });

  it('refuses a snapshot without an absolute deep link', async () => {
    await assert.rejects(attachRecordSnapshot(fakeTestInfo(), { ...order, url: '/odoo/sale.order/42' }), /needs an absolute deep link/);
  });

  it('attaches a PNG screenshot as PNG', async () => {
    const info = fakeTestInfo();
    await attachScreenshot(info, 'the confirmed order', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    assert.deepEqual(info.attached.map((a) => a.contentType), ['image/png']);
  });

  it('collapses a retried scenario into its last attempt', () => {
    const dir = path.join(copyRecordedRun('run-a'), 'allure-results');
    const file = readdirSync(dir).find((f) => f.endsWith('-result.json') && readFileSync(path.join(dir, f), 'utf8').includes('UAT-REC-002'));
    assert.ok(file);
    const failed = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { start: number; status: string; uuid: string };
    writeFileSync(path.join(dir, `retry-result.json`), JSON.stringify({ ...failed, uuid: 'retry', status: 'passed', start: failed.start + 1000 }));
    const results = readAllureResults(dir).filter((r) => r.tags.id === 'UAT-REC-002');
    assert.deepEqual(results.map((r) => [r.status, r.attempts]), [['passed', 2]]);
  });
});
