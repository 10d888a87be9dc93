import { pressButton } from '../rpc/actions';
import type { OdooClient } from '../rpc/client';
import type { RecordRef } from './master-data';

export interface OrderLineSpec {
  product: number;
  quantity: number;
  /** Unit price; the product's list price when absent. */
  price?: number;
}

/** A quotation (draft sale order) entered by the given user, who becomes its salesperson. */
export async function createQuotation(
  client: OdooClient,
  customer: number,
  lines: OrderLineSpec[],
  extra: { reference?: string; teamName?: string } = {},
): Promise<RecordRef> {
  const teamId = extra.teamName ? await salesTeam(client, extra.teamName) : undefined;
  const id = await client.create('sale.order', {
    partner_id: customer,
    user_id: await client.uid(),
    client_order_ref: extra.reference,
    team_id: teamId,
    order_line: lines.map((line) => [0, 0, { product_id: line.product, product_uom_qty: line.quantity, price_unit: line.price }]),
  });
  const { name } = await client.readOne<{ name: string }>('sale.order', id, ['name']);
  return { model: 'sale.order', id, name };
}

async function salesTeam(client: OdooClient, name: string): Promise<number | undefined> {
  const [team] = await client.search('crm.team', [['name', 'ilike', name]], { limit: 1 });
  return team;
}

export async function confirmOrder(client: OdooClient, order: number): Promise<void> {
  await pressButton(client, 'sale.order', [order], 'action_confirm');
}

export async function findOrderByName(client: OdooClient, name: string): Promise<RecordRef> {
  const [id] = await client.search('sale.order', [['name', '=', name]]);
  if (id === undefined) throw new Error(`no sale order ${name} (or ${client.login} cannot see it)`);
  return { model: 'sale.order', id, name };
}

export interface OrderState {
  name: string;
  partner: RecordRef;
  /** draft, sent, sale, cancel */
  state: string;
  /** Odoo's credit warning on the order; empty when none. */
  creditWarning: string;
  lines: { product: number; ordered: number; delivered: number; invoiced: number }[];
  pickings: number[];
  invoices: number[];
  amountTotal: number;
}

export async function readOrder(client: OdooClient, order: number, options: { withCreditWarning?: boolean } = {}): Promise<OrderState> {
  const fields = ['name', 'partner_id', 'state', 'order_line', 'picking_ids', 'invoice_ids', 'amount_total', ...(options.withCreditWarning ? ['partner_credit_warning'] : [])];
  const record = await client.readOne<{
    name: string; partner_id: [number, string]; state: string; order_line: number[]; picking_ids: number[]; invoice_ids: number[]; amount_total: number; partner_credit_warning?: string | false;
  }>('sale.order', order, fields);
  const lines = await client.read<{ product_id: [number, string]; product_uom_qty: number; qty_delivered: number; qty_invoiced: number }>(
    'sale.order.line', record.order_line, ['product_id', 'product_uom_qty', 'qty_delivered', 'qty_invoiced'],
  );
  return {
    name: record.name,
    partner: { model: 'res.partner', id: record.partner_id[0], name: record.partner_id[1] },
    state: record.state,
    creditWarning: record.partner_credit_warning || '',
    lines: lines.map((l) => ({ product: l.product_id[0], ordered: l.product_uom_qty, delivered: l.qty_delivered, invoiced: l.qty_invoiced })),
    pickings: record.picking_ids,
    invoices: record.invoice_ids,
    amountTotal: record.amount_total,
  };
}
