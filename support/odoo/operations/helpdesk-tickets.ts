import type { OdooClient } from '../rpc/client';
import { x2many } from '../rpc/x2many';
import { recordByXmlId } from '../xml-ids';
import type { RecordRef } from './master-data';
import type { ComplaintDeskActs } from './service';

/**
 * The service agent's group with OCA helpdesk_mgmt: "User: Team tickets"
 * reads and writes the tickets of its teams (and those of no team), not
 * every ticket ("User") nor the helpdesk's settings ("Manager").
 */
export const HELPDESK_AGENT_GROUP = 'helpdesk_mgmt.group_helpdesk_user_team';

/** helpdesk_mgmt's "Done" stage: closed, and the stage a solved complaint goes to (Cancelled and Rejected are closed too, but say otherwise). */
const DONE_STAGE = 'helpdesk_mgmt.helpdesk_ticket_stage_done';

/**
 * Complaints as OCA helpdesk_mgmt tickets of a customer-care team, linked to
 * the order by helpdesk_mgmt_sale (the ticket's sale_order_ids and the
 * order's ticket_ids are one relation, so the order shows the ticket).
 */
export interface HelpdeskTicketDesk extends ComplaintDeskActs {
  readonly kind: 'helpdesk-ticket';
  /** The helpdesk team the complaints are tickets of. */
  readonly team: RecordRef;
  /** The name of the stage a closed complaint goes to, as the ticket form's status bar shows it. */
  readonly closedStage: string;
  /** Makes the agent a member of the team: the team-tickets rule lets it see and write only its teams' tickets. */
  admit(agent: OdooClient): Promise<void>;
}

interface TicketRead {
  name: string;
  number: string;
  closed: boolean;
  partner_id: [number, string] | false;
  sale_order_ids: number[];
  description: string | false;
}

/** The customer-care team, found by name or created by the set-up user, and the desk on it. */
export async function helpdeskTicketDesk(admin: OdooClient, teamName: string): Promise<HelpdeskTicketDesk> {
  const [existing] = await admin.searchRead<{ id: number; user_ids: number[] }>('helpdesk.ticket.team', [['name', '=', teamName]], ['user_ids'], { limit: 1 });
  const team = existing ?? { id: await admin.create('helpdesk.ticket.team', { name: teamName }), user_ids: [] };
  const members = new Set(team.user_ids);
  const done = await recordByXmlId(admin, DONE_STAGE);
  const [stage] = await admin.read<{ name: string }>('helpdesk.ticket.stage', [done], ['name']);
  const admit = async (agent: OdooClient) => {
    const uid = await agent.uid();
    if (members.has(uid)) return;
    // Runs share the team: a member is added, never set, so no other run's agent is taken out.
    await admin.write('helpdesk.ticket.team', [team.id], { user_ids: [x2many.link(uid)] });
    members.add(uid);
  };
  return {
    kind: 'helpdesk-ticket',
    team: { model: 'helpdesk.ticket.team', id: team.id, name: teamName },
    closedStage: stage?.name ?? 'Done',
    description: `Complaints are helpdesk tickets of team "${teamName}" (OCA helpdesk_mgmt), linked to the order by helpdesk_mgmt_sale.`,
    admit,
    async open(client, spec) {
      await admit(client);
      const id = await client.create('helpdesk.ticket', {
        name: spec.title,
        team_id: team.id,
        partner_id: spec.customer,
        sale_order_ids: [x2many.link(spec.order)],
        description: spec.description,
      });
      return { model: 'helpdesk.ticket', id, name: spec.title };
    },
    async close(client, complaint) {
      await client.write('helpdesk.ticket', [complaint], { stage_id: done });
    },
    async read(client, complaint) {
      const ticket = await client.readOne<TicketRead>('helpdesk.ticket', complaint, ['name', 'number', 'closed', 'partner_id', 'sale_order_ids', 'description']);
      return {
        id: complaint,
        name: `${ticket.number} ${ticket.name}`,
        closed: ticket.closed,
        customer: ticket.partner_id ? ticket.partner_id[0] : undefined,
        orders: ticket.sale_order_ids,
        description: ticket.description || '',
      };
    },
    async ofOrder(client, order) {
      // The order form shows its tickets (ticket_ids, and their count on the Tickets button); the order has no closed count, so the tickets' stages tell.
      const { ticket_ids: complaints } = await client.readOne<{ ticket_ids: number[] }>('sale.order', order, ['ticket_ids']);
      const closed = await client.searchCount('helpdesk.ticket', [['id', 'in', complaints], ['stage_id.closed', '=', true]]);
      return { complaints, closed };
    },
  };
}
