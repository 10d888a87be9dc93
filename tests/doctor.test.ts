import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadEnvironment } from '../support/config/environment';
import { examineTarget } from '../support/odoo/doctor';
import { provisionedPassword, ROLE_DEFINITIONS } from '../support/odoo/roles';
import { runCli } from './support/cli';
import { loadRecording } from './support/exchanges';
import { startFakeOdoo } from './support/fake-odoo';
import { scratchDir, writeEnvFile } from './support/files';
import { replayOdoo } from './support/replay-odoo';

const API_KEY = 'replayed-api-key';
const recording = loadRecording('doctor-odoo19-json2.json');

function envFile(url: string, extra: Record<string, string> = {}) {
  return writeEnvFile(scratchDir(), 'doctor', {
    ODOO_URL: url,
    ODOO_DB: recording.db,
    ODOO_LOGIN: 'admin',
    ODOO_PASSWORD: 'admin',
    ODOO_API_KEY: API_KEY,
    UAT_TEST_TARGET: 'true',
    UAT_PROVISION_ROLES: 'true',
    ...extra,
  });
}

async function replay() {
  const probe = loadEnvironment(envFile('http://unused')).environment;
  return replayOdoo(recording, ['admin', API_KEY, ...Object.keys(ROLE_DEFINITIONS).map((r) => provisionedPassword(probe, r).reveal())]);
}

describe('uat doctor against answers recorded from Odoo 19', () => {
  let server: Awaited<ReturnType<typeof replayOdoo>>;
  before(async () => (server = await replay()));
  after(() => server.close());

  it('names version and edition, provisions and logs in every role with its groups, and passes', async () => {
    const result = await runCli(['doctor', '--env', envFile(server.url)]);
    assert.deepEqual(server.mismatches, []);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Odoo 19\.0 \(19, community\) at http:\/\/127\.0\.0\.1:\d+, database "uat19"/);
    assert.match(result.stdout, /set-up user "admin" logged in over json2/);
    for (const role of Object.keys(ROLE_DEFINITIONS)) {
      assert.match(result.stdout, new RegExp(`role ${role}: "uat\\.${role.toLowerCase()}@harness\\.invalid" logged in over xmlrpc; groups: .+`));
    }
    assert.match(result.stdout, /role WAREHOUSE: .*groups: .*Inventory \/ User/);
    assert.match(result.stdout, /doctor: OK/);
  });
});

describe('doctor verdicts', () => {
  it('reports a module a feature needs that the target lacks, naming file and module', async () => {
    const server = await replay();
    try {
      const environment = loadEnvironment(envFile(server.url)).environment;
      const report = await examineTarget(environment, [
        { file: 'features/service/complaint.feature', modules: ['helpdesk', 'sale_stock'] },
      ]);
      assert.deepEqual(report.problems, [
        'features/service/complaint.feature: module helpdesk not installed: install it on "uat19", or its scenarios will be skipped',
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
