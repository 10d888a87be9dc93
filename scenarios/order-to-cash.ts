import { orderTransfers, readPickings, validateTransfer } from '../support/odoo/operations/inventory';
import { bookPaymentsThroughOutstandingAccounts, invoiceOrder as invoiceOrderOverRpc, readInvoice, registerPayment, settlementOf } from '../support/odoo/operations/invoicing';
import type { RecordRef } from '../support/odoo/operations/master-data';
import { confirmOrder as confirmOrderOverRpc, createQuotation, readOrder, type OrderState } from '../support/odoo/operations/sales';
import { actorOf, type Actor } from '../support/actors';
import type { Screen } from '../support/odoo/ui/screens';
import { attachText } from '../support/evidence/attachments';
import { attachRecord, type World } from '../support/world';
import { expectAll, expectEqual, expectThat } from './expect';
import { aliasOf, expectUnits, goodsOf, scenarioProducts, totalOf, type GoodsRow } from './goods';

export interface OrderLineRow extends GoodsRow {
  price?: number;
  discount?: number;
}

/** The actor enters a quotation for a customer (over RPC in every mode: it is data entry, not the decision under test). */
export async function enterQuotation(world: World, actor: Actor, customerAlias: string, lines: OrderLineRow[], options: { warehouse?: string } = {}): Promise<RecordRef> {
  const customer = world.notes.customers.get(customerAlias);
  const goods = goodsOf(world, lines);
  const order = await createQuotation(
    await world.rpc(actor),
    customer.id,
    lines.map((line, i) => ({ product: (goods[i] as (typeof goods)[number]).product.id, quantity: line.quantity, price: line.price, discount: line.discount })),
    { reference: world.data.reference('PO'), ...(options.warehouse ? { warehouse: world.notes.warehouses.get(options.warehouse).id } : {}) },
  );
  world.notes.remember('the customer', customer);
  return world.notes.remember('the order', order);
}

/** The actor confirms the order, as the run mode does it (in the web client on the screen named: the desktop unless told). */
export async function confirmOrder(world: World, actor: Actor, screen?: Screen): Promise<void> {
  const order = world.notes.recall('the order');
  await (await world.acts(actor, screen)).confirmOrder(order);
  const state = await readOrder(world.odoo.admin, order.id);
  expectEqual(state.state, 'sale', `the state of order ${order.name} after ${actor.phrase} confirmed it`);
  await attachRecord(world, 'the order', order);
}

/** Finance invoices what the order delivered, and posts the invoice. */
export async function invoiceOrder(world: World, actor: Actor): Promise<RecordRef> {
  const order = world.notes.recall('the order');
  const invoice = await invoiceOrderOverRpc(await world.rpc(actor), order.id);
  await attachRecord(world, 'the invoice', invoice);
  return world.notes.remember('the invoice', invoice);
}

async function postedInvoiceUnits(world: World): Promise<{ name: string; units: Map<number, number> }> {
  const invoice = await readInvoice(world.odoo.admin, world.notes.recall('the invoice').id);
  expectEqual(invoice.state, 'posted', `the state of invoice ${invoice.name}`);
  const units = new Map<number, number>();
  for (const line of invoice.lines) units.set(line.product, (units.get(line.product) ?? 0) + line.quantity);
  return { name: invoice.name, units };
}

/** The invoice is posted for this many units of the scenario's goods in all (a shop's delivery charge is not goods). */
export async function expectInvoicedUnits(world: World, units: number): Promise<void> {
  const invoice = await postedInvoiceUnits(world);
  expectEqual(totalOf(world, invoice.units), units, `the units of ${scenarioProducts(world, invoice.units.keys()).map((p) => aliasOf(world, p.id)).join(' and ') || 'goods'} invoiced on ${invoice.name}`);
}

export async function expectInvoicedGoods(world: World, rows: GoodsRow[]): Promise<void> {
  const invoice = await postedInvoiceUnits(world);
  expectUnits(world, invoice.units, goodsOf(world, rows), (product) => `the units of ${product} invoiced on ${invoice.name}`);
}

async function orderGoods(world: World): Promise<{ order: RecordRef; state: OrderState; lines: OrderState['lines'] }> {
  const order = world.notes.recall('the order');
  const state = await readOrder(world.odoo.admin, order.id);
  const own = new Set(scenarioProducts(world, state.lines.map((l) => l.product)).map((p) => p.id));
  return { order, state, lines: state.lines.filter((l) => own.has(l.product)) };
}

