import type { Actor } from '../support/actors';
import { backorderOf, cancelTransfer, orderTransfers, readPicking, readTransferAndBackorder, unitsByProduct, type PickingState, type RestOfTransfer } from '../support/odoo/operations/inventory';
import type { RecordRef } from '../support/odoo/operations/master-data';
import { attachRecord, type World } from '../support/world';
import { expectEqual, expectThat } from './expect';
import { expectUnits, goodsOf, scenarioProducts, theOnlyProduct, totalOf, type Goods, type GoodsRow } from './goods';

/**
 * How much of a transfer the actor does, as the step says it: all of it;
 * some units of its only product; some units per product (a table); or what
 * is reserved (available). The rest stays as a backorder or is cancelled.
 */
export type HowMuch = { all: true } | { units: number } | { rows: GoodsRow[] } | { available: true };

/** The steps that say how many of each product, for errors that point an analyst at them. */
export interface TableForms {
  backorder: string;
  cancel: string;
}

/** The lines to do on a transfer: every product of the scenario it moves, with the units the step asks for (0 for those it leaves). */
export function linesToDo(world: World, transfer: PickingState, how: HowMuch, tableForm: string): Goods {
  const products = scenarioProducts(world, transfer.moves.map((m) => m.product));
  const demand = unitsByProduct(transfer, 'demand');
  const reserved = unitsByProduct(transfer, 'quantity');
  if ('all' in how) return products.map((product) => ({ product, quantity: demand.get(product.id) ?? 0 }));
  if ('available' in how) return products.map((product) => ({ product, quantity: reserved.get(product.id) ?? 0 }));
  if ('units' in how) {
    const product = theOnlyProduct(world, products, `${transfer.name}`, tableForm);
    return [{ product, quantity: how.units }];
  }
  const asked = goodsOf(world, how.rows);
  for (const line of asked) {
    if (!products.some((p) => p.id === line.product.id)) {
      throw new Error(`${world.where()}: ${transfer.name} does not move "${world.notes.products.aliasOf((p) => p.id === line.product.id)}"`);
    }
  }
  return products.map((product) => ({ product, quantity: asked.find((l) => l.product.id === product.id)?.quantity ?? 0 }));
}

/** The order's open delivery: the first outgoing transfer that is neither done nor cancelled. */
async function openDelivery(world: World): Promise<PickingState> {
  const order = world.notes.recall('the order');
  const [delivery] = await orderTransfers(world.odoo.admin, order.id, 'outgoing', 'open');
  if (!delivery) throw new Error(`order ${order.name} has no open delivery`);
  return delivery;
}

const SHIP_TABLES: TableForms = {
  backorder: 'ships and keeps the rest as a backorder:',
  cancel: 'ships and cancels the rest:',
};

/** The actor ships the order's open delivery, as much as the step says, and keeps the rest as a backorder or cancels it. */
export async function ship(world: World, actor: Actor, how: HowMuch, rest: RestOfTransfer = 'backorder'): Promise<void> {
  const delivery = await openDelivery(world);
  const lines = linesToDo(world, delivery, how, rest === 'backorder' ? SHIP_TABLES.backorder : SHIP_TABLES.cancel);
  await validateAs(world, actor, delivery, 'the delivery', lines, rest);
}

/** What a validated transfer is called in the evidence; deliveries and receipts are noted under that name too. */
export type TransferLabel = 'the delivery' | 'the receipt' | 'the return' | 'the transfer out' | 'the transfer in';

/**
 * Validates a transfer as the actor, the way the run mode does it, for the
 * given units per product; checks it is done with exactly those units, and
 * notes it and its backorder with their evidence.
 */
export async function validateAs(
  world: World,
  actor: Actor,
  transfer: Pick<PickingState, 'id' | 'name'> & Partial<Pick<PickingState, 'moves'>>,
  label: TransferLabel,
  lines: Goods,
  rest: RestOfTransfer = 'backorder',
): Promise<void> {
  const ref: RecordRef = { model: 'stock.picking', id: transfer.id, name: transfer.name };
  if (label === 'the delivery' || label === 'the receipt') world.notes.remember(label, ref);
  // A transfer read in this step comes with its moves, and is not read again.
  await (await world.acts(actor)).validateTransfer({ ...ref, moves: transfer.moves }, lines, rest);
  // The check and both snapshots from one read: the transfer and its backorder as they are now.
  const { transfer: after, backorder } = await readTransferAndBackorder(world.odoo.admin, transfer.id);
  expectEqual(after.state.state, 'done', `the state of ${label} ${transfer.name} after ${actor.phrase} validated it`);
  expectUnits(world, unitsByProduct(after.state, 'quantity'), lines.filter((l) => l.quantity > 0), (product) => `the units of ${product} done on ${transfer.name}`);
  await attachRecord(world, label, ref, after.evidence);
  if (backorder) {
    const backorderRef: RecordRef = { model: 'stock.picking', id: backorder.state.id, name: backorder.state.name };
    world.notes.remember('the backorder', backorderRef);
    await attachRecord(world, 'the backorder', backorderRef, backorder.evidence);
  }
}

/** The backorder is reserved and ready to ship. */
export async function expectBackorderReady(world: World): Promise<void> {
  const backorder = await readPicking(world.odoo.admin, world.notes.recall('the backorder').id);
  expectEqual(backorder.state, 'assigned', `the state of backorder ${backorder.name} (assigned = ready)`);
}

async function openBackorder(world: World, kind: PickingState['pickingType']): Promise<PickingState> {
  const backorder = await readPicking(world.odoo.admin, world.notes.recall('the backorder').id);
  expectEqual(backorder.pickingType, kind, `the kind of backorder ${backorder.name}`);
  expectThat(!['done', 'cancel'].includes(backorder.state), `backorder ${backorder.name} should still be open, but it is ${backorder.state}`);
  return backorder;
}

/** A backorder of this many units in all (of the scenario's goods) is open. */
export async function expectBackorderWaiting(world: World, units: number, kind: PickingState['pickingType'] = 'outgoing'): Promise<void> {
  const backorder = await openBackorder(world, kind);
  expectEqual(totalOf(world, unitsByProduct(backorder, 'demand')), units, `the units on backorder ${backorder.name}`);
}

export async function expectBackorderWaitingWith(world: World, rows: GoodsRow[], kind: PickingState['pickingType'] = 'outgoing'): Promise<void> {
  const backorder = await openBackorder(world, kind);
  expectUnits(world, unitsByProduct(backorder, 'demand'), goodsOf(world, rows), (product) => `the units of ${product} on backorder ${backorder.name}`);
}

export async function expectNoBackorder(world: World): Promise<void> {
  const delivery = world.notes.recall('the delivery');
  const backorder = await backorderOf(world.odoo.admin, delivery.id);
  expectThat(backorder === undefined, `delivery ${delivery.name} should have no backorder, but ${backorder?.name} was created`);
}

/** The actor cancels the open backorder: the customer no longer wants the rest. */
export async function cancelBackorder(world: World, actor: Actor): Promise<void> {
  const ref = world.notes.recall('the backorder');
  await cancelTransfer(await world.rpc(actor), ref.id);
  const after = await readPicking(world.odoo.admin, ref.id);
  expectEqual(after.state, 'cancel', `the state of backorder ${ref.name} after ${actor.phrase} cancelled it`);
  await attachRecord(world, 'the backorder', ref);
}
