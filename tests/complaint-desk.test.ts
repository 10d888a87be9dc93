import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Capabilities } from '../support/odoo/capabilities';
import { HELPDESK_AGENT_GROUP, helpdeskTicketDesk } from '../support/odoo/operations/helpdesk-tickets';
import { complaintDeskFor, complaintDeskGroup, complaintDeskKind } from '../support/odoo/operations/service';
import { ROLE_DEFINITIONS } from '../support/odoo/roles';
import { OdooClient } from '../support/odoo/rpc/client';
import type { RpcCall, RpcTransport } from '../support/odoo/rpc/transport';
import { versionProfile } from '../support/odoo/version-profile';

const on = (...modules: string[]) => ({ profile: versionProfile(18), modules: new Set(modules) as ReadonlySet<string> }) as Capabilities;

/** An Odoo with helpdesk_mgmt_sale as far as the desk asks: every call is noted, and answered as 18 answered it. */
function helpdeskOdoo(team: { id: number; user_ids: number[] } | undefined, uid: number) {
  const calls: RpcCall[] = [];
  const transport: RpcTransport = {
    kind: 'json2',
    authenticate: () => Promise.resolve(uid),
    call(call: RpcCall) {
      calls.push(call);
      const { model, method } = call;
      if (model === 'helpdesk.ticket.team' && method === 'search_read') return Promise.resolve(team ? [team] : []);
      if (model === 'helpdesk.ticket.team' && method === 'create') return Promise.resolve([41]);
      if (model === 'ir.model.data') return Promise.resolve([{ module: 'helpdesk_mgmt', name: 'helpdesk_ticket_stage_done', res_id: 4 }]);
      if (model === 'helpdesk.ticket.stage' && method === 'read') return Promise.resolve([{ id: 4, name: 'Done' }]);
      if (model === 'helpdesk.ticket' && method === 'create') return Promise.resolve([77]);
      if (model === 'helpdesk.ticket' && method === 'read') {
        return Promise.resolve([{ id: 77, name: 'Complaint: a damaged unit', number: 'HT00012', closed: true, partner_id: [9, 'Blue Yonder Cafes'], sale_order_ids: [3], description: '<p>WH/OUT/00007</p>' }]);
      }
      if (model === 'sale.order' && method === 'read') return Promise.resolve([{ id: 3, ticket_ids: [77, 78] }]);
      if (model === 'helpdesk.ticket' && method === 'search_count') return Promise.resolve(1);
      if (method === 'write') return Promise.resolve(true);
      return Promise.reject(new Error(`unexpected ${model}.${method}`));
    },
  };
  return { calls, client: (login: string) => new OdooClient({ transport, login, assertWritable: () => undefined }) };
}

