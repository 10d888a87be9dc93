import type { Capabilities } from '../capabilities';
import type { OdooClient } from '../rpc/client';
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
  order: number | undefined;
  description: string;
}

/**
 * Where complaints live on the target. Helpdesk (Enterprise) or OCA
 * helpdesk_mgmt tickets are not driven yet, and a run on such a target says
 * so; without them a complaint is a task of a billable customer-care project,
 * linked to the order (sale_order_id keeps its value only in a billable
 * project; seen on 18 and 19).
 */
export interface ComplaintDesk {
  readonly kind: 'project-task';
  /** The customer-care project the complaints are tasks of. */
  readonly project: number;
  open(client: OdooClient, spec: ComplaintSpec): Promise<RecordRef>;
  /**
   * Links a complaint entered in the web client to its order. 19's task form
   * offers only the order's service lines (Sales Order Item), so a goods
   * order is linked over RPC, as the agent's second act (seen on 19).
   */
  linkToOrder(client: OdooClient, complaint: number, order: number): Promise<void>;
  close(client: OdooClient, complaint: number): Promise<void>;
  read(client: OdooClient, complaint: number): Promise<ComplaintState>;
  /** The complaints an order shows, and how many are closed. */
  ofOrder(client: OdooClient, order: number): Promise<{ complaints: number[]; closed: number }>;
}

export async function complaintDeskFor(capabilities: Capabilities, admin: OdooClient, projectName: string): Promise<ComplaintDesk> {
  const helpdesk = ['helpdesk', 'helpdesk_mgmt'].find((m) => capabilities.modules.has(m));
  if (helpdesk) throw new Error(`this target has ${helpdesk}, whose tickets the harness cannot drive yet (only customer-care project tasks are supported)`);
  return projectTaskDesk(await customerCareProject(admin, projectName), capabilities.profile.orderCountsClosedTasks);
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

function projectTaskDesk(project: number, orderCountsClosedTasks: boolean): ComplaintDesk {
  return {
    kind: 'project-task',
    project,
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
        order: task.sale_order_id ? task.sale_order_id[0] : undefined,
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
