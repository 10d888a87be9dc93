import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Secret } from '../support/config/secret';
import { loadEnvironment } from '../support/config/environment';
import { secretsOf } from '../support/evidence/redaction';
import { encodeRunIdentities, RUN_IDENTITIES_VARIABLE, runIdentities } from '../support/odoo/rpc/run-identities';
import { everySecretOf } from '../support/odoo/roles';
import { scratchDir, validEnvironment, writeEnvFile } from './support/files';

// As `uat run` hands them to its workers (this test file runs in a process of its own).
process.env[RUN_IDENTITIES_VARIABLE] = encodeRunIdentities(
  new Map([
    ['uat.sales@harness.invalid', { uid: 7, apiKey: new Secret('key-of-the-run-1234') }],
    ['uat.warehouse@harness.invalid', { uid: 8 }],
  ]),
);

describe('the identities a run hands its workers', () => {
  it('reach the worker by login: the user id, and the key as a secret where there is one', () => {
    const sales = runIdentities().get('uat.sales@harness.invalid');
    assert.equal(sales?.uid, 7);
    assert.equal(sales?.apiKey?.reveal(), 'key-of-the-run-1234');
    assert.equal(String(sales?.apiKey), '[redacted]');
    assert.deepEqual(runIdentities().get('uat.warehouse@harness.invalid'), { uid: 8 });
  });

  it('have their keys among the secrets kept out of traces, attachments and recordings', () => {
    const environment = loadEnvironment(writeEnvFile(scratchDir(), 'w', validEnvironment)).environment;
    assert.ok(everySecretOf(environment).includes('key-of-the-run-1234'));
    assert.ok(secretsOf(environment).some((s) => s.reveal() === 'key-of-the-run-1234'));
  });
});
