import type { Actor } from '../support/actors';
import { createReturn, orderTransfers, unitsByProduct } from '../support/odoo/operations/inventory';
import { creditNoteFor, readInvoice, registerPayment, settlementOf } from '../support/odoo/operations/invoicing';
import type { RecordRef } from '../support/odoo/operations/master-data';
import { onlinePaymentsOf, prepareShopCheckout, publishInShop, websiteOf } from '../support/odoo/operations/shop';
import { readRecord } from '../support/odoo/operations/snapshots';
import { attachText } from '../support/evidence/attachments';
import { attachRecord, type World } from '../support/world';
import { expectAll, expectEqual, expectThat, ScenarioCheckFailed } from './expect';
import { validateAs } from './fulfilment';
import { aliasOf, expectUnits, goodsOf, scenarioProducts, theOnlyProduct, type Goods, type GoodsRow } from './goods';
import { haveStorableProduct, unitsOnHand } from './master-data';
import { describeOthers } from './order-to-cash';

/** A product the shop sells, with stock, on a database made ready for demo-provider checkouts. */
export async function haveShopProduct(world: World, alias: string, price: number, units: number): Promise<void> {
  const product = await haveStorableProduct(world, alias, units, { price });
  const listings = world.notes.has('the shop listings') ? world.notes.recall('the shop listings') : world.notes.remember('the shop listings', new Map());
  listings.set(product.id, await publishInShop(world.odoo.admin, product.id));
  const { changes } = await prepareShopCheckout(world.odoo.admin);
  if (changes.length) await attachText(world.testInfo, 'shop set-up', changes.join('\n'));
}

/** A shop customer buys goods and pays with the demo provider, as the run mode does a checkout. */
export async function buyInShop(world: World, rows: GoodsRow[]): Promise<void> {
  const listings = world.notes.recall('the shop listings');
  const lines = goodsOf(world, rows).map((line) => {
    const listing = listings.get(line.product.id);
    if (listing === undefined) throw new Error(`${world.where()}: ${aliasOf(world, line.product.id)} is not sold in the shop: a "sold in the shop" Given step must create it`);
    return { ...line, listing };
  });
  const order = await (await world.shop()).buyAndPay({ lines, shopper: world.data.customer('generated') });
  const { partner_id: [partner, name] } = await readRecord<{ partner_id: [number, string] }>(world.odoo.admin, 'sale.order', order.id);
  world.notes.remember('the customer', { model: 'res.partner', id: partner, name });
  world.notes.remember('the order', order);
}

export async function expectPaidShopOrder(world: World): Promise<void> {
  const order = world.notes.recall('the order');
  // The order's own fields only (its lines are not what this check is about); the evidence below shares the read.
  const state = await readRecord<{ state: string; amount_total: number }>(world.odoo.admin, 'sale.order', order.id);
  expectEqual(state.state, 'sale', `the state of shop order ${order.name}`);
  const website = await websiteOf(world.odoo.admin, order.id);
  expectThat(website !== undefined, `order ${order.name} should have come through the shop (it has no website)`);
  const payments = await onlinePaymentsOf(world.odoo.admin, order.id);
  const paid = payments.filter((p) => p.provider === 'demo' && p.state === 'done').reduce((sum, p) => sum + p.amount, 0);
  expectEqual(paid, state.amount_total, `the amount paid online with the demo provider for order ${order.name}`);
  await attachRecord(world, 'the order', order);
}

/** What a return or a credit note takes back: some units of the only product, some per product, or everything. */
export type TakenBack = { units: number } | { rows: GoodsRow[] } | { everything: true };

/**
 * The actor takes back delivered goods: returns through Odoo's return wizard
 * from the order's done deliveries (the latest first, as many as each
 * shipped), each received into stock.
 */
export async function takeBack(world: World, actor: Actor, what: TakenBack): Promise<void> {
  const order = world.notes.recall('the order');
  const deliveries = (await orderTransfers(world.odoo.admin, order.id, 'outgoing', 'done')).reverse();
  const delivered = new Map<number, number>();
  for (const d of deliveries) for (const [product, units] of unitsByProduct(d, 'quantity')) delivered.set(product, (delivered.get(product) ?? 0) + units);
  const wanted = goodsTakenBack(world, what, delivered, `the deliveries of ${order.name}`, 'takes back:');
  // The stock of the goods taken back, before: what "the stock is back by" compares with.
  world.notes.remember('the stock before the return', new Map(await Promise.all(wanted.map(async (g) => [g.product.id, await unitsOnHand(world, g.product)] as [number, number]))));
  const client = await world.rpc(actor);
  const left = new Map(wanted.map((g) => [g.product.id, g.quantity]));
  const returns: RecordRef[] = [];
  for (const delivery of deliveries) {
    const shipped = unitsByProduct(delivery, 'quantity');
    const here = new Map([...left].map(([product, units]) => [product, Math.min(units, shipped.get(product) ?? 0)] as [number, number]).filter(([, units]) => units > 0));
    if (here.size === 0) continue;
    for (const [product, units] of here) left.set(product, (left.get(product) ?? 0) - units);
    const returned = await createReturn(client, world.odoo.capabilities.profile, delivery.id, here);
    returns.push(returned);
    const lines = [...here].map(([product, quantity]) => ({ product: world.notes.products.all().find((p) => p.id === product) as RecordRef, quantity }));
    await validateAs(world, actor, returned, 'the return', lines);
  }
  const short = [...left].filter(([, units]) => units > 0);
  if (short.length) throw new Error(`${world.where()}: ${order.name} delivered too few to take back ${short.map(([p, u]) => `${u} more of ${aliasOf(world, p)}`).join(', ')}`);
  world.notes.remember('the returns', returns);
}

