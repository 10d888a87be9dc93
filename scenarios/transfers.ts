import { transfersOfProduct, type PickingState } from '../support/odoo/operations/inventory';
import { mainWarehouse, onHand, type RecordRef } from '../support/odoo/operations/master-data';
import { createReorderingRule, replenishNow } from '../support/odoo/operations/purchase';
import { resuppliedWarehouse, type WarehouseRef } from '../support/odoo/operations/warehouses';
import { attachRecord, type World } from '../support/world';
import { expectEqual, expectThat } from './expect';
import { validateAs } from './fulfilment';

/** The regional warehouse's code: shared by runs, since a used warehouse cannot be deleted. */
const REGIONAL_CODE = 'UATRG';

interface StockPosition {
  central: number;
  regional: number;
}

export async function haveRegionalWarehouse(world: World, name: string): Promise<void> {
  const admin = world.odoo.admin;
  const central = await mainWarehouse(admin);
  const regional = await resuppliedWarehouse(admin, name, REGIONAL_CODE, central.id);
  world.records.remember<WarehouseRef>('the central warehouse', { ...central, name: 'central' });
  world.records.remember('the regional warehouse', regional);
  await attachRecord(world, 'the regional warehouse', { model: 'stock.warehouse', id: regional.id, name: regional.name });
}

async function position(world: World): Promise<StockPosition> {
  const product = world.records.recall<RecordRef>('the product');
  return {
    central: await onHand(world.odoo.admin, product.id, world.records.recall<WarehouseRef>('the central warehouse').stockLocation),
    regional: await onHand(world.odoo.admin, product.id, world.records.recall<WarehouseRef & { resupplyRoute: number }>('the regional warehouse').stockLocation),
  };
}

/** The regional warehouse asks for units through its resupply route (a reordering rule run once). */
export async function requestResupply(world: World, units: number): Promise<void> {
  const admin = world.odoo.admin;
  const product = world.records.recall<RecordRef>('the product');
  const regional = world.records.recall<WarehouseRef & { resupplyRoute: number }>('the regional warehouse');
  world.records.remember('the stock before', await position(world));
  const [latest] = await admin.search('stock.picking', [], { limit: 1, order: 'id desc' });
  const rule = await createReorderingRule(admin, product.id, regional, regional.resupplyRoute, units, units);
  await replenishNow(admin, rule.id);
  const transfers = await transfersOfProduct(admin, product.id, latest ?? 0);
  expectThat(transfers.length > 0, `resupplying ${regional.name} created no transfer of ${product.name}`);
  world.records.remember('the resupply transfers', transfers);
}

/** The transfer of the chain that is ready now: out of the central warehouse first, then into the regional one. */
async function readyTransfer(world: World): Promise<PickingState> {
  const product = world.records.recall<RecordRef>('the product');
  const chain = world.records.recall<PickingState[]>('the resupply transfers');
  const current = await transfersOfProduct(world.odoo.admin, product.id, Math.min(...chain.map((t) => t.id)) - 1);
  const ready = current.find((t) => t.state === 'assigned');
  if (!ready) throw new Error(`no resupply transfer of ${product.name} is ready: ${current.map((t) => `${t.name} is ${t.state}`).join(', ')}`);
  return ready;
}

export async function moveReadyTransfer(world: World, actor: string, label: string): Promise<void> {
  const product = world.records.recall<RecordRef>('the product');
  const transfer = await readyTransfer(world);
  const units = transfer.moves.filter((m) => m.product === product.id).reduce((sum, m) => sum + m.demand, 0);
  await validateAs(world, actor, transfer, label, units);
}

export async function expectStockMoved(world: World, units: number): Promise<void> {
  const before = world.records.recall<StockPosition>('the stock before');
  const after = await position(world);
  expectEqual(before.central - after.central, units, 'the units that left the central warehouse');
  expectEqual(after.regional - before.regional, units, 'the units that arrived in the regional warehouse');
  await attachRecord(world, 'the product', world.records.recall<RecordRef>('the product'));
}
