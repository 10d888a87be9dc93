import type { Actor } from '../support/actors';
import { cancelOpenTransfersOf, transfersOfProduct, unitsByProduct, type PickingState } from '../support/odoo/operations/inventory';
import { mainWarehouse, onHandIn, setOnHand, type RecordRef } from '../support/odoo/operations/master-data';
import { createReorderingRule, replenishNow } from '../support/odoo/operations/purchase';
import { resuppliedWarehouse } from '../support/odoo/operations/warehouses';
import { attachRecord, type World } from '../support/world';
import { expectEqual, expectThat } from './expect';
import { validateAs } from './fulfilment';
import { theOnlyProduct } from './goods';

/** Odoo's warehouse codes have at most 5 characters. */
const WAREHOUSE_CODE_LENGTH = 5;

/** A regional warehouse of the scenario's own: nothing another scenario or run does reaches its stock or its transfers. */
export async function haveRegionalWarehouse(world: World, name: string): Promise<void> {
  const admin = world.odoo.admin;
  const central = await mainWarehouse(admin);
  const regional = await resuppliedWarehouse(admin, { name: world.data.named(name), code: world.data.code(name, WAREHOUSE_CODE_LENGTH) }, central.id);
  world.notes.remember('the central warehouse', { ...central, name: 'central' });
  world.notes.remember('the regional warehouse', regional);
  world.notes.warehouses.add(name, regional);
  await attachRecord(world, 'the regional warehouse', { model: 'stock.warehouse', id: regional.id, name: regional.name }, regional.evidence);
}

/** The product's units on hand in the central and the regional warehouse, in one read. */
async function position(world: World, product: RecordRef): Promise<{ product: RecordRef; central: number; regional: number }> {
  const locations = [world.notes.recall('the central warehouse').stockLocation, world.notes.recall('the regional warehouse').stockLocation];
  const [central, regional] = (await onHandIn(world.odoo.admin, product.id, locations)) as [number, number];
  return { product, central, regional };
}

/** Set-up: units of a product on hand in a named warehouse (one a Given step made). */
export async function haveStockIn(world: World, productAlias: string, units: number, warehouseAlias: string): Promise<void> {
  await setOnHand(world.odoo.admin, world.notes.products.get(productAlias).id, world.notes.warehouses.get(warehouseAlias).stockLocation, units);
}

/** The regional warehouse asks for units of a product (the only one the scenario has, unless named) through its resupply route: a reordering rule run once. */
export async function requestResupply(world: World, units: number, productAlias?: string): Promise<void> {
  const admin = world.odoo.admin;
  const product = productAlias ? world.notes.products.get(productAlias) : theOnlyProduct(world, world.notes.products.all(), 'this scenario', 'the regional warehouse asks the central warehouse for 5 "Forklift battery"');
  const regional = world.notes.recall('the regional warehouse');
  world.notes.remember('the stock before the transfer', await position(world, product));
  // A resupply this scenario does not finish is cancelled when it ends: it would hold the central warehouse's stock.
  world.leaveNothingOpen(`the open resupply transfers of ${product.name}`, () => cancelOpenTransfersOf(admin, product.id));
  const rule = await createReorderingRule(admin, product.id, regional, regional.resupplyRoute, { min: units, max: units, trigger: 'manual' });
  await replenishNow(admin, [rule.id]);
  const transfers = await transfersOfProduct(admin, product.id);
  expectThat(transfers.length > 0, `resupplying ${regional.name} created no transfer of ${product.name}`);
}

/** The transfer of the chain that is ready now: out of the central warehouse first, then into the regional one. */
async function readyTransfer(world: World, product: RecordRef): Promise<PickingState> {
  const current = await transfersOfProduct(world.odoo.admin, product.id);
  const ready = current.find((t) => t.state === 'assigned');
  if (!ready) throw new Error(`no resupply transfer of ${product.name} is ready: ${current.map((t) => `${t.name} is ${t.state}`).join(', ')}`);
  return ready;
}

export async function moveReadyTransfer(world: World, actor: Actor, label: 'the transfer out' | 'the transfer in'): Promise<void> {
  const { product } = world.notes.recall('the stock before the transfer');
  const transfer = await readyTransfer(world, product);
  const units = unitsByProduct(transfer, 'demand').get(product.id) ?? 0;
  await validateAs(world, actor, transfer, label, [{ product, quantity: units }]);
}

export async function expectStockMoved(world: World, units: number): Promise<void> {
  const before = world.notes.recall('the stock before the transfer');
  const after = await position(world, before.product);
  expectEqual(before.central - after.central, units, 'the units that left the central warehouse');
  expectEqual(after.regional - before.regional, units, 'the units that arrived in the regional warehouse');
  await attachRecord(world, 'the product', before.product);
}