/** Delivered and still to deliver over every goods line of the order. */
export async function expectOrderQuantities(world: World, delivered: number, toDeliver: number): Promise<void> {
  const { order, lines } = await orderGoods(world);
  const sum = (pick: (l: OrderState['lines'][number]) => number) => lines.reduce((total, l) => total + pick(l), 0);
  expectAll([
    { what: `the units delivered on order ${order.name}`, expected: delivered, actual: sum((l) => l.delivered) },
    { what: `the units still to deliver on order ${order.name}`, expected: toDeliver, actual: sum((l) => l.ordered - l.delivered) },
  ]);
  await attachRecord(world, 'the order', order);
}

/** One line of the order, by its product. */
async function orderLine(world: World, productAlias: string): Promise<{ order: RecordRef; line: OrderState['lines'][number] }> {
  const product = world.notes.products.get(productAlias);
  const { order, lines } = await orderGoods(world);
  const matching = lines.filter((l) => l.product === product.id);
  expectThat(matching.length === 1, `order ${order.name} should have one line of "${productAlias}", it has ${matching.length}`);
  return { order, line: matching[0] as OrderState['lines'][number] };
}

export async function expectOrderLineQuantities(world: World, productAlias: string, delivered: number, toDeliver: number): Promise<void> {
  const { order, line } = await orderLine(world, productAlias);
  expectAll([
    { what: `the units of "${productAlias}" delivered on order ${order.name}`, expected: delivered, actual: line.delivered },
    { what: `the units of "${productAlias}" still to deliver on order ${order.name}`, expected: toDeliver, actual: line.ordered - line.delivered },
  ]);
}

export async function expectOrderLinePrice(world: World, productAlias: string, price: number, discount: number): Promise<void> {
  const { order, line } = await orderLine(world, productAlias);
  expectAll([
    { what: `the unit price of "${productAlias}" on order ${order.name}`, expected: price, actual: line.price },
    { what: `the discount (%) of "${productAlias}" on order ${order.name}`, expected: discount, actual: line.discount },
  ]);
}

export async function expectOrderUntaxed(world: World, amount: number): Promise<void> {
  const { order, state } = await orderGoods(world);
  expectEqual(state.amountUntaxed, amount, `the untaxed amount of order ${order.name}`);
}

export async function expectOrderFullyInvoiced(world: World): Promise<void> {
  const { order, lines } = await orderGoods(world);
  expectAll(lines.map((line) => ({ what: `the units of ${aliasOf(world, line.product)} invoiced on order ${order.name}`, expected: line.ordered, actual: line.invoiced })));
}

/** Nothing of the order is waiting to ship: no open delivery (a cancelled rest counts as nothing left). */
export async function expectNothingLeftToShip(world: World): Promise<void> {
  const order = world.notes.recall('the order');
  const open = await orderTransfers(world.odoo.admin, order.id, 'outgoing', 'open');
  expectThat(open.length === 0, `order ${order.name} should have nothing left to ship, but ${open.map((t) => `${t.name} is ${t.state}`).join(', ')}`);
}

/** The order ships from the named warehouse: the order says so, and so does every delivery. */
export async function expectOrderShipsFrom(world: World, warehouseAlias: string): Promise<void> {
  const warehouse = world.notes.warehouses.get(warehouseAlias);
  const { order, state } = await orderGoods(world);
  expectEqual(state.warehouse, warehouse.name, `the warehouse of order ${order.name}`);
  const elsewhere = await readPickings(world.odoo.admin, [['sale_id', '=', order.id], ['picking_type_code', '=', 'outgoing'], ['picking_type_id.warehouse_id', '!=', warehouse.id]]);
  expectThat(elsewhere.length === 0, `order ${order.name} should ship from ${warehouse.name} only, but ${elsewhere.map((t) => `${t.name} (${t.operation})`).join(', ')} do not`);
}

