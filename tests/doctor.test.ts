import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadEnvironment } from '../support/config/environment';
import { examineTarget } from '../support/odoo/doctor';
import { provisionedPassword, ROLE_DEFINITIONS } from '../support/odoo/roles';
import { runCli } from './support/cli';
import { loadRecording, REPLAYED_PASSWORD } from './support/exchanges';
import { startFakeOdoo } from './support/fake-odoo';
import { scratchDir, writeEnvFile } from './support/files';
import { replayOdoo } from './support/replay-odoo';
import { besidesMissingModules } from './support/doctor-problems';

const API_KEY = 'replayed-api-key';
const recording = loadRecording('doctor-odoo19-json2.json');

function envFile(url: string, extra: Record<string, string> = {}) {
  return writeEnvFile(scratchDir(), 'doctor', {
    ODOO_URL: url,
    ODOO_DB: recording.db,
    ODOO_LOGIN: 'admin',
    ODOO_PASSWORD: REPLAYED_PASSWORD,
    ODOO_API_KEY: API_KEY,
    UAT_TEST_TARGET: 'true',
    UAT_PROVISION_ROLES: 'true',
    ...extra,
  });
}

async function replay(mode: 'in-order' | 'lookup' = 'in-order') {
  const probe = loadEnvironment(envFile('http://unused')).environment;
  return replayOdoo(recording, [REPLAYED_PASSWORD, API_KEY, ...Object.keys(ROLE_DEFINITIONS).map((r) => provisionedPassword(probe, r).reveal())], mode);
}

describe('uat doctor against answers recorded from Odoo 19', () => {
  let server: Awaited<ReturnType<typeof replayOdoo>>;
  before(async () => (server = await replay()));
  after(() => server.close());

  it('names version and edition, logs in every role with its groups, finds every need met, and passes', async () => {
    const result = await runCli(['doctor', '--env', envFile(server.url)]);
    assert.deepEqual(server.mismatches, []);
    // No problem but the features whose modules the recording lacks (point_of_sale), skipped on that target.
    assert.deepEqual(besidesMissingModules(result.stderr), [], result.stdout + result.stderr);
    assert.match(result.stdout, /Odoo 19\.0 \(19, community\) at http:\/\/127\.0\.0\.1:\d+, database "uat"/);
    assert.match(result.stdout, /set-up user "admin" logged in over json2/);
    // Every role but those of apps the recorded target lacks (the cashier's Point of Sale).
    for (const role of Object.keys(ROLE_DEFINITIONS).filter((r) => !ROLE_DEFINITIONS[r]?.modules)) {
      assert.match(result.stdout, new RegExp(`role ${role}: "uat\\.${role.toLowerCase()}@harness\\.invalid" logged in over json2; groups: .+`));
    }
    assert.match(result.stdout, /role WAREHOUSE: .*groups: .*Inventory \/ User/);
    for (const need of ['one-step deliveries', 'one-step receipts', 'credit limits', 'stock adjustments', 'reordering rules', 'a regional warehouse']) {
      assert.match(result.stdout, new RegExp(`^  ${need}: yes$`, 'm'));
    }
  });
});

describe('doctor verdicts', () => {
  it('reports a module a feature needs that the target lacks, naming file and module', async () => {
    // Fewer features than recorded ask fewer questions: any recorded answer may come.
    const server = await replay('lookup');
    try {
      const environment = loadEnvironment(envFile(server.url)).environment;
      const report = await examineTarget(environment, [
        { file: 'features/service/complaint.feature', modules: ['helpdesk', 'sale_stock'], roles: [], needs: [] },
      ]);
      assert.deepEqual(report.problems, [
        `features/service/complaint.feature: module helpdesk not installed: install it on "${recording.db}", or its scenarios will be skipped`,
      ]);
    } finally {
      await server.close();
    }
  });

  it('fails in one line naming the user when Odoo refuses the key', async () => {
    const refused = loadRecording('odoo19-json2.json').exchanges.find((e) => e.label === 'wrong-password');
    const versionInfo = recording.exchanges[0];
    assert.ok(refused && versionInfo);
    const odoo = await startFakeOdoo((request) =>
      request.path === '/web/webclient/version_info'
        ? { body: versionInfo.response.body }
        : { status: refused.response.status, body: refused.response.body },
    );
    try {
      const result = await runCli(['doctor', '--env', envFile(odoo.url)]);
      assert.equal(result.code, 2);
      assert.match(result.stderr.trim(), /^uat: Odoo refused the API key of "admin" on http:\/\/127\.0\.0\.1:\d+ \(Invalid apikey\): check ODOO_API_KEY$/);
      assert.doesNotMatch(result.stderr + result.stdout, new RegExp(API_KEY));
    } finally {
      await odoo.close();
    }
  });

  it('fails in one line naming the URL of a stopped server', async () => {
    const odoo = await startFakeOdoo(() => ({ body: '' }));
    const url = odoo.url;
    await odoo.close();
    const result = await runCli(['doctor', '--env', envFile(url)]);
    assert.equal(result.code, 3);
    assert.equal(result.stderr.trim(), `uat: Odoo is not reachable at ${url}: connection refused (is the server running, on this port?)`);
  });
});

