import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadEnvironment } from '../support/config/environment';
import { Secret } from '../support/config/secret';
import { projectRoot } from '../support/config/sources';
import { secretsOf } from '../support/evidence/redaction';
import { AuthenticationError } from '../support/odoo/errors';
import { ApiKeyRing } from '../support/odoo/rpc/api-keys';
import { Json2Transport } from '../support/odoo/rpc/json2-transport';
import { KEPT_KEY_LIFETIME_HOURS, KEPT_KEY_MIN_LIFE_HOURS, KeptKeys } from '../support/odoo/rpc/kept-keys';
import { everySecretOf, roleCredentials } from '../support/odoo/roles';
import { loadRecording, REPLAYED_PASSWORD, type Recording } from './support/exchanges';
import { scratchDir, validEnvironment, writeEnvFile } from './support/files';
import { replayOdoo } from './support/replay-odoo';

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
const SALES_PASSWORD = new Secret('sales-password');
const WAREHOUSE_PASSWORD = new Secret('warehouse-password');
const kept = (key: string, hours: number) => ({ key: new Secret(key), name: 'uat-harness run-1 a-user', expires: inHours(hours) });

describe('API keys kept between runs', () => {
  it('keeps a key per user in a file only its owner can read, sealed with its password, and gives it back while it has a rehearsal to live', () => {
    const store = KeptKeys.forDatabase(scratchDir(), 'http://odoo.test:8069', 'uat');
    store.keep('uat.sales', SALES_PASSWORD, kept('sales-key', KEPT_KEY_LIFETIME_HOURS));
    store.keep('uat.warehouse', WAREHOUSE_PASSWORD, kept('warehouse-key', KEPT_KEY_MIN_LIFE_HOURS - 0.5));
    assert.equal(statSync(store.file).mode & 0o777, 0o600);
    assert.equal(statSync(path.dirname(store.file)).mode & 0o777, 0o700);
    const file = readFileSync(store.file, 'utf8');
    assert.doesNotMatch(file, /sales-key|warehouse-key/, 'the file holds no key in the clear');
    assert.equal(store.usable('uat.sales', SALES_PASSWORD)?.key.reveal(), 'sales-key');
    assert.equal(store.usable('uat.sales', new Secret('changed-since')), undefined, 'another password opens nothing: a new key is made');
    assert.equal(store.usable('uat.warehouse', WAREHOUSE_PASSWORD), undefined, 'a key that could expire during a long rehearsal is not used');
    assert.equal(store.usable('uat.purchase', SALES_PASSWORD), undefined);
    assert.deepEqual(store.openedBy([WAREHOUSE_PASSWORD, SALES_PASSWORD]).map((key) => key.reveal()).sort(), ['sales-key', 'warehouse-key'], 'what reports must redact');
    store.forget('uat.sales');
    assert.equal(store.usable('uat.sales', SALES_PASSWORD), undefined);
  });

  it('keeps each database apart, drops expired keys, and starts afresh from a file cut short', () => {
    const root = scratchDir();
    const one = KeptKeys.forDatabase(root, 'http://odoo.test:8069', 'uat');
    const other = KeptKeys.forDatabase(root, 'http://odoo.test:8069', 'uat_copy');
    one.keep('admin', SALES_PASSWORD, kept('one', KEPT_KEY_LIFETIME_HOURS));
    assert.notEqual(one.file, other.file);
    assert.equal(other.usable('admin', SALES_PASSWORD), undefined);
    one.keep('uat.old', SALES_PASSWORD, kept('expired', -1));
    one.keep('uat.new', SALES_PASSWORD, kept('new', KEPT_KEY_LIFETIME_HOURS));
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(one.file, 'utf8'))).sort(), ['admin', 'uat.new']);
    writeFileSync(one.file, '{"admin": {"key"');
    assert.equal(one.usable('admin', SALES_PASSWORD), undefined);
  });

  it('lets one run at a time make keys, and takes over the lock of a run killed while making them', async () => {
    const store = KeptKeys.forDatabase(scratchDir(), 'http://odoo.test:8069', 'uat');
    const order: string[] = [];
    const making = (run: string) => store.alone(async () => {
      order.push(`${run} starts`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push(`${run} ends`);
    });
    await Promise.all([making('first'), making('second')]);
    assert.deepEqual(order, ['first starts', 'first ends', 'second starts', 'second ends']);
    const lock = `${store.file}.lock`;
    writeFileSync(lock, '');
    const longAgo = new Date(Date.now() - 10 * 60_000);
    utimesSync(lock, longAgo, longAgo);
    assert.equal(await store.alone(async () => 'made'), 'made');
    assert.equal(existsSync(lock), false);
  });

  it('uses a kept key without asking Odoo for one, and leaves it in Odoo when the run ends', async () => {
    const store = KeptKeys.forDatabase(scratchDir(), 'http://127.0.0.1:9', 'uat');
    store.keep('uat.sales', SALES_PASSWORD, kept('sales-key', KEPT_KEY_LIFETIME_HOURS));
    // Nothing listens on port 9: any request would fail.
    const ring = new ApiKeyRing({ url: 'http://127.0.0.1:9', db: 'uat', timeoutMs: 1_000, label: 'run-2', kept: store });
    const used = await ring.withKey('uat.sales', SALES_PASSWORD, async (key) => key.reveal());
    assert.equal(used, 'sales-key');
    assert.deepEqual(ring.keptLogins(), ['uat.sales']);
    assert.deepEqual(ring.logins(), []);
    assert.deepEqual(await ring.revokeAll(), { revoked: [], failed: [] });
  });

  it('replaces a kept key that Odoo refuses with a new one, which it keeps (answers recorded live on 19)', async () => {
    // The recorded refusal of a revoked key, then the recorded making and use of a key, in the order a run meets them.
    const recorded = loadRecording('apikeys-odoo19-json2.json');
    const labelled = (label: string) => recorded.exchanges.filter((e) => e.label === label);
    const recording: Recording = { ...recorded, exchanges: [...labelled('revoked-key'), ...labelled('make-key'), ...labelled('use-key')] };
    const replay = await replayOdoo(recording, [REPLAYED_PASSWORD]);
    try {
      const store = KeptKeys.forDatabase(scratchDir(), replay.url, recorded.db);
      store.keep('admin', new Secret(REPLAYED_PASSWORD), kept('revoked-key', KEPT_KEY_LIFETIME_HOURS));
      const ring = new ApiKeyRing({ url: replay.url, db: recorded.db, timeoutMs: 5_000, label: 'run-3', kept: store });
      const keysTried: string[] = [];
      const uid = await ring.withKey('admin', new Secret(REPLAYED_PASSWORD), (apiKey) => {
        keysTried.push(apiKey.reveal());
        return new Json2Transport({ url: replay.url, db: recorded.db, login: 'admin', apiKey, timeoutMs: 5_000 }).authenticate();
      });
      assert.deepEqual(replay.mismatches, []);
      assert.equal(replay.replayed(), recording.exchanges.length);
      assert.equal(uid, 2);
      assert.equal(keysTried.length, 2);
      assert.equal(keysTried[0], 'revoked-key');
      assert.notEqual(keysTried[1], 'revoked-key');
      const keptNow = store.usable('admin', new Secret(REPLAYED_PASSWORD));
      assert.equal(keptNow?.key.reveal(), keysTried[1], 'the new key is kept for the next run');
      const lifetime = (Date.parse(keptNow?.expires ?? '') - Date.now()) / HOUR;
      assert.ok(lifetime > KEPT_KEY_LIFETIME_HOURS - 0.1 && lifetime <= KEPT_KEY_LIFETIME_HOURS, `the kept key lives ${lifetime.toFixed(2)} h`);
      assert.deepEqual(ring.logins(), ['admin']);
    } finally {
      await replay.close();
    }
  });

  it('does not make a second key when Odoo refuses the one this run made (answers recorded live on 19)', async () => {
    const recorded = loadRecording('apikeys-odoo19-json2.json');
    const recording: Recording = { ...recorded, exchanges: recorded.exchanges.filter((e) => e.label === 'make-key') };
    const replay = await replayOdoo(recording, [REPLAYED_PASSWORD]);
    try {
      const ring = new ApiKeyRing({ url: replay.url, db: recorded.db, timeoutMs: 5_000, label: 'run-4', kept: KeptKeys.forDatabase(scratchDir(), replay.url, recorded.db) });
      let uses = 0;
      const refuse = () => {
        uses += 1;
        return Promise.reject(new AuthenticationError('Odoo refused the key', 'admin'));
      };
      await assert.rejects(ring.withKey('admin', new Secret(REPLAYED_PASSWORD), refuse), AuthenticationError);
      assert.equal(uses, 1);
      assert.equal(replay.replayed(), recording.exchanges.length, 'one key made, no second');
      assert.deepEqual(replay.mismatches, []);
    } finally {
      await replay.close();
    }
  });
  it("is among the secrets of every later process, `uat report`'s too: a key an earlier run kept is redacted", () => {
    const file = writeEnvFile(scratchDir(), 'kept', { ...validEnvironment, ODOO_DB: `kept-keys-test-${process.pid}`, UAT_PROVISION_ROLES: 'true' });
    const { environment } = loadEnvironment(file);
    const sales = roleCredentials(environment, 'SALES');
    assert.ok(sales);
    const store = KeptKeys.forDatabase(projectRoot, environment.odoo.url, environment.odoo.db);
    try {
      store.keep(sales.login, sales.password, kept('the-kept-sales-key', KEPT_KEY_LIFETIME_HOURS));
      assert.ok(secretsOf(environment).some((secret) => secret.reveal() === 'the-kept-sales-key'), 'attachments and the sign-off pack');
      assert.ok(everySecretOf(environment).includes('the-kept-sales-key'), 'traces and recordings');
    } finally {
      rmSync(store.file, { force: true });
    }
  });
});