describe('the complaint desk, chosen by the installed modules', () => {
  it('is helpdesk tickets only where helpdesk_mgmt_sale links them to orders, project tasks otherwise', () => {
    assert.equal(complaintDeskKind(on('helpdesk_mgmt', 'helpdesk_mgmt_sale', 'sale_project')), 'helpdesk-ticket');
    assert.equal(complaintDeskKind(on('helpdesk_mgmt', 'sale_project')), 'project-task', 'a ticket without helpdesk_mgmt_sale could not name its order');
    assert.equal(complaintDeskKind(on('sale_project')), 'project-task');
  });

  it('gives the service agent team tickets at the helpdesk and project user for tasks, never both', () => {
    const serviceGroups = (capabilities: Capabilities) => [...(ROLE_DEFINITIONS.SERVICE?.groupsOfTarget?.(capabilities) ?? []), ...(ROLE_DEFINITIONS.SERVICE?.groups ?? [])];
    assert.deepEqual(serviceGroups(on('helpdesk_mgmt', 'helpdesk_mgmt_sale')), [HELPDESK_AGENT_GROUP, 'sales_team.group_sale_salesman_all_leads']);
    assert.equal(HELPDESK_AGENT_GROUP, 'helpdesk_mgmt.group_helpdesk_user_team');
    // The group order of a project target is what the recorded targets hold: provisioning sends the same request as before.
    assert.deepEqual(serviceGroups(on('sale_project')), ['project.group_project_user', 'sales_team.group_sale_salesman_all_leads']);
    assert.equal(complaintDeskGroup(on('helpdesk_mgmt')), 'project.group_project_user');
  });

  it("opens a new ticket at helpdesk_mgmt's Tickets action path on 18 and 19 (its menu data names the path), by the action's xml id on 17", () => {
    for (const major of [18, 19]) assert.equal(versionProfile(major).newHelpdeskTicketPath, '/odoo/helpdesk-tickets/new');
    assert.match(versionProfile(17).newHelpdeskTicketPath, /^\/web#action=helpdesk_mgmt\.helpdesk_ticket_action&/);
  });

  it('refuses Enterprise Helpdesk, naming it, before anything is written', async () => {
    const odoo = helpdeskOdoo(undefined, 2);
    await assert.rejects(complaintDeskFor(on('helpdesk', 'sale_project'), odoo.client('admin'), 'UAT Customer Care'), /Helpdesk \(Enterprise\).*cannot drive/);
    assert.deepEqual(odoo.calls, []);
  });
});

describe('helpdesk tickets as the complaint desk', () => {
  it('opens a ticket of the team linked to the order, making the agent a member once, and adding rather than setting members', async () => {
    const odoo = helpdeskOdoo({ id: 5, user_ids: [3] }, 12);
    const desk = await helpdeskTicketDesk(odoo.client('admin'), 'UAT Customer Care');
    assert.deepEqual(desk.team, { model: 'helpdesk.ticket.team', id: 5, name: 'UAT Customer Care' });
    const agent = odoo.client('uat.service@harness.invalid');
    const ticket = await desk.open(agent, { title: 'Complaint: a damaged unit', customer: 9, order: 3, description: 'delivered with WH/OUT/00007' });
    await desk.open(agent, { title: 'Complaint: another unit', customer: 9, order: 3, description: 'delivered with WH/OUT/00007' });
    assert.deepEqual(ticket, { model: 'helpdesk.ticket', id: 77, name: 'Complaint: a damaged unit' });
    const memberWrites = odoo.calls.filter((c) => c.model === 'helpdesk.ticket.team' && c.method === 'write');
    assert.equal(memberWrites.length, 1, 'the agent is admitted once');
    assert.deepEqual(memberWrites[0]?.kwargs?.vals, { user_ids: [[4, 12]] });
    const create = odoo.calls.find((c) => c.model === 'helpdesk.ticket' && c.method === 'create');
    assert.deepEqual(create?.kwargs?.vals_list, [{ name: 'Complaint: a damaged unit', team_id: 5, partner_id: 9, sale_order_ids: [[4, 3]], description: 'delivered with WH/OUT/00007' }]);
  });

  it('creates the team when it is missing, and closes a ticket in the Done stage', async () => {
    const odoo = helpdeskOdoo(undefined, 12);
    const desk = await helpdeskTicketDesk(odoo.client('admin'), 'UAT Customer Care');
    assert.equal(desk.team.id, 41);
    assert.equal(desk.closedStage, 'Done', "the web client's status bar names the stage");
    assert.deepEqual(odoo.calls.find((c) => c.model === 'helpdesk.ticket.team' && c.method === 'create')?.kwargs?.vals_list, [{ name: 'UAT Customer Care' }]);
    await desk.close(odoo.client('uat.service@harness.invalid'), 77);
    const close = odoo.calls.find((c) => c.model === 'helpdesk.ticket' && c.method === 'write');
    assert.deepEqual([close?.ids, close?.kwargs?.vals], [[77], { stage_id: 4 }]);
  });

  it("reads a ticket's customer, orders and state, and what the order shows: its tickets, and those in a closed stage", async () => {
    const odoo = helpdeskOdoo({ id: 5, user_ids: [] }, 2);
    const desk = await helpdeskTicketDesk(odoo.client('admin'), 'UAT Customer Care');
    const state = await desk.read(odoo.client('admin'), 77);
    assert.deepEqual(state, { id: 77, name: 'HT00012 Complaint: a damaged unit', closed: true, customer: 9, orders: [3], description: '<p>WH/OUT/00007</p>' });
    assert.deepEqual(await desk.ofOrder(odoo.client('admin'), 3), { complaints: [77, 78], closed: 1 });
    const count = odoo.calls.find((c) => c.method === 'search_count');
    assert.deepEqual(count?.kwargs?.domain, [['id', 'in', [77, 78]], ['stage_id.closed', '=', true]]);
    assert.deepEqual(odoo.calls.find((c) => c.model === 'sale.order')?.kwargs?.fields, ['ticket_ids']);
  });
});
