import { backorderOf, readPicking, readPickings, validateTransfer, type PickingState } from '../support/odoo/operations/inventory';
import type { RecordRef } from '../support/odoo/operations/master-data';
import { validateTransferInWebClient } from '../support/odoo/ui/record-actions';
import { attachRecord, type World } from '../support/world';
import { roleOf } from './actors';
import { expectEqual, expectThat } from './expect';

/** The order's open delivery: the first outgoing transfer that is neither done nor cancelled. */
async function openDelivery(world: World): Promise<PickingState> {
  const order = world.records.recall<RecordRef>('the order');
  const deliveries = await readPickings(world.odoo.admin, [['sale_id', '=', order.id], ['picking_type_code', '=', 'outgoing'], ['state', 'not in', ['done', 'cancel']]]);
  const [delivery] = deliveries;
  if (!delivery) throw new Error(`order ${order.name} has no open delivery`);
  return delivery;
}

/**
 * The actor ships some units of the order's open delivery (all of it when
 * `units` is undefined) and keeps the rest as a backorder or drops it.
 */
export async function ship(world: World, actor: string, units: number | undefined, rest: 'backorder' | 'no-backorder' = 'backorder'): Promise<void> {
  const delivery = await openDelivery(world);
  await validateAs(world, actor, delivery, 'the delivery', units, rest);
}

/**
 * Validates a transfer as the actor — in the web client in hybrid mode, over
 * RPC otherwise — for `units` of the scenario's product (all when undefined),
 * checks it is done, and remembers it and its backorder with their evidence.
 */
export async function validateAs(
  world: World,
  actor: string,
  transfer: PickingState,
  label: string,
  units?: number,
  rest: 'backorder' | 'no-backorder' = 'backorder',
): Promise<void> {
  const role = roleOf(actor);
  const product = world.records.recall<RecordRef>('the product');
  const ref: RecordRef = { model: 'stock.picking', id: transfer.id, name: transfer.name };
  world.records.remember(label, ref);
  if (world.mode === 'hybrid') {
    const done = units ?? transfer.moves.filter((m) => m.product === product.id).reduce((sum, m) => sum + m.demand, 0);
    await validateTransferInWebClient(await world.webClient(role), transfer.id, new Map([[product.name, done]]), rest);
  } else {
    await validateTransfer(await world.odoo.as(role), transfer.id, units === undefined ? new Map() : new Map([[product.id, units]]), rest);
  }
  const after = await readPicking(world.odoo.admin, transfer.id);
  expectEqual(after.state, 'done', `the state of ${label} ${transfer.name} after ${actor} validated it`);
  await attachRecord(world, label, ref);
  const backorder = await backorderOf(world.odoo.admin, transfer.id);
  if (backorder) {
    const backorderRef: RecordRef = { model: 'stock.picking', id: backorder.id, name: backorder.name };
    world.records.remember('the backorder', backorderRef);
    await attachRecord(world, 'the backorder', backorderRef);
  }
}

/** The backorder is reserved and ready to ship. */
export async function expectBackorderReady(world: World): Promise<void> {
  const ref = world.records.recall<RecordRef>('the backorder');
  const backorder = await readPicking(world.odoo.admin, ref.id);
  expectEqual(backorder.state, 'assigned', `the state of backorder ${backorder.name} (assigned = ready)`);
}

export async function expectBackorderWaiting(world: World, units: number): Promise<void> {
  const ref = world.records.recall<RecordRef>('the backorder');
  const backorder = await readPicking(world.odoo.admin, ref.id);
  expectThat(!['done', 'cancel'].includes(backorder.state), `backorder ${backorder.name} should still be open, but it is ${backorder.state}`);
  expectEqual(backorder.moves.reduce((sum, m) => sum + m.demand, 0), units, `the units on backorder ${backorder.name}`);
}

export async function expectNoBackorder(world: World): Promise<void> {
  const delivery = world.records.recall<RecordRef>('the delivery');
  const backorder = await backorderOf(world.odoo.admin, delivery.id);
  expectThat(backorder === undefined, `delivery ${delivery.name} should have no backorder, but ${backorder?.name} was created`);
}
