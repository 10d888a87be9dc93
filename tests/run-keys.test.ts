import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Secret } from '../support/config/secret';
import { loadEnvironment } from '../support/config/environment';
import { secretsOf } from '../support/evidence/redaction';
import { encodeRunKeys, RUN_KEYS_VARIABLE, runKeys } from '../support/odoo/rpc/run-keys';
import { everySecretOf } from '../support/odoo/roles';
import { scratchDir, validEnvironment, writeEnvFile } from './support/files';

// As `uat run` hands them to its workers (this test file runs in a process of its own).
process.env[RUN_KEYS_VARIABLE] = encodeRunKeys(new Map([['uat.sales@harness.invalid', new Secret('key-of-the-run-1234')]]));

describe('the keys a run hands its workers', () => {
  it('reach the worker by login, as secrets', () => {
    const key = runKeys().get('uat.sales@harness.invalid');
    assert.equal(key?.reveal(), 'key-of-the-run-1234');
    assert.equal(String(key), '[redacted]');
  });

  it('are among the secrets kept out of traces, attachments and recordings', () => {
    const environment = loadEnvironment(writeEnvFile(scratchDir(), 'w', validEnvironment)).environment;
    assert.ok(everySecretOf(environment).includes('key-of-the-run-1234'));
    assert.ok(secretsOf(environment).some((s) => s.reveal() === 'key-of-the-run-1234'));
  });
});
