import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadEnvironment } from '../support/config/environment';
import { AuthenticationError } from '../support/odoo/errors';
import { KEY_LIFETIME_HOURS } from '../support/odoo/rpc/api-keys';
import { loadRecording, REPLAYED_PASSWORD, SECRET_PLACEHOLDER } from './support/exchanges';
import { exerciseApiKeys } from './support/exercise-api-keys';
import { scratchDir, writeEnvFile } from './support/files';
import { replayOdoo } from './support/replay-odoo';

const recording = loadRecording('apikeys-odoo19-json2.json');

describe('API keys a run makes for itself on Odoo 19 (answers recorded live)', () => {
  it('makes a key from the password through the identity check, uses it over JSON-2, revokes it, and is refused with it after', async () => {
    const replay = await replayOdoo(recording, [REPLAYED_PASSWORD]);
    try {
      const file = writeEnvFile(scratchDir(), 'keys', { ODOO_URL: replay.url, ODOO_DB: recording.db, ODOO_LOGIN: 'admin', ODOO_PASSWORD: REPLAYED_PASSWORD, UAT_TEST_TARGET: 'true' });
      const outcomes = await exerciseApiKeys(loadEnvironment(file).environment, () => {});
      assert.deepEqual(replay.mismatches, []);
      assert.equal(replay.replayed(), recording.exchanges.length);

      const refused = outcomes['wrong-password'];
      assert.ok(refused && 'error' in refused && refused.error instanceof AuthenticationError, 'a wrong password is an authentication error');
      assert.match(refused.error.message, /^Odoo refused the login or password of "admin" on .* while making its API key/);

      const made = outcomes['make-key'];
      assert.ok(made && 'value' in made);
      assert.equal(String(made.value), '[redacted]', 'the key prints as redacted');
      const sent = (label: string) => recording.exchanges.filter((e) => e.label === label).map((e) => e.request);
      const [create, makeKey, check] = sent('make-key').slice(1);
      const description = JSON.parse(create?.body ?? '{}').params.args[0];
      assert.match(description.name, /^uat-harness recording admin$/);
      assert.equal(description.duration, '-1', 'a custom expiry, shorter than any of Odoo\'s durations');
      const lifetimeHours = (Date.parse(`${description.expiration_date}Z`) - Date.parse(recording.recordedAt)) / 3_600_000;
      assert.ok(lifetimeHours > KEY_LIFETIME_HOURS - 0.1 && lifetimeHours <= KEY_LIFETIME_HOURS, `the key lives ${lifetimeHours.toFixed(2)} h`);
      assert.match(makeKey?.path ?? '', /apikeys\.description\/make_key$/);
      assert.deepEqual(JSON.parse(check?.body ?? '{}').params.kwargs, { context: { password: SECRET_PLACEHOLDER } }, 'the identity check gets the password, as a placeholder in the recording');

      assert.deepEqual(outcomes['use-key'], { value: 2 }, 'JSON-2 knows the key as the admin (uid 2)');
      assert.deepEqual(outcomes.revoke, { value: { revoked: ['admin'], failed: [] } });
      assert.deepEqual(sent('revoke').map((r) => r.path.split('/').slice(-2).join('.')), ['res.users.apikeys.search', 'res.users.apikeys.remove']);
      const after = outcomes['revoked-key'];
      assert.ok(after && 'error' in after && after.error instanceof AuthenticationError, 'Odoo refuses the revoked key at once');
    } finally {
      await replay.close();
    }
  });

  it('holds no key: the one Odoo showed is the placeholder in the recording', () => {
    const shown = recording.exchanges.find((e) => e.response.body.includes('default_key'));
    assert.ok(shown);
    assert.match(shown.response.body, /"default_key": "\[secret\]"/);
  });
});
