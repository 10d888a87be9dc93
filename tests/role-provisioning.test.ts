import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadEnvironment } from '../support/config/environment';
import type { Capabilities } from '../support/odoo/capabilities';
import { BusinessRuleError } from '../support/odoo/errors';
import { OdooClient } from '../support/odoo/rpc/client';
import type { RpcCall, RpcTransport } from '../support/odoo/rpc/transport';
import { ensureProvisionedUser } from '../support/odoo/roles';
import { versionProfile } from '../support/odoo/version-profile';
import { scratchDir, validEnvironment, writeEnvFile } from './support/files';

const GROUPS: Record<string, number> = { 'base.group_user': 1, 'project.group_project_user': 2, 'sales_team.group_sale_salesman_all_leads': 3 };

/**
 * The Odoo 19 a run sees while another run creates the same role user: the
 * user is missing when this run looks, and there when its own create is
 * refused with Odoo's message (seen on live 19 with two provisionings at once).
 */
function racedOdoo(): RpcTransport & { calls: string[] } {
  const calls: string[] = [];
  let looks = 0;
  return {
    kind: 'json2',
    calls,
    authenticate: () => Promise.resolve(2),
    call({ model, method, kwargs }: RpcCall) {
      calls.push(`${model}.${method}`);
      if (model === 'res.users' && method === 'search_read') {
        looks += 1;
        return Promise.resolve(looks === 1 ? [] : [{ id: 12, all_group_ids: Object.values(GROUPS) }]);
      }
      if (model === 'ir.model.data') {
        const names = (kwargs?.domain as unknown[][])[1]?.[2] as string[];
        return Promise.resolve(Object.entries(GROUPS).filter(([x]) => names.includes(x.split('.')[1] as string)).map(([x, id]) => ({ module: x.split('.')[0], name: x.split('.')[1], res_id: id })));
      }
      if (model === 'res.users' && method === 'search') return Promise.resolve([]);
      if (model === 'res.users' && method === 'create') return Promise.reject(new BusinessRuleError('You can not have two users with the same login!', 'ValidationError'));
      return Promise.reject(new Error(`unexpected ${model}.${method}`));
    },
  };
}

function gatewayOn(transport: RpcTransport, logins: string[]) {
  const dir = scratchDir('uat-roles-');
  const environment = loadEnvironment(writeEnvFile(dir, 'uat', { ...validEnvironment, UAT_PROVISION_ROLES: 'true' }), { root: dir }).environment;
  const admin = new OdooClient({ transport, login: 'admin', assertWritable: () => undefined });
  const capabilities = { profile: versionProfile(19), modules: new Set<string>() as ReadonlySet<string> } as Capabilities;
  return { admin, capabilities, environment, as: (role: string) => (logins.push(role), Promise.resolve(admin)) };
}

describe('role users provisioned by two runs at once', () => {
  it('takes the user the other run created when Odoo refuses its own create of the same login', async () => {
    const transport = racedOdoo();
    const logins: string[] = [];
    const result = await ensureProvisionedUser(gatewayOn(transport, logins), 'SERVICE');
    assert.equal(result.action, 'unchanged');
    assert.equal(result.login, 'uat.service@harness.invalid');
    assert.ok(transport.calls.includes('res.users.create'), 'it did try to create the user');
    assert.deepEqual(logins, ['SERVICE'], 'the user the other run made logs in');
  });

  it('still fails when the user is not there after its create was refused', async () => {
    const transport = racedOdoo();
    const refusing = { ...transport, call: (call: RpcCall) => (call.model === 'res.users' && call.method === 'search_read' ? Promise.resolve([]) : transport.call(call)) };
    await assert.rejects(ensureProvisionedUser(gatewayOn(refusing, []), 'SERVICE'), /You can not have two users with the same login!/);
  });
});