/** Resolves what a step takes back against what there is (delivered, or invoiced). */
function goodsTakenBack(world: World, what: TakenBack, there: Map<number, number>, where: string, tableForm: string): Goods {
  const products = scenarioProducts(world, there.keys());
  if ('everything' in what) return products.map((product) => ({ product, quantity: there.get(product.id) ?? 0 }));
  if ('units' in what) return [{ product: theOnlyProduct(world, products, where, tableForm), quantity: what.units }];
  return goodsOf(world, what.rows);
}

/** The stock of the returned goods is back up by exactly these units. */
export async function expectStockBack(world: World, what: { units: number } | { rows: GoodsRow[] }): Promise<void> {
  const before = world.notes.recall('the stock before the return');
  const products = scenarioProducts(world, before.keys());
  const back = new Map(await Promise.all(products.map(async (p) => [p.id, (await unitsOnHand(world, p)) - (before.get(p.id) ?? 0)] as [number, number])));
  const expected = 'units' in what ? [{ product: theOnlyProduct(world, products, 'the return', 'the stock is back by:'), quantity: what.units }] : goodsOf(world, what.rows);
  expectUnits(world, back, expected, (product) => `the units of ${product} back in stock`);
}

/** The actor issues a credit note of the invoice, through Odoo's reversal wizard, and posts it. */
export async function issueCreditNote(world: World, actor: Actor, what: TakenBack): Promise<void> {
  const invoice = world.notes.recall('the invoice');
  const order = world.notes.recall('the order');
  const invoiced = invoicedUnits(await readInvoice(world.odoo.admin, invoice.id));
  const quantities = 'everything' in what ? undefined : new Map(goodsTakenBack(world, what, invoiced, invoice.name, 'issues a credit note for:').map((g) => [g.product.id, g.quantity]));
  const reason = quantities ? `Return from ${order.name}` : `Full return of ${order.name}`;
  const creditNote = await creditNoteFor(await world.rpc(actor), invoice.id, quantities, reason);
  world.notes.remember('the credit note', creditNote);
  await attachRecord(world, 'the credit note', creditNote);
}

function invoicedUnits(invoice: { lines: { product: number; quantity: number }[] }): Map<number, number> {
  const units = new Map<number, number>();
  for (const line of invoice.lines) units.set(line.product, (units.get(line.product) ?? 0) + line.quantity);
  return units;
}

/**
 * The actor pays the credit note back to the customer: an outgoing payment
 * of what is left on it. Where Odoo already settled it otherwise (seen on 18:
 * against the unpaid invoice), nothing is left to pay back, and the step
 * fails saying what Odoo did: no money went back.
 */
export async function refundCreditNote(world: World, actor: Actor): Promise<void> {
  const ref = world.notes.recall('the credit note');
  const note = await readInvoice(world.odoo.admin, ref.id);
  if (note.amountResidual <= 0) {
    const settlement = await settlementOf(world.odoo.admin, world.odoo.capabilities.profile, ref.id);
    throw new ScenarioCheckFailed(`${note.name} has nothing left to pay back: no money can go back to the customer${describeOthers(settlement.otherEntries)}`);
  }
  await registerPayment(await world.rpc(actor), ref.id);
  await attachRecord(world, 'the credit note', ref);
}

/**
 * The credit note is posted, reverses the invoice for the units the step
 * says, and was paid back: settled in full by outgoing payments.
 */
export async function expectRefunded(world: World, what: TakenBack): Promise<void> {
  const invoice = world.notes.recall('the invoice');
  const note = await readInvoice(world.odoo.admin, world.notes.recall('the credit note').id);
  expectAll([
    { what: `the kind of ${note.name}`, expected: 'out_refund', actual: note.moveType },
    { what: `the state of credit note ${note.name}`, expected: 'posted', actual: note.state },
    { what: `the invoice credit note ${note.name} reverses`, expected: invoice.name, actual: note.reversalOf === invoice.id ? invoice.name : String(note.reversalOf) },
  ]);
  const credited = invoicedUnits(note);
  // "Everything" is what the invoice billed; otherwise what the step names.
  const there = 'everything' in what ? invoicedUnits(await readInvoice(world.odoo.admin, invoice.id)) : credited;
  const expected = goodsTakenBack(world, what, there, note.name, 'the credit note is posted and paid back for:');
  expectUnits(world, credited, expected, (product) => `the units of ${product} credited on ${note.name}`);
  const settlement = await settlementOf(world.odoo.admin, world.odoo.capabilities.profile, note.id);
  const paidBack = settlement.payments.filter((p) => p.direction === 'outbound');
  expectThat(
    paidBack.length > 0 && note.amountResidual === 0,
    `credit note ${note.name} should be paid back, but ${paidBack.length ? `${note.amountResidual.toFixed(2)} is still due on it` : 'no outgoing payment settles it'}${describeOthers(settlement.otherEntries)}`,
  );
  await attachText(world.testInfo, 'the refund', paidBack.map((p) => `${p.name}: ${p.amount.toFixed(2)} paid back`).join('\n'));
}