describe('uat doctor predicts what a run would fail on (answers recorded from Odoo 17 with a 2-step warehouse)', () => {
  const recorded17 = loadRecording('doctor-odoo17-xmlrpc.json');
  const envFile17 = (url: string) =>
    writeEnvFile(scratchDir(), 'doctor17', { ODOO_URL: url, ODOO_DB: recorded17.db, ODOO_LOGIN: 'admin', ODOO_PASSWORD: REPLAYED_PASSWORD, ODOO_RPC: 'xmlrpc', UAT_TEST_TARGET: 'true', UAT_PROVISION_ROLES: 'true' });

  it('names the setting, what Odoo has instead, and every feature that ships a delivery, and fails', async () => {
    const probe = loadEnvironment(envFile17('http://unused')).environment;
    const server = await replayOdoo(recorded17, [REPLAYED_PASSWORD, ...Object.keys(ROLE_DEFINITIONS).map((r) => provisionedPassword(probe, r).reveal())]);
    try {
      const result = await runCli(['doctor', '--env', envFile17(server.url)]);
      assert.deepEqual(server.mismatches, []);
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stdout, /Odoo 17\.0-\d+ \(17, community\)/);
      const problems = besidesMissingModules(result.stderr);
      assert.equal(problems.length, 1, result.stderr);
      assert.match(problems[0] ?? '', /^uat: one-step deliveries: warehouse "My Company" delivers in "pick_ship"; wanted: the main warehouse delivers in one step .*; needed by /);
      const neededBy = (problems[0] ?? '').split('; needed by ')[1]?.split(', ') ?? [];
      assert.ok(neededBy.includes('features/order-to-cash/wholesale-partial-fulfilment.feature'), neededBy.join(' '));
      assert.ok(neededBy.includes('features/customer-service/service-complaint.feature'), 'a feature whose Given ships a delivery needs it too');
      assert.ok(!neededBy.includes('features/procure-to-pay/min-max-partial-receipt.feature'), 'a feature that only receives does not');
      assert.ok(neededBy.includes('features/warehouse/inter-warehouse-transfer.feature'), 'the resupply leaves the central warehouse as a delivery does');
      assert.match(result.stdout, /one-step receipts: yes/);
      assert.match(result.stdout, /credit limits: yes/);
    } finally {
      await server.close();
    }
  });
});

describe('a version outside the verified ones', () => {
  for (const [serverVersion, info] of [['20.0', [20, 0, 0, 'final', 0, '']], ['saas~18.4', [18, 4, 0, 'final', 0, '']], ['16.0', [16, 0, 0, 'final', 0, '']]] as const) {
    it(`is refused by name before any login (${serverVersion})`, async () => {
      const logins: string[] = [];
      const odoo = await startFakeOdoo((request) => {
        if (request.path === '/web/webclient/version_info') {
          return { body: JSON.stringify({ jsonrpc: '2.0', id: null, result: { server_version: serverVersion, server_version_info: info, server_serie: serverVersion, protocol_version: 1 } }) };
        }
        logins.push(request.path);
        return { status: 500, body: '' };
      });
      try {
        const result = await runCli(['doctor', '--env', envFile(odoo.url)]);
        assert.equal(result.code, 2);
        assert.equal(
          result.stderr.trim(),
          `uat: ${odoo.url} runs Odoo ${serverVersion}, outside the versions the harness is verified on (17.0, 18.0, 19.0): its scenarios have not been seen on it, so results could not be trusted`,
        );
        assert.deepEqual(logins, []);
      } finally {
        await odoo.close();
      }
    });
  }
});
