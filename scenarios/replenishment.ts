import type { Actor } from '../support/actors';
import { mainWarehouse, createVendor, type RecordRef } from '../support/odoo/operations/master-data';
import { buyFrom, createReorderingRule, openReceipts, purchasesOf, replenishNow, type PurchaseState } from '../support/odoo/operations/purchase';
import { recordByXmlId } from '../support/odoo/xml-ids';
import { attachRecord, type World } from '../support/world';
import { expectAll, expectEqual, expectThat } from './expect';
import { linesToDo, validateAs, type HowMuch } from './fulfilment';
import { aliasOf, expectUnits, goodsOf, scenarioProducts, type GoodsRow } from './goods';

const BUY_ROUTE = 'purchase_stock.route_warehouse0_buy';

/** A reordering rule's levels: buy up to `max` when the forecast falls below `min`; manual rules buy when replenishment runs. */
export interface RuleLevels {
  min: number;
  max: number;
  trigger: 'manual' | 'auto';
}

/** The product is bought from a vendor, and a reordering rule replenishes it (min 0, max 0: buy what orders need). */
export async function haveBoughtProduct(world: World, productAlias: string, vendorAlias: string, price: number, levels: RuleLevels = { min: 0, max: 0, trigger: 'manual' }): Promise<void> {
  const admin = world.odoo.admin;
  const product = world.notes.products.get(productAlias);
  // Products bought from the same vendor alias share one vendor.
  const known = world.notes.vendors.has(vendorAlias) ? world.notes.vendors.get(vendorAlias) : world.notes.vendors.add(vendorAlias, await createVendor(admin, world.data.named(vendorAlias)));
  const vendor = world.notes.remember('the vendor', known);
  await buyFrom(admin, product.id, vendor.id, price);
  const rule = await createReorderingRule(admin, product.id, await mainWarehouse(admin), await recordByXmlId(admin, BUY_ROUTE), levels);
  const rules = world.notes.has('the reordering rules') ? world.notes.recall('the reordering rules') : world.notes.remember('the reordering rules', []);
  rules.push(rule);
}

/** Replenishment runs (the scheduler's job, as the set-up user) for every rule of the scenario. */
export async function runReplenishment(world: World): Promise<void> {
  await replenishNow(world.odoo.admin, world.notes.recall('the reordering rules').map((r) => r.id));
}

/** The vendor's one purchase order of the scenario's goods. */
async function thePurchase(world: World): Promise<PurchaseState> {
  const vendor = world.notes.recall('the vendor');
  const purchases = (await Promise.all(world.notes.products.all().map((p) => purchasesOf(world.odoo.admin, vendor.id, p.id)))).flat();
  const unique = [...new Map(purchases.map((p) => [p.id, p])).values()];
  expectThat(unique.length > 0, `no purchase order of ${vendor.name} buys this scenario's goods`);
  expectThat(unique.length === 1, `${unique.length} purchase orders of ${vendor.name} buy this scenario's goods (${unique.map((p) => p.name).join(', ')}), expected one`);
  return unique[0] as PurchaseState;
}

function unitsOf(purchase: PurchaseState, what: 'quantity' | 'received'): Map<number, number> {
  const units = new Map<number, number>();
  for (const line of purchase.lines) units.set(line.product, (units.get(line.product) ?? 0) + line[what]);
  return units;
}

export async function expectPurchaseOrderFor(world: World, units: number): Promise<void> {
  const purchase = await thePurchase(world);
  const ordered = unitsOf(purchase, 'quantity');
  const products = scenarioProducts(world, ordered.keys());
  expectEqual(products.reduce((sum, p) => sum + (ordered.get(p.id) ?? 0), 0), units, `the units of ${products.map((p) => aliasOf(world, p.id)).join(' and ')} on purchase order ${purchase.name}`);
  expectThat(['draft', 'sent'].includes(purchase.state), `purchase order ${purchase.name} should be waiting for the vendor (a request for quotation), but it is ${purchase.state}`);
  await notePurchase(world, purchase);
}

export async function expectPurchaseOrderWith(world: World, rows: GoodsRow[]): Promise<void> {
  const purchase = await thePurchase(world);
  expectUnits(world, unitsOf(purchase, 'quantity'), goodsOf(world, rows), (product) => `the units of ${product} on purchase order ${purchase.name}`);
  await notePurchase(world, purchase);
}

async function notePurchase(world: World, purchase: PurchaseState): Promise<void> {
  const ref: RecordRef = { model: 'purchase.order', id: purchase.id, name: purchase.name };
  world.notes.remember('the purchase order', ref);
  await attachRecord(world, 'the purchase order', ref, purchase.evidence);
}

export async function confirmPurchaseOrder(world: World, actor: Actor): Promise<void> {
  const purchase = world.notes.recall('the purchase order');
  await (await world.acts(actor)).confirmPurchase(purchase);
  const state = await thePurchase(world);
  expectEqual(state.state, 'purchase', `the state of purchase order ${purchase.name} after ${actor.phrase} confirmed it`);
}

/** The actor receives the purchase order's open receipt, as much as the step says; the rest stays as a backorder or is cancelled. */
export async function receivePurchase(world: World, actor: Actor, how: HowMuch, rest: 'backorder' | 'no-backorder' = 'backorder'): Promise<void> {
  const purchase = world.notes.recall('the purchase order');
  const [receipt] = await openReceipts(world.odoo.admin, purchase.id);
  if (!receipt) throw new Error(`purchase order ${purchase.name} has no receipt to receive`);
  await validateAs(world, actor, receipt, 'the receipt', linesToDo(world, receipt, how, 'receives and keeps the rest as a backorder:'), rest);
}

/** Received and still to receive over the purchase order's goods. */
export async function expectPurchaseQuantities(world: World, received: number, toReceive: number): Promise<void> {
  const purchase = await thePurchase(world);
  const products = scenarioProducts(world, unitsOf(purchase, 'quantity').keys());
  const sum = (units: Map<number, number>) => products.reduce((total, p) => total + (units.get(p.id) ?? 0), 0);
  const ordered = sum(unitsOf(purchase, 'quantity'));
  const done = sum(unitsOf(purchase, 'received'));
  expectAll([
    { what: `the units received on purchase order ${purchase.name}`, expected: received, actual: done },
    { what: `the units still to receive on purchase order ${purchase.name}`, expected: toReceive, actual: ordered - done },
  ]);
  await attachRecord(world, 'the purchase order', { model: 'purchase.order', id: purchase.id, name: purchase.name }, purchase.evidence);
}