/** Set-up: an order of the customer, confirmed and delivered in full (over RPC, as the set-up user). */
export async function haveDeliveredOrder(world: World, customerAlias: string, rows: GoodsRow[]): Promise<void> {
  const admin = world.odoo.admin;
  const customer = world.notes.customers.get(customerAlias);
  const goods = goodsOf(world, rows);
  const order = world.notes.remember('the order', await createQuotation(admin, customer.id, goods.map((g) => ({ product: g.product.id, quantity: g.quantity }))));
  world.notes.remember('the customer', customer);
  await confirmOrderOverRpc(admin, order.id);
  const [delivery] = await orderTransfers(admin, order.id, 'outgoing', 'open');
  if (!delivery) throw new Error(`order ${order.name} made no delivery: is Inventory (sale_stock) installed?`);
  await validateTransfer(admin, delivery, new Map(goods.map((g) => [g.product.id, g.quantity])));
  world.notes.remember('the delivery', { model: 'stock.picking', id: delivery.id, name: delivery.name });
  await attachRecord(world, 'the order', order);
}

/** Who records a customer's payment in Odoo: finance, with its own user. */
// The payment steps declare that they act as this role (actsAs), so that the run makes its user ready.
const PAYMENT_DESK = actorOf('finance');

/** The customer pays the invoice, in full or in part; finance registers the payment received. */
export async function customerPays(world: World, amount?: number): Promise<void> {
  const invoice = world.notes.recall('the invoice');
  await registerPayment(await world.rpc(PAYMENT_DESK), invoice.id, amount);
  await attachRecord(world, 'the invoice', invoice);
}

/**
 * The invoice is paid: nothing left due, settled by money received from the
 * customer (an incoming payment), as Odoo shows it ("Paid", or "In Payment"
 * until the bank statement matches it).
 */
export async function expectInvoicePaid(world: World): Promise<void> {
  const ref = world.notes.recall('the invoice');
  const invoice = await readInvoice(world.odoo.admin, ref.id);
  const settlement = await settlementOf(world.odoo.admin, world.odoo.capabilities.profile, ref.id);
  const received = settlement.payments.filter((p) => p.direction === 'inbound');
  expectAll([
    { what: `the amount still due on ${invoice.name}${unbookedPaymentHint(invoice)}`, expected: 0, actual: invoice.amountResidual },
    { what: `the payment state of ${invoice.name} (paid or in payment)`, expected: 'paid or in_payment', actual: ['paid', 'in_payment'].includes(invoice.paymentState) ? 'paid or in_payment' : invoice.paymentState },
  ]);
  expectThat(received.length > 0, `${invoice.name} should be paid by the customer, but no incoming payment settles it` + describeOthers(settlement.otherEntries));
  await attachText(world.testInfo, 'the payments', received.map((p) => `${p.name}: ${p.amount.toFixed(2)} received`).join('\n'));
}

export async function expectInvoicePartlyPaid(world: World, stillDue: number): Promise<void> {
  const ref = world.notes.recall('the invoice');
  const invoice = await readInvoice(world.odoo.admin, ref.id);
  expectAll([
    { what: `the amount still due on ${invoice.name}${unbookedPaymentHint(invoice)}`, expected: stillDue, actual: invoice.amountResidual },
    { what: `the payment state of ${invoice.name}`, expected: 'partial', actual: invoice.paymentState },
  ]);
}

/**
 * Why an invoice can read "paid" with its amount still due: its payment made
 * no journal entry (18.0 Community, a payment method without an outstanding
 * account), so nothing was reconciled with it.
 */
function unbookedPaymentHint(invoice: { paymentState: string; amountResidual: number }): string {
  return ['paid', 'in_payment'].includes(invoice.paymentState) && invoice.amountResidual > 0
    ? ' (Odoo marks it paid by a payment that made no journal entry: its payment method has no outstanding account; see "payments are booked through outstanding accounts")'
    : '';
}

export function describeOthers(entries: { name: string; amount: number }[]): string {
  return entries.length ? `; Odoo settled it with ${entries.map((e) => `${e.name} (${e.amount.toFixed(2)})`).join(', ')}` : '';
}

/** Set-up: payments are journal entries through outstanding accounts (see the operation for why 18 needs it). */
export async function havePaymentsBookedThroughOutstandingAccounts(world: World): Promise<void> {
  const changes = await bookPaymentsThroughOutstandingAccounts(world.odoo.admin);
  if (changes.length) await attachText(world.testInfo, 'payment set-up', changes.join('\n'));
}
