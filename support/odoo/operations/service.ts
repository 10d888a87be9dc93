import type { Capabilities } from '../capabilities';
import type { OdooClient } from '../rpc/client';
import { HELPDESK_AGENT_GROUP, helpdeskTicketDesk, type HelpdeskTicketDesk } from './helpdesk-tickets';
import type { RecordRef } from './master-data';

export interface ComplaintSpec {
  title: string;
  customer: number;
  order: number;
  /** What happened and which delivery (and lot) it concerns. */
  description: string;
}

export interface ComplaintState {
  id: number;
  name: string;
  closed: boolean;
  customer: number | undefined;
  /** The orders the complaint is linked to (a task has one at most, a ticket any number). */
  orders: number[];
  description: string;
}

/** What every complaint desk does, over RPC, as the user given (the service agent, or the set-up user for reads). */
export interface ComplaintDeskActs {
  /** Where complaints live on this target, in a process owner's words (attached to the scenario). */
  readonly description: string;
  open(client: OdooClient, spec: ComplaintSpec): Promise<RecordRef>;
  close(client: OdooClient, complaint: number): Promise<void>;
  read(client: OdooClient, complaint: number): Promise<ComplaintState>;
  /** The complaints an order shows, and how many of them are closed. */
  ofOrder(client: OdooClient, order: number): Promise<{ complaints: number[]; closed: number }>;
}

/**
 * Complaints as tasks of a billable customer-care project, linked to the
 * order (sale_order_id keeps its value only in a billable project; seen on
 * 18 and 19).
 */
export interface ProjectTaskDesk extends ComplaintDeskActs {
  readonly kind: 'project-task';
  /** The customer-care project the complaints are tasks of. */
  readonly project: number;
  /**
   * Links a complaint entered in the web client to its order. 19's task form
   * offers only the order's service lines (Sales Order Item), so a goods
   * order is linked over RPC, as the agent's second act (seen on 19).
   */
  linkToOrder(client: OdooClient, complaint: number, order: number): Promise<void>;
}

/** Where complaints live on the target: OCA helpdesk tickets linked to orders, else project tasks. */
export type ComplaintDesk = ProjectTaskDesk | HelpdeskTicketDesk;

export type ComplaintDeskKind = ComplaintDesk['kind'];

/**
 * Which desk the target's modules make: OCA helpdesk tickets where
 * helpdesk_mgmt_sale links them to orders (the complaint must name its
 * order); project tasks otherwise, also where helpdesk_mgmt has no
 * helpdesk_mgmt_sale (brain-tec/helpdesk's 19.0 branch has none).
 */
export function complaintDeskKind(capabilities: Capabilities): ComplaintDeskKind {
  return capabilities.modules.has('helpdesk_mgmt_sale') ? 'helpdesk-ticket' : 'project-task';
}

/** The group the service agent needs at its desk, beside reading orders: team tickets at the helpdesk, project user for tasks. */
export function complaintDeskGroup(capabilities: Capabilities): string {
  return complaintDeskKind(capabilities) === 'helpdesk-ticket' ? HELPDESK_AGENT_GROUP : 'project.group_project_user';
}

/** The complaint desk of the target; its team or project is found by name or created (runs share it). */
export async function complaintDeskFor(capabilities: Capabilities, admin: OdooClient, name: string): Promise<ComplaintDesk> {
  // Enterprise Helpdesk tickets have other fields and rules: a run on such a target says so rather than testing tasks nobody uses there.
  if (capabilities.modules.has('helpdesk')) throw new Error('this target has Helpdesk (Enterprise), whose tickets the harness cannot drive yet (OCA helpdesk_mgmt with helpdesk_mgmt_sale, or customer-care project tasks, are supported)');
  if (complaintDeskKind(capabilities) === 'helpdesk-ticket') return helpdeskTicketDesk(admin, name);
  const withoutOrders = capabilities.modules.has('helpdesk_mgmt') ? '; helpdesk_mgmt is installed without helpdesk_mgmt_sale, so a ticket could not name the order' : '';
  return projectTaskDesk(await customerCareProject(admin, name), name, capabilities.profile.orderCountsClosedTasks, withoutOrders);
}

/** The billable customer-care project, found by name or created: runs share it. */
async function customerCareProject(admin: OdooClient, name: string): Promise<number> {
  const [existing] = await admin.search('project.project', [['name', '=', name]]);
  if (existing !== undefined) return existing;
  return admin.create('project.project', { name, allow_billable: true });
}

/** Closed task states: 1_done (done) and 1_canceled both count as closed for Odoo's counters. */
const DONE = '1_done';
const CLOSED_STATES = [DONE, '1_canceled'];

function projectTaskDesk(project: number, projectName: string, orderCountsClosedTasks: boolean, why: string): ProjectTaskDesk {
  return {
    kind: 'project-task',
    project,
    description: `Complaints are tasks of project "${projectName}" (project tasks linked to the order: sale_project)${why}.`,
    async open(client, spec) {
      const id = await client.create('project.task', {
        name: spec.title,
        project_id: project,
        partner_id: spec.customer,
        sale_order_id: spec.order,
        description: spec.description,
      });
      return { model: 'project.task', id, name: spec.title };
    },
    async linkToOrder(client, complaint, order) {
      await client.write('project.task', [complaint], { sale_order_id: order });
    },
    async close(client, complaint) {
      await client.write('project.task', [complaint], { state: DONE });
    },
    async read(client, complaint) {
      const task = await client.readOne<{ name: string; state: string; partner_id: [number, string] | false; sale_order_id: [number, string] | false; description: string | false }>(
        'project.task', complaint, ['name', 'state', 'partner_id', 'sale_order_id', 'description'],
      );
      return {
        id: complaint,
        name: task.name,
        closed: task.state === DONE,
        customer: task.partner_id ? task.partner_id[0] : undefined,
        orders: task.sale_order_id ? [task.sale_order_id[0]] : [],
        description: task.description || '',
      };
    },
    async ofOrder(client, order) {
      if (orderCountsClosedTasks) {
        const { tasks_ids: complaints, closed_task_count: closed } = await client.readOne<{ tasks_ids: number[]; closed_task_count: number }>('sale.order', order, ['tasks_ids', 'closed_task_count']);
        return { complaints, closed };
      }
      // 17: counted as 18's closed_task_count counts, from the states of the order's tasks.
      const { tasks_ids: complaints } = await client.readOne<{ tasks_ids: number[] }>('sale.order', order, ['tasks_ids']);
      const closed = await client.searchCount('project.task', [['id', 'in', complaints], ['state', 'in', CLOSED_STATES]]);
      return { complaints, closed };
    },
  };
}
