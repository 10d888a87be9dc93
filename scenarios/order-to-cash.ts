import { readPicking, validateTransfer } from '../support/odoo/operations/inventory';
import { invoiceOrder as invoiceOrderOverRpc, readInvoice } from '../support/odoo/operations/invoicing';
import type { RecordRef } from '../support/odoo/operations/master-data';
import { confirmOrder as confirmOrderOverRpc, createQuotation, readOrder } from '../support/odoo/operations/sales';
import { confirmOrderInWebClient } from '../support/odoo/ui/record-actions';
import { attachRecord, type World } from '../support/world';
import { roleOf } from './actors';
import { customerKey, productKey } from './master-data';
import { expectEqual } from './expect';

export interface OrderLineRequest {
  product: string;
  quantity: number;
}

/** The actor enters a quotation for a customer (over RPC in every mode: it is data entry, not the decision under test). */
export async function enterQuotation(world: World, actor: string, customerAlias: string, lines: OrderLineRequest[]): Promise<RecordRef> {
  const client = await world.odoo.as(roleOf(actor));
  const customer = world.records.recall<RecordRef>(customerKey(customerAlias));
  const order = await createQuotation(
    client,
    customer.id,
    lines.map((line) => ({ product: world.records.recall<RecordRef>(productKey(line.product)).id, quantity: line.quantity })),
    { reference: world.data.reference('PO') },
  );
  return world.records.remember('the order', order);
}

/** The actor confirms the order: in the web client in hybrid mode, over RPC otherwise. */
export async function confirmOrder(world: World, actor: string): Promise<void> {
  const role = roleOf(actor);
  const order = world.records.recall<RecordRef>('the order');
  if (world.mode === 'hybrid') await confirmOrderInWebClient(await world.webClient(role), order.id);
  else await confirmOrderOverRpc(await world.odoo.as(role), order.id);
  const state = await readOrder(world.odoo.admin, order.id);
  expectEqual(state.state, 'sale', `the state of order ${order.name} after ${actor} confirmed it`);
  await attachRecord(world, 'the order', order);
}

/** Finance invoices what the order delivered, and posts the invoice. */
export async function invoiceOrder(world: World, actor: string): Promise<RecordRef> {
  const order = world.records.recall<RecordRef>('the order');
  const invoice = await invoiceOrderOverRpc(await world.odoo.as(roleOf(actor)), order.id);
  await attachRecord(world, 'the invoice', invoice);
  return world.records.remember('the invoice', invoice);
}

export async function expectInvoicedUnits(world: World, units: number): Promise<void> {
  const invoice = await readInvoice(world.odoo.admin, world.records.recall<RecordRef>('the invoice').id);
  expectEqual(invoice.state, 'posted', `the state of invoice ${invoice.name}`);
  // Only the scenario's product: a shop order also invoices its delivery method as a line.
  const product = world.records.recall<RecordRef>('the product');
  const invoiced = invoice.lines.filter((line) => line.product === product.id).reduce((sum, line) => sum + line.quantity, 0);
  expectEqual(invoiced, units, `the units of ${product.name} invoiced on ${invoice.name}`);
}

export async function expectOrderQuantities(world: World, delivered: number, toDeliver: number): Promise<void> {
  const order = world.records.recall<RecordRef>('the order');
  const product = world.records.recall<RecordRef>('the product');
  const state = await readOrder(world.odoo.admin, order.id);
  const totals = state.lines
    .filter((l) => l.product === product.id)
    .reduce((sum, l) => ({ ordered: sum.ordered + l.ordered, delivered: sum.delivered + l.delivered }), { ordered: 0, delivered: 0 });
  expectEqual(totals.delivered, delivered, `the units delivered on order ${order.name}`);
  expectEqual(totals.ordered - totals.delivered, toDeliver, `the units still to deliver on order ${order.name}`);
  await attachRecord(world, 'the order', order);
}

export async function expectOrderFullyInvoiced(world: World): Promise<void> {
  const order = world.records.recall<RecordRef>('the order');
  const state = await readOrder(world.odoo.admin, order.id);
  for (const line of state.lines) expectEqual(line.invoiced, line.ordered, `the units invoiced of a line of order ${order.name}`);
}

/** Set-up: an order of the customer, confirmed and delivered in full (over RPC, as the set-up user). */
export async function haveDeliveredOrder(world: World, customerAlias: string, units: number, productAlias: string): Promise<void> {
  const admin = world.odoo.admin;
  const customer = world.records.recall<RecordRef>(customerKey(customerAlias));
  const product = world.records.recall<RecordRef>(productKey(productAlias));
  const order = world.records.remember('the order', await createQuotation(admin, customer.id, [{ product: product.id, quantity: units }]));
  await confirmOrderOverRpc(admin, order.id);
  const [delivery] = (await readOrder(admin, order.id)).pickings;
  if (delivery === undefined) throw new Error(`order ${order.name} made no delivery: is Inventory (sale_stock) installed?`);
  await validateTransfer(admin, delivery, new Map());
  const { name } = await readPicking(admin, delivery);
  world.records.remember('the delivery', { model: 'stock.picking', id: delivery, name });
  await attachRecord(world, 'the order', order);
}
