import { pressButton } from '../rpc/actions';
import type { OdooClient } from '../rpc/client';
import { readPickings, type PickingState } from './inventory';
import { createAndRead } from './create-and-read';
import type { RecordRef } from './master-data';
import { evidenceOf, fieldsToRead } from './snapshots';

/** Makes a product bought from a vendor at a price (its first supplier line). */
export async function buyFrom(admin: OdooClient, product: number, vendor: number, price: number): Promise<void> {
  const { product_tmpl_id: [template] } = await admin.readOne<{ product_tmpl_id: [number, string] }>('product.product', product, ['product_tmpl_id']);
  await admin.create('product.supplierinfo', { product_tmpl_id: template, partner_id: vendor, price, min_qty: 1 });
}

/**
 * A reordering rule that keeps a product's forecast between a minimum and a
 * maximum in a warehouse's stock, through the given route (Buy, or an
 * inter-warehouse resupply). A manual rule buys when the scenario says
 * replenishment runs; an automatic one as soon as a confirmed demand takes
 * the forecast below the minimum (on 18 that runs inside the salesperson's
 * confirmation and needs Purchase rights there; seen on live 18).
 */
export async function createReorderingRule(
  admin: OdooClient,
  product: number,
  warehouse: { id: number; stockLocation: number },
  route: number,
  levels: { min: number; max: number; trigger: 'manual' | 'auto' } = { min: 0, max: 0, trigger: 'manual' },
): Promise<RecordRef> {
  const { id, name } = await createAndRead<{ name: string }>(admin, 'stock.warehouse.orderpoint', {
    product_id: product,
    warehouse_id: warehouse.id,
    location_id: warehouse.stockLocation,
    product_min_qty: levels.min,
    product_max_qty: levels.max,
    route_id: route,
    trigger: levels.trigger,
  }, { name: {} });
  return { model: 'stock.warehouse.orderpoint', id, name };
}

/** Runs the replenishment of reordering rules now (their "Order Once" button), as the scheduler would. */
export async function replenishNow(client: OdooClient, rules: number[]): Promise<void> {
  await client.call('stock.warehouse.orderpoint', 'action_replenish', { ids: rules });
}

export interface PurchaseState {
  id: number;
  name: string;
  /** draft, sent, to approve, purchase, done, cancel */
  state: string;
  origin: string;
  lines: { product: number; quantity: number; received: number }[];
  pickings: number[];
  /** The order's evidence fields, read with the rest (snapshotRecord). */
  evidence: Record<string, unknown>;
}

/** Purchase orders of a vendor that order a product, with their evidence: a check and its snapshot see the order at the same moment. */
export async function purchasesOf(client: OdooClient, vendor: number, product: number): Promise<PurchaseState[]> {
  const orders = await client.searchRead<{ id: number; name: string; state: string; origin: string | false; order_line: number[]; picking_ids: number[] } & Record<string, unknown>>(
    'purchase.order', [['partner_id', '=', vendor], ['order_line.product_id', '=', product]], await fieldsToRead(client, 'purchase.order', ['order_line']), { order: 'id' },
  );
  const lines = await client.read<{ id: number; product_id: [number, string]; product_qty: number; qty_received: number }>(
    'purchase.order.line', orders.flatMap((o) => o.order_line), ['product_id', 'product_qty', 'qty_received'],
  );
  return orders.map((o) => ({
    id: o.id,
    name: o.name,
    state: o.state,
    origin: o.origin || '',
    lines: lines.filter((l) => o.order_line.includes(l.id)).map((l) => ({ product: l.product_id[0], quantity: l.product_qty, received: l.qty_received })),
    pickings: o.picking_ids,
    evidence: evidenceOf('purchase.order', o),
  }));
}

export async function confirmPurchase(client: OdooClient, purchase: number): Promise<void> {
  await pressButton(client, 'purchase.order', [purchase], 'button_confirm');
}

/** The open receipts of a purchase order. */
export async function openReceipts(client: OdooClient, purchase: number): Promise<PickingState[]> {
  return readPickings(client, [['purchase_id', '=', purchase], ['state', 'not in', ['done', 'cancel']]]);
}
