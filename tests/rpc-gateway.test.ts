import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadEnvironment } from '../support/config/environment';
import { TestTargetRefused } from '../support/config/errors';
import { AccessDeniedError, AuthenticationError, BusinessRuleError, MissingRecordError, OdooServerError } from '../support/odoo/errors';
import { OdooGateway } from '../support/odoo/gateway';
import { provisionedPassword, ROLE_DEFINITIONS } from '../support/odoo/roles';
import { loadRecording, REPLAYED_PASSWORD, type Recording } from './support/exchanges';
import { exerciseGateway, type Outcome } from './support/exercise-gateway';
import { replayOdoo } from './support/replay-odoo';
import { scratchDir, writeEnvFile } from './support/files';

const API_KEY = 'replayed-api-key';

function environmentFor(recording: Recording, url: string, overrides: Record<string, string> = {}) {
  // Any password normalises to the recorded placeholder, and with it every role's derived one.
  const file = writeEnvFile(scratchDir(), 'replay', {
    ODOO_URL: url,
    ODOO_DB: recording.db,
    ODOO_LOGIN: 'admin',
    ODOO_PASSWORD: REPLAYED_PASSWORD,
    UAT_TEST_TARGET: 'true',
    UAT_PROVISION_ROLES: 'true',
    // As recorded: auto picks JSON-2 for the API-key holder and XML-RPC for roles without a key.
    ODOO_RPC: recording.transport === 'json2' ? 'auto' : 'xmlrpc',
    ...(recording.transport === 'json2' ? { ODOO_API_KEY: API_KEY } : {}),
    ...overrides,
  });
  return loadEnvironment(file).environment;
}

function errorOf(outcome: Outcome | undefined): Error {
  assert.ok(outcome && 'error' in outcome, `expected an error, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

function valueOf<T>(outcome: Outcome | undefined): T {
  assert.ok(outcome && 'value' in outcome, `expected a value, got ${outcome && 'error' in outcome ? outcome.error.stack : 'nothing'}`);
  return outcome.value as T;
}

for (const file of ['odoo19-json2.json', 'odoo19-xmlrpc.json', 'odoo18-xmlrpc.json', 'odoo17-xmlrpc.json']) {
  describe(`RPC gateway against answers recorded from Odoo (${file})`, () => {
    const recording = loadRecording(file);
    let replay: Awaited<ReturnType<typeof replayOdoo>>;
    let gateway: OdooGateway;
    let outcomes: Record<string, Outcome>;

    before(async () => {
      const probe = environmentFor(recording, 'http://unused');
      const secrets = [REPLAYED_PASSWORD, API_KEY, ...Object.keys(ROLE_DEFINITIONS).map((r) => provisionedPassword(probe, r).reveal())];
      replay = await replayOdoo(recording, secrets);
      gateway = await OdooGateway.connect(environmentFor(recording, replay.url));
      outcomes = await exerciseGateway(gateway, () => {}, recording.namespace);
    });
    after(() => replay.close());

    it('sends exactly the requests Odoo answered when recorded, in order', () => {
      assert.deepEqual(replay.mismatches, []);
      assert.equal(replay.replayed(), recording.exchanges.length);
    });

    it('detects the version, the edition by modules, and picks the transport', () => {
      const major = Number(recording.server.slice(0, 2));
      assert.equal(gateway.capabilities.server.major, major);
      assert.equal(gateway.capabilities.server.serverVersion, recording.server);
      assert.equal(gateway.capabilities.edition, 'community', `${recording.server} is a Community database`);
      assert.ok(gateway.capabilities.modules.has('sale_stock'));
      assert.equal(gateway.admin.transport, recording.transport);
      assert.equal(gateway.capabilities.profile.userGroupsField, major >= 19 ? 'group_ids' : 'groups_id');
    });

    it('reads records', () => {
      assert.deepEqual(valueOf<{ login: string }[]>(outcomes['search-read']).map((u) => u.login), ['admin']);
    });

    it('strips undefined values instead of sending empty strings', () => {
      const partner = valueOf<{ email: unknown }>(outcomes['undefined-stripped']);
      assert.equal(partner.email, false);
      const create = recording.exchanges.find((e) => e.label === 'undefined-stripped');
      assert.ok(create && !create.request.body.includes('email'));
    });

    it('maps a missing record to MissingRecordError', () => {
      const error = errorOf(outcomes['missing-record']);
      assert.ok(error instanceof MissingRecordError, String(error));
      assert.match(error.message, /Record does not exist or has been deleted/);
    });

    it("maps a business rule to BusinessRuleError carrying Odoo's words", () => {
      const error = errorOf(outcomes['business-rule']);
      assert.ok(error instanceof BusinessRuleError, String(error));
      assert.match(error.message, /Contacts require a name/);
      assert.doesNotMatch(error.message, /Traceback/);
    });

    it('maps a private method to AccessDeniedError', () => {
      const error = errorOf(outcomes['private-method']);
      assert.ok(error instanceof AccessDeniedError, String(error));
      assert.match(error.message, /cannot be called remotely/);
    });

    it('maps an unknown method to a server error naming it', () => {
      const error = errorOf(outcomes['unknown-method']);
      assert.ok(error instanceof OdooServerError, String(error));
      assert.match(error.message, /no_such_method/);
    });

    it('names the model, the operation and the user when a role lacks a right', () => {
      const error = errorOf(outcomes['access-denied']);
      assert.ok(error instanceof AccessDeniedError, String(error));
      assert.deepEqual(error.details, { model: 'res.users', operation: 'create', user: 'uat.sales@harness.invalid' });
      assert.match(error.message, /^user "uat\.sales@harness\.invalid" may not create res\.users/);
    });

    it('names the user whose credentials were refused', () => {
      const error = errorOf(outcomes['wrong-password']);
      assert.ok(error instanceof AuthenticationError, String(error));
      assert.equal(error.login, 'admin');
      assert.match(error.message, /"admin"/);
      assert.doesNotMatch(error.message, /not-the-password|not-the-api-key/);
    });

    it('treats a method that returns None as success', () => {
      assert.equal(valueOf(outcomes['returns-none']), null);
    });

    it('runs the backorder wizard with the context the button returned', () => {
      const result = valueOf<{ wizardModel: string; wizardContext: Record<string, unknown>; pickings: { state: string; backorder_id: unknown }[] }>(outcomes.backorder);
      assert.equal(result.wizardModel, 'stock.backorder.confirmation');
      assert.ok(Array.isArray(result.wizardContext.button_validate_picking_ids));
      assert.deepEqual(result.pickings.map((p) => p.state), ['done', 'confirmed']);
      assert.ok(result.pickings[1]?.backorder_id, 'the second picking is the backorder of the first');
    });

    it('counts its RPC calls', () => {
      assert.ok(gateway.callCount >= 20, `counted ${gateway.callCount}`);
    });
  });
}

describe('RPC gateway write guard', () => {
  it('refuses a write to an unmarked target before sending it', async () => {
    const recording = loadRecording('odoo19-xmlrpc.json');
    const replay = await replayOdoo(recording, [REPLAYED_PASSWORD]);
    try {
      const gateway = await OdooGateway.connect(environmentFor(recording, replay.url, { UAT_TEST_TARGET: 'false' }));
      const sent = replay.requests.length;
      await assert.rejects(gateway.admin.create('res.partner', { name: 'x' }), TestTargetRefused);
      await assert.rejects(gateway.admin.call('sale.order', 'action_confirm', { ids: [1] }), TestTargetRefused);
      assert.equal(replay.requests.length, sent, 'nothing was sent');
    } finally {
      await replay.close();
    }
  });
});
