import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bareDesk, bareDeskKind, DESK_MODULES } from '../benchmarks/bare/complaint-desk';
import type { Odoo, Params } from '../benchmarks/bare/client';
import type { Capabilities } from '../support/odoo/capabilities';
import { helpdeskTicketDesk } from '../support/odoo/operations/helpdesk-tickets';
import { complaintDeskFor, complaintDeskKind } from '../support/odoo/operations/service';
import { OdooClient } from '../support/odoo/rpc/client';
import type { RpcCall } from '../support/odoo/rpc/transport';
import { versionProfile } from '../support/odoo/version-profile';

/** Every subset of the modules that decide the desk. */
const subsets = DESK_MODULES.reduce<string[][]>((all, module) => [...all, ...all.map((set) => [...set, module])], [[]]);

/** What both clients are answered, as Odoo 18 with helpdesk_mgmt_sale answered (team 41 without members, Done stage 4, new ticket 77). */
function answer(model: string, method: string): unknown {
  if (model === 'helpdesk.ticket.team' && method === 'search_read') return [{ id: 41, user_ids: [] }];
  if (model === 'ir.model.data') return [{ module: 'helpdesk_mgmt', name: 'helpdesk_ticket_stage_done', res_id: 4 }];
  if (model === 'helpdesk.ticket.stage') return [{ id: 4, name: 'Done' }];
  if (method === 'create') return [77];
  if (method === 'write') return true;
  throw new Error(`unexpected ${model}.${method}`);
}

/** The writes (create, write) a client sent, as model.method and values, in order. */
type Written = [string, unknown][];

function bareOdoo(uid: number, written: Written): Odoo {
  return {
    login: `user ${uid}`,
    uid,
    call: async <T>(model: string, method: string, params: Params = {}) => {
      if (method === 'create') written.push([`${model}.create`, (params.vals_list as unknown[])[0]]);
      if (method === 'write') written.push([`${model}.write`, params.vals]);
      return answer(model, method) as T;
    },
  };
}

function harnessClient(uid: number, written: Written): OdooClient {
  const transport = {
    kind: 'json2' as const,
    authenticate: async () => uid,
    call: async ({ model, method, kwargs }: RpcCall) => {
      if (method === 'create') written.push([`${model}.create`, (kwargs?.vals_list as unknown[])[0]]);
      if (method === 'write') written.push([`${model}.write`, kwargs?.vals]);
      return answer(model, method);
    },
  };
  return new OdooClient({ transport, login: `user ${uid}`, assertWritable: () => undefined });
}

describe("the bare complaint flow's desk (benchmarks/bare/cs-002.ts)", () => {
  for (const modules of subsets) {
    const installed = new Set(modules);
    it(`is the harness's desk with ${modules.join(', ') || 'none of ' + DESK_MODULES.join(', ')}`, async () => {
      const capabilities = { profile: versionProfile(18), modules: installed } as unknown as Capabilities;
      if (installed.has('helpdesk')) {
        assert.throws(() => bareDeskKind(installed), /Helpdesk \(Enterprise\)/);
        await assert.rejects(complaintDeskFor(capabilities, harnessClient(2, []), 'UAT Customer Care'), /Helpdesk \(Enterprise\)/);
      } else {
        assert.equal(bareDeskKind(installed), complaintDeskKind(capabilities));
      }
    });
  }

  it('opens and closes a ticket with the writes the harness sends', async () => {
    const spec = { title: 'Complaint: a damaged unit [BARE-1]', customer: 9, order: 3, description: 'Blue Yonder Cafes reports a damaged unit, delivered with WH/OUT/00007.' };
    const bare: Written = [];
    const harness: Written = [];
    const desk = await bareDesk(bareOdoo(2, bare), 'helpdesk-ticket');
    await desk.close(bareOdoo(8, bare), await desk.open(bareOdoo(8, bare), spec));
    const harnessDesk = await helpdeskTicketDesk(harnessClient(2, harness), 'UAT Customer Care');
    const agent = harnessClient(8, harness);
    await harnessDesk.close(agent, (await harnessDesk.open(agent, spec)).id);
    assert.deepEqual(bare, harness);
    assert.deepEqual(bare.map(([call]) => call), ['helpdesk.ticket.team.write', 'helpdesk.ticket.create', 'helpdesk.ticket.write']);
  });
});
