import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import AdmZip from 'adm-zip';
import { scrubTrace } from '../support/odoo/ui/trace-scrubber';
import { scratchDir } from './support/files';

/** A trace as Playwright writes it: a network log of HAR-like entries, an event log and resources. */
function traceWith(cookie: string, key: string, password: string): string {
  const file = path.join(scratchDir(), 'trace.zip');
  const zip = new AdmZip();
  const network = {
    type: 'resource-snapshot',
    snapshot: {
      request: {
        url: 'http://odoo.test/web/dataset/call_kw/sale.order/action_confirm',
        headers: [{ name: 'Cookie', value: `frontend_lang=en_US; session_id=${cookie}` }, { name: 'Authorization', value: `bearer ${key}` }],
        cookies: [{ name: 'session_id', value: cookie }],
        postData: { text: `{"params":{"password":"${password}"}}` },
      },
      response: { headers: [{ name: 'Set-Cookie', value: `session_id=${cookie}; HttpOnly; Path=/` }] },
    },
  };
  zip.addFile('trace.network', Buffer.from(JSON.stringify(network) + '\n'));
  zip.addFile('trace.trace', Buffer.from(JSON.stringify({ type: 'log', message: `document.cookie is session_id=${cookie}` }) + '\n'));
  zip.addFile('resources/page@1.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  zip.writeZip(file);
  return file;
}

describe('trace scrubbing', () => {
  it('removes session cookies, authorization headers and the run secrets from every text entry', () => {
    const cookie = 'b6d2f0c1a9e84f7d8c3b2a1f0e9d8c7b6a5f4e3d';
    const key = 'f3a9c1e7d5b3a1f9e7c5a3b1d9f7e5c3';
    const password = 'Uat-9fTq2LmZx';
    const file = traceWith(cookie, key, password);
    const replaced = scrubTrace(file, [password]);
    assert.ok(replaced >= 6, `replaced ${replaced} values`);
    const zip = new AdmZip(file);
    const text = zip.getEntries().map((e) => e.getData().toString('latin1')).join('\n');
    for (const secret of [cookie, key, password]) assert.ok(!text.includes(secret), `the trace still holds ${secret}`);
    assert.match(text, /session_id=\[redacted\]/);
    assert.match(text, /"name":"Authorization","value":"\[redacted\]"/);
    assert.deepEqual([...(zip.getEntry('resources/page@1.png')?.getData() ?? [])], [0x89, 0x50, 0x4e, 0x47], 'binary entries are left as they were');
  });

  it('leaves a trace without credentials untouched', () => {
    const file = path.join(scratchDir(), 'clean.zip');
    const zip = new AdmZip();
    zip.addFile('trace.trace', Buffer.from('{"type":"log","message":"nothing to hide"}\n'));
    zip.writeZip(file);
    assert.equal(scrubTrace(file, ['Uat-9fTq2LmZx']), 0);
  });
});
