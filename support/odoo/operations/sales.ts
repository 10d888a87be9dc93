import { pressButton } from '../rpc/actions';
import type { OdooClient } from '../rpc/client';
import { x2many } from '../rpc/x2many';
import { createAndRead } from './create-and-read';
import type { RecordRef } from './master-data';
import { readRecord } from './snapshots';

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
  const { id, name } = await createAndRead<{ name: string }>(client, 'sale.order', {
    partner_id: customer,
    user_id: await client.uid(),
    client_order_ref: extra.reference,
    warehouse_id: extra.warehouse,
    order_line: lines.map((line) => x2many.create({ product_id: line.product, product_uom_qty: line.quantity, price_unit: line.price, discount: line.discount })),
  }, { name: {} });
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

/** The products an order's lines sell (section and note lines have none): one read. */
export async function orderedProducts(client: OdooClient, order: number): Promise<number[]> {
  const lines = await client.searchRead<{ product_id: [number, string] | false }>('sale.order.line', [['order_id', '=', order], ['product_id', '!=', false]], ['product_id']);
  return lines.flatMap((l) => (l.product_id ? [l.product_id[0]] : []));
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

/** The order and its lines in one read, with the order's evidence fields: the snapshot a step attaches after this check shares the read. */
export async function readOrder(client: OdooClient, order: number): Promise<OrderState> {
  const record = await readRecord<{
    name: string; partner_id: [number, string]; state: string; warehouse_id: [number, string] | false; picking_ids: number[]; invoice_ids: number[]; amount_untaxed: number; amount_total: number;
    order_line: { product_id: number | false; product_uom_qty: number; qty_delivered: number; qty_invoiced: number; price_unit: number; discount: number; price_subtotal: number }[];
  }>(client, 'sale.order', order);
  return {
    name: record.name,
    partner: { model: 'res.partner', id: record.partner_id[0], name: record.partner_id[1] },
    state: record.state,
    warehouse: record.warehouse_id ? record.warehouse_id[1] : '',
    // Section and note lines have no product.
    lines: record.order_line.flatMap((l) =>
      l.product_id ? [{ product: l.product_id, ordered: l.product_uom_qty, delivered: l.qty_delivered, invoiced: l.qty_invoiced, price: l.price_unit, discount: l.discount, subtotal: l.price_subtotal }] : [],
    ),
    pickings: record.picking_ids,
    invoices: record.invoice_ids,
    amountUntaxed: record.amount_untaxed,
    amountTotal: record.amount_total,
  };
}
