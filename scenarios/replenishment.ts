import { mainWarehouse, createVendor, type RecordRef } from '../support/odoo/operations/master-data';
import { buyFrom, confirmPurchase, createReorderingRule, openReceipts, purchasesOf, replenishNow } from '../support/odoo/operations/purchase';
import { recordByXmlId } from '../support/odoo/xml-ids';
import { confirmPurchaseInWebClient } from '../support/odoo/ui/record-actions';
import { attachRecord, type World } from '../support/world';
import { roleOf } from './actors';
import { expectEqual, expectThat } from './expect';
import { validateAs } from './fulfilment';
import { productKey } from './master-data';

const BUY_ROUTE = 'purchase_stock.route_warehouse0_buy';

/** The product is bought from a vendor, and a reordering rule (min 0, max 0) buys what orders need. */
export async function haveBoughtProduct(world: World, productAlias: string, vendorAlias: string, price: number): Promise<void> {
  const admin = world.odoo.admin;
  const product = world.records.recall<RecordRef>(productKey(productAlias));
  const vendor = world.records.remember('the vendor', await createVendor(admin, world.data.named(vendorAlias)));
  await buyFrom(admin, product.id, vendor.id, price);
  const rule = await createReorderingRule(admin, product.id, await mainWarehouse(admin), await recordByXmlId(admin, BUY_ROUTE));
  world.records.remember('the reordering rule', rule);
}

/** Replenishment runs (the scheduler's job, as the set-up user) and must yield a purchase order of the vendor. */
export async function runReplenishment(world: World): Promise<void> {
  await replenishNow(world.odoo.admin, world.records.recall<RecordRef>('the reordering rule').id);
}

export async function expectPurchaseOrderFor(world: World, units: number): Promise<void> {
  const vendor = world.records.recall<RecordRef>('the vendor');
  const product = world.records.recall<RecordRef>('the product');
  const [purchase, ...more] = await purchasesOf(world.odoo.admin, vendor.id, product.id);
  expectThat(purchase !== undefined, `replenishment created no purchase order for ${vendor.name}`);
  expectThat(more.length === 0, `replenishment created ${more.length + 1} purchase orders for ${vendor.name}, expected one`);
  const ordered = purchase!.lines.filter((l) => l.product === product.id).reduce((sum, l) => sum + l.quantity, 0);
  expectEqual(ordered, units, `the units of ${product.name} on purchase order ${purchase!.name}`);
  const ref: RecordRef = { model: 'purchase.order', id: purchase!.id, name: purchase!.name };
  world.records.remember('the purchase order', ref);
  await attachRecord(world, 'the purchase order', ref);
}

export async function confirmPurchaseOrder(world: World, actor: string): Promise<void> {
  const role = roleOf(actor);
  const purchase = world.records.recall<RecordRef>('the purchase order');
  if (world.mode === 'hybrid') await confirmPurchaseInWebClient(await world.webClient(role), purchase.id);
  else await confirmPurchase(await world.odoo.as(role), purchase.id);
  const [state] = (await purchasesOf(world.odoo.admin, world.records.recall<RecordRef>('the vendor').id, world.records.recall<RecordRef>('the product').id)).filter((p) => p.id === purchase.id);
  expectEqual(state?.state, 'purchase', `the state of purchase order ${purchase.name} after ${actor} confirmed it`);
}

export async function receivePurchase(world: World, actor: string): Promise<void> {
  const purchase = world.records.recall<RecordRef>('the purchase order');
  const [receipt] = await openReceipts(world.odoo.admin, purchase.id);
  if (!receipt) throw new Error(`purchase order ${purchase.name} has no receipt to receive`);
  await validateAs(world, actor, receipt, 'the receipt');
}
