import { pressButton } from '../rpc/actions';
import type { OdooClient } from '../rpc/client';
import { x2many } from '../rpc/x2many';
import type { RecordRef } from './master-data';

export interface OrderLineSpec {
  product: number;
  quantity: number;
  /** Unit price; the product's list price when absent. */
  price?: number;
  /** Discount in percent. */
  discount?: number;
}

/** A quotation (draft sale order) entered by the given user, who becomes its salesperson. */
export async function createQuotation(
  client: OdooClient,
  customer: number,
  lines: OrderLineSpec[],
  extra: { reference?: string; warehouse?: number } = {},
): Promise<RecordRef> {
  const id = await client.create('sale.order', {
    partner_id: customer,
    user_id: await client.uid(),
    client_order_ref: extra.reference,
    warehouse_id: extra.warehouse,
    order_line: lines.map((line) => x2many.create({ product_id: line.product, product_uom_qty: line.quantity, price_unit: line.price, discount: line.discount })),
  });
  const { name } = await client.readOne<{ name: string }>('sale.order', id, ['name']);
  return { model: 'sale.order', id, name };
}

export async function confirmOrder(client: OdooClient, order: number): Promise<void> {
  await pressButton(client, 'sale.order', [order], 'action_confirm');
}

export async function findOrderByName(client: OdooClient, name: string): Promise<RecordRef> {
  const [id] = await client.search('sale.order', [['name', '=', name]]);
  if (id === undefined) throw new Error(`no sale order ${name} (or ${client.login} cannot see it)`);
  return { model: 'sale.order', id, name };
}

export interface OrderLineState {
  product: number;
  ordered: number;
  delivered: number;
  invoiced: number;
  price: number;
  discount: number;
  /** Untaxed amount of the line. */
  subtotal: number;
}

export interface OrderState {
  name: string;
  partner: RecordRef;
  /** draft, sent, sale, cancel */
  state: string;
  warehouse: string;
  lines: OrderLineState[];
  pickings: number[];
  invoices: number[];
  amountUntaxed: number;
  amountTotal: number;
}

export async function readOrder(client: OdooClient, order: number): Promise<OrderState> {
  const record = await client.readOne<{
    name: string; partner_id: [number, string]; state: string; warehouse_id: [number, string] | false; order_line: number[]; picking_ids: number[]; invoice_ids: number[]; amount_untaxed: number; amount_total: number;
  }>('sale.order', order, ['name', 'partner_id', 'state', 'warehouse_id', 'order_line', 'picking_ids', 'invoice_ids', 'amount_untaxed', 'amount_total']);
  const lines = await client.read<{ product_id: [number, string] | false; product_uom_qty: number; qty_delivered: number; qty_invoiced: number; price_unit: number; discount: number; price_subtotal: number }>(
    'sale.order.line', record.order_line, ['product_id', 'product_uom_qty', 'qty_delivered', 'qty_invoiced', 'price_unit', 'discount', 'price_subtotal'],
  );
  return {
    name: record.name,
    partner: { model: 'res.partner', id: record.partner_id[0], name: record.partner_id[1] },
    state: record.state,
    warehouse: record.warehouse_id ? record.warehouse_id[1] : '',
    // Section and note lines have no product.
    lines: lines.flatMap((l) =>
      l.product_id ? [{ product: l.product_id[0], ordered: l.product_uom_qty, delivered: l.qty_delivered, invoiced: l.qty_invoiced, price: l.price_unit, discount: l.discount, subtotal: l.price_subtotal }] : [],
    ),
    pickings: record.picking_ids,
    invoices: record.invoice_ids,
    amountUntaxed: record.amount_untaxed,
    amountTotal: record.amount_total,
  };
}
