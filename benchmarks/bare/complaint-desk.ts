/**
 * Where the bare complaint flow (cs-002.ts) keeps its complaint: the desk
 * the harness picks on the same modules (support/odoo/operations/service.ts),
 * so the server-time comparison sends Odoo like-for-like work. Raw calls,
 * no harness code.
 */
import { check, create, searchRead, write, type Odoo } from './client';

/** The modules that decide the desk, as the harness decides it. */
export const DESK_MODULES = ['helpdesk', 'helpdesk_mgmt', 'helpdesk_mgmt_sale'];

export type BareDeskKind = 'helpdesk-ticket' | 'project-task';

/**
 * Tickets of OCA helpdesk_mgmt where helpdesk_mgmt_sale links them to the
 * order, project tasks otherwise; Enterprise Helpdesk is refused, as the
 * harness refuses it.
 */
export function bareDeskKind(installed: ReadonlySet<string>): BareDeskKind {
  if (installed.has('helpdesk')) throw new Error('this target has Helpdesk (Enterprise), which the harness does not drive: no like-for-like bare flow');
  return installed.has('helpdesk_mgmt_sale') ? 'helpdesk-ticket' : 'project-task';
}

export interface ComplaintSpec {
  title: string;
  customer: number;
  order: number;
  description: string;
}

/** A complaint desk as the flow uses it: open a complaint, check its links, close it, check that the order shows it closed. */
export interface BareDesk {
  kind: BareDeskKind;
  open(service: Odoo, spec: ComplaintSpec): Promise<number>;
  /** Read back by the set-up user the desk was made with. */
  expectLinked(complaint: number, spec: ComplaintSpec, deliveryName: string): Promise<void>;
  close(service: Odoo, complaint: number): Promise<void>;
  expectClosed(complaint: number, order: number): Promise<void>;
}

const CUSTOMER_CARE = 'UAT Customer Care';

export async function bareDesk(admin: Odoo, kind: BareDeskKind): Promise<BareDesk> {
  return kind === 'helpdesk-ticket' ? ticketDesk(admin) : taskDesk(admin);
}

/** The customer-care team's tickets, linked to orders by helpdesk_mgmt_sale; the agent is made a member as the harness admits it. */
async function ticketDesk(admin: Odoo): Promise<BareDesk> {
  const [found] = await searchRead<{ id: number; user_ids: number[] }>(admin, 'helpdesk.ticket.team', [['name', '=', CUSTOMER_CARE]], ['user_ids'], { limit: 1 });
  const team = found ?? { id: await create(admin, 'helpdesk.ticket.team', { name: CUSTOMER_CARE }), user_ids: [] };
  const [done] = await searchRead<{ res_id: number }>(admin, 'ir.model.data', [['module', '=', 'helpdesk_mgmt'], ['name', '=', 'helpdesk_ticket_stage_done']], ['res_id']);
  if (!done) throw new Error('helpdesk_mgmt has no Done stage (helpdesk_mgmt.helpdesk_ticket_stage_done)');
  const readTicket = async (id: number) =>
    (await admin.call<{ partner_id: [number, string]; sale_order_ids: number[]; description: string; closed: boolean }[]>('helpdesk.ticket', 'read', { ids: [id], fields: ['partner_id', 'sale_order_ids', 'description', 'closed'] }))[0];
  const ticketsOf = async (order: number) => (await admin.call<{ ticket_ids: number[] }[]>('sale.order', 'read', { ids: [order], fields: ['ticket_ids'] }))[0]?.ticket_ids ?? [];
  return {
    kind: 'helpdesk-ticket',
    async open(service, spec) {
      if (!team.user_ids.includes(service.uid)) await write(admin, 'helpdesk.ticket.team', [team.id], { user_ids: [[4, service.uid]] });
      return create(service, 'helpdesk.ticket', { name: spec.title, team_id: team.id, partner_id: spec.customer, sale_order_ids: [[4, spec.order]], description: spec.description });
    },
    async expectLinked(complaint, spec, deliveryName) {
      const ticket = await readTicket(complaint);
      check(ticket?.partner_id[0] === spec.customer && ticket.sale_order_ids.length === 1 && ticket.sale_order_ids[0] === spec.order && ticket.description.includes(deliveryName), 'the complaint names customer, order and delivery');
      check((await ticketsOf(spec.order)).includes(complaint), 'the order shows the complaint');
    },
    async close(service, complaint) {
      await write(service, 'helpdesk.ticket', [complaint], { stage_id: done.res_id });
    },
    async expectClosed(complaint, order) {
      check((await readTicket(complaint))?.closed === true, 'the complaint is closed');
      const closed = await admin.call<number>('helpdesk.ticket', 'search_count', { domain: [['id', 'in', await ticketsOf(order)], ['stage_id.closed', '=', true]] });
      check(closed === 1, 'the order shows one closed complaint');
    },
  };
}

/** The billable customer-care project's tasks, linked to the order (sale_project). */
async function taskDesk(admin: Odoo): Promise<BareDesk> {
  const [found] = await admin.call<number[]>('project.project', 'search', { domain: [['name', '=', CUSTOMER_CARE]], limit: 1 });
  const project = found ?? (await create(admin, 'project.project', { name: CUSTOMER_CARE, allow_billable: true }));
  const readTask = async (id: number) =>
    (await admin.call<{ partner_id: [number, string]; sale_order_id: [number, string]; description: string; state: string }[]>('project.task', 'read', { ids: [id], fields: ['partner_id', 'sale_order_id', 'description', 'state'] }))[0];
  const readOrder = async (order: number) => (await admin.call<{ tasks_ids: number[]; closed_task_count: number }[]>('sale.order', 'read', { ids: [order], fields: ['tasks_ids', 'closed_task_count'] }))[0];
  return {
    kind: 'project-task',
    open: (service, spec) => create(service, 'project.task', { name: spec.title, project_id: project, partner_id: spec.customer, sale_order_id: spec.order, description: spec.description }),
    async expectLinked(complaint, spec, deliveryName) {
      const task = await readTask(complaint);
      check(task?.partner_id[0] === spec.customer && task.sale_order_id[0] === spec.order && task.description.includes(deliveryName), 'the complaint names customer, order and delivery');
      check(!!(await readOrder(spec.order))?.tasks_ids.includes(complaint), 'the order shows the complaint');
    },
    async close(service, complaint) {
      await write(service, 'project.task', [complaint], { state: '1_done' });
    },
    async expectClosed(complaint, order) {
      check((await readTask(complaint))?.state === '1_done', 'the complaint is closed');
      check((await readOrder(order))?.closed_task_count === 1, 'the order shows one closed complaint');
    },
  };
}
