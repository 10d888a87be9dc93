import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadEnvironment } from '../support/config/environment';
import { ConfigError, HarnessError } from '../support/config/errors';
import type { Capabilities } from '../support/odoo/capabilities';
import { attachText } from '../support/evidence/attachments';
import { archivePortalBuyer, provisionPortalBuyer, portalBuyerLogin } from '../support/odoo/portal/portal-buyers';
import { everySecretOf, portalBuyerPassword, provisionedPassword } from '../support/odoo/roles';
import { OdooClient } from '../support/odoo/rpc/client';
import type { RpcCall, RpcTransport } from '../support/odoo/rpc/transport';
import { versionProfile } from '../support/odoo/version-profile';
import { scratchDir, validEnvironment, writeEnvFile } from './support/files';

const GROUPS = { group_portal: 7, group_user: 1 };
const COMPANY = { model: 'res.partner', id: 40, name: 'Northwind Traders [UAT-7KQ2M-X3AB]' };

/** Odoo 19 making a portal buyer: the user it reads back is a share user with the groups given here. */
function odoo19(readBack: { share: boolean; all_group_ids: number[] }): RpcTransport & { calls: RpcCall[] } {
  const calls: RpcCall[] = [];
  return {
    kind: 'json2',
    calls,
    authenticate: () => Promise.resolve(2),
    call(call: RpcCall) {
      calls.push(call);
      const { model, method } = call;
      if (model === 'ir.model.data') return Promise.resolve(Object.entries(GROUPS).map(([name, res_id]) => ({ module: 'base', name, res_id })));
      if (model === 'res.partner' && method === 'create') return Promise.resolve([41]);
      if (model === 'res.users' && method === 'search') return Promise.resolve([]);
      if (model === 'res.users' && method === 'create') return Promise.resolve([90]);
      if (model === 'res.users' && method === 'read') return Promise.resolve([{ id: 90, ...readBack }]);
      if (model === 'res.users' && method === 'write') return Promise.resolve(true);
      return Promise.reject(new Error(`unexpected ${model}.${method}`));
    },
  };
}

function setUp(transport: RpcTransport, values: Record<string, string> = { UAT_PROVISION_ROLES: 'true' }) {
  const dir = scratchDir('uat-portal-');
  const file = writeEnvFile(dir, 'uat', { ...validEnvironment, ...values });
  const environment = loadEnvironment(file, { root: dir }).environment;
  const admin = new OdooClient({ transport, login: 'admin', assertWritable: () => undefined });
  return { admin, environment, file, capabilities: { profile: versionProfile(19) } as Capabilities };
}

describe("a customer's buyer on the portal", () => {
  it("has a login of its scenario, and the password the harness derives for this database's portal buyers", () => {
    const { environment } = setUp(odoo19({ share: true, all_group_ids: [7] }));
    const { environment: otherDatabase } = setUp(odoo19({ share: true, all_group_ids: [7] }), { UAT_PROVISION_ROLES: 'true', ODOO_DB: 'uat19-copy' });
    assert.equal(portalBuyerLogin('UAT-7KQ2M-X3AB'), 'uat.portal.uat-7kq2m-x3ab@harness.invalid');
    const password = portalBuyerPassword(environment);
    assert.equal(password.reveal(), portalBuyerPassword(environment).reveal(), 'every process of a run derives the same one');
    assert.notEqual(password.reveal(), portalBuyerPassword(otherDatabase).reveal());
    assert.notEqual(password.reveal(), provisionedPassword(environment, 'SALES').reveal());
    assert.equal(String(password), '[redacted]');
  });

  it("is among the run's secrets: an attachment, a trace or a recording that shows its password shows [redacted]", async () => {
    const { environment, file } = setUp(odoo19({ share: true, all_group_ids: [7] }));
    const password = portalBuyerPassword(environment).reveal();
    assert.ok(everySecretOf(environment).includes(password), 'traces and recordings leave it out');
    // An attachment of a worker redacts with the secrets of the run's environment (UAT_ENV), as runSecrets() reads them.
    process.env.UAT_ENV = file;
    const attached: { name: string; body: string }[] = [];
    const testInfo = { attach: async (name: string, { body }: { body: string }) => void attached.push({ name, body }) };
    await attachText(testInfo, 'the portal login', `POST /web/login login=uat.portal.x@harness.invalid&password=${password}&redirect=/my`);
    assert.deepEqual(attached, [{ name: 'the portal login', body: 'POST /web/login login=uat.portal.x@harness.invalid&password=[redacted]&redirect=/my' }]);
  });

  it('is made as a contact of the company with a user holding the Portal group only', async () => {
    const transport = odoo19({ share: true, all_group_ids: [7] });
    const { admin, environment, capabilities } = setUp(transport);
    const buyer = await provisionPortalBuyer(admin, capabilities, environment, { company: COMPANY, name: 'Dana Whitfield [UAT-7KQ2M-X3AB]', namespace: 'UAT-7KQ2M-X3AB' });
    const contact = transport.calls.find((c) => c.model === 'res.partner' && c.method === 'create');
    assert.deepEqual((contact?.kwargs?.vals_list as Record<string, unknown>[])[0], { name: 'Dana Whitfield [UAT-7KQ2M-X3AB]', parent_id: 40, type: 'contact', email: 'uat.portal.uat-7kq2m-x3ab@harness.invalid' });
    const user = (transport.calls.find((c) => c.model === 'res.users' && c.method === 'create')?.kwargs?.vals_list as Record<string, unknown>[])[0];
    assert.deepEqual(user?.group_ids, [[6, 0, [7]]]);
    assert.equal(user?.partner_id, 41);
    assert.deepEqual(buyer.contact, { model: 'res.partner', id: 41, name: 'Dana Whitfield [UAT-7KQ2M-X3AB]' });
    assert.equal(buyer.credentials.password.reveal(), user?.password);
    await archivePortalBuyer(admin, buyer);
    const archived = transport.calls.at(-1);
    assert.deepEqual([archived?.model, archived?.method, archived?.ids, archived?.kwargs?.vals], ['res.users', 'write', [90], { active: false }]);
  });

  it('is refused when Odoo made an internal user of it', async () => {
    const { admin, environment, capabilities } = setUp(odoo19({ share: false, all_group_ids: [7, 1] }));
    await assert.rejects(
      provisionPortalBuyer(admin, capabilities, environment, { company: COMPANY, name: 'Dana', namespace: 'UAT-7KQ2M-X3AB' }),
      (error: unknown) => error instanceof HarnessError && /came out as an internal user \(share: false, groups 7, 1\)/.test(error.message),
    );
  });

  it('needs UAT_PROVISION_ROLES=true, naming the environment file', async () => {
    const { admin, environment, capabilities } = setUp(odoo19({ share: true, all_group_ids: [7] }), {});
    await assert.rejects(
      provisionPortalBuyer(admin, capabilities, environment, { company: COMPANY, name: 'Dana', namespace: 'UAT-7KQ2M-X3AB' }),
      (error: unknown) => error instanceof ConfigError && /uat\.env: a customer's buyer is a portal user .*: set UAT_PROVISION_ROLES=true/.test(error.message),
    );
  });
});
