import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Capabilities } from '../support/odoo/capabilities';
import { relevantGroupApps, relevantGroups } from '../support/odoo/roles';
import { OdooClient } from '../support/odoo/rpc/client';
import type { RpcCall } from '../support/odoo/rpc/transport';
import { versionProfile } from '../support/odoo/version-profile';

const on = (major: number, ...modules: string[]) => ({ profile: versionProfile(major), modules: new Set(modules) }) as unknown as Capabilities;

/** The groups doctor lists for a user, and the apps it asked Odoo about: an 18 whose user holds POS and team-tickets groups (ids 31, 32) besides the internal user (1). */
async function listedGroups(capabilities: Capabilities): Promise<{ listed: string[]; apps: unknown }> {
  let apps: unknown;
  const names: Record<number, string> = { 1: 'User types / Internal User', 31: 'Point of Sale / User', 32: 'Helpdesk / User: Team tickets' };
  const transport = {
    kind: 'xmlrpc' as const,
    authenticate: async () => 2,
    call: async ({ model, kwargs, ids }: RpcCall) => {
      if (model === 'res.users') return [{ id: 9, groups_id: [1, 31, 32] }];
      if (model === 'ir.model.data') {
        const domain = kwargs?.domain as [string, string, unknown][];
        apps = domain.find(([field]) => field === 'module')?.[2];
        const modules: Record<number, string> = { 1: 'base', 31: 'point_of_sale', 32: 'helpdesk_mgmt' };
        return Object.entries(modules).filter(([, module]) => (apps as string[]).includes(module)).map(([id, module]) => ({ module, res_id: Number(id) }));
      }
      if (model === 'res.groups') return (ids ?? []).map((id) => ({ id, full_name: names[id] }));
      throw new Error(`unexpected ${model}`);
    },
  };
  const admin = new OdooClient({ transport, login: 'admin', assertWritable: () => undefined });
  return { listed: await relevantGroups(admin, capabilities, 'uat.cashier@harness.invalid'), apps };
}

describe("doctor's list of each role's groups", () => {
  it("names the apps of the groups the target's roles need: the cashier's Point of Sale, the agent's helpdesk_mgmt with helpdesk_mgmt_sale", () => {
    const apps = relevantGroupApps(on(18, 'point_of_sale', 'helpdesk_mgmt', 'helpdesk_mgmt_sale'));
    for (const app of ['base', 'sales_team', 'stock', 'purchase', 'account', 'point_of_sale', 'helpdesk_mgmt']) assert.ok(apps.includes(app), `${app} in ${apps.join(', ')}`);
    assert.equal(apps.includes('project'), false, 'complaints are tickets here, not tasks');
  });

  it('names Project, and neither helpdesk_mgmt nor the Point of Sale, where complaints are tasks and no store is installed', () => {
    const apps = relevantGroupApps(on(19, 'helpdesk_mgmt'));
    assert.ok(apps.includes('project'));
    assert.equal(apps.includes('helpdesk_mgmt'), false, 'without helpdesk_mgmt_sale the agent works on project tasks');
    assert.equal(apps.includes('point_of_sale'), false);
  });

  it("lists a user's Point of Sale and helpdesk groups where the target has them", async () => {
    const { listed, apps } = await listedGroups(on(18, 'point_of_sale', 'helpdesk_mgmt', 'helpdesk_mgmt_sale'));
    assert.deepEqual(listed, ['Helpdesk / User: Team tickets', 'Point of Sale / User', 'User types / Internal User']);
    assert.deepEqual(apps, relevantGroupApps(on(18, 'point_of_sale', 'helpdesk_mgmt', 'helpdesk_mgmt_sale')));
    assert.deepEqual((await listedGroups(on(18))).listed, ['User types / Internal User']);
  });
});
