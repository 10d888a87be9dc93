/**
 * UAT-WH-001 (features/warehouse/inter-warehouse-transfer.feature), bare:
 * five units move from the central to the regional warehouse through transit.
 * Run: npx tsx benchmarks/bare/wh-001.ts --env local-nokey|local18
 */
import { check, create, runFlow, searchRead, storableProduct, validate, write, type Move, type Odoo } from './client';

/** The regional warehouse the harness shares between runs (a used warehouse cannot be deleted). */
const REGIONAL = 'UATRG';

interface Warehouse {
  id: number;
  code: string;
  lot_stock_id: [number, string];
  resupply_wh_ids: number[];
  resupply_route_ids: number[];
}

/** The central (first) and regional warehouses and the regional one's resupply route, in one read when it is set up already. */
async function warehouses(admin: Odoo): Promise<{ central: Warehouse; regional: Warehouse; route: number }> {
  const all = await searchRead<Warehouse>(admin, 'stock.warehouse', [], ['code', 'lot_stock_id', 'resupply_wh_ids', 'resupply_route_ids'], { order: 'id' });
  const central = all[0];
  const regional = all.find((w) => w.code === REGIONAL);
  if (!central) throw new Error('no warehouse');
  if (regional?.resupply_wh_ids.length === 1 && regional.resupply_wh_ids[0] === central.id && regional.resupply_route_ids.length === 1) {
    return { central, regional, route: regional.resupply_route_ids[0] as number };
  }
  // Not set up yet (or resupplied from elsewhere too), as the harness does it: linked, and the route looked up.
  if (regional) await write(admin, 'stock.warehouse', [regional.id], { resupply_wh_ids: [[4, central.id]] });
  else await create(admin, 'stock.warehouse', { name: 'UAT Regional', code: REGIONAL, resupply_wh_ids: [[6, 0, [central.id]]] });
  const [made] = await searchRead<Warehouse>(admin, 'stock.warehouse', [['code', '=', REGIONAL]], ['code', 'lot_stock_id', 'resupply_wh_ids', 'resupply_route_ids']);
  const [route] = await admin.call<number[]>('stock.route', 'search', { domain: [['supplied_wh_id', '=', made?.id], ['supplier_wh_id', '=', central.id]] });
  if (!made || route === undefined) throw new Error(`warehouse ${REGIONAL} has no resupply route`);
  return { central, regional: made, route };
}

await runFlow('UAT-WH-001', ['WAREHOUSE'], async ({ ADMIN: admin, WAREHOUSE: warehouse }, ns) => {
  const { central, regional, route } = await warehouses(admin);
  const product = await storableProduct(admin, `Forklift battery [${ns}]`, 90, central.lot_stock_id[0], 20);

  // The regional warehouse asks for 5: a reordering rule on its resupply route, run once.
  const rule = await create(admin, 'stock.warehouse.orderpoint', { product_id: product, warehouse_id: regional.id, location_id: regional.lot_stock_id[0], product_min_qty: 5, product_max_qty: 5, route_id: route, trigger: 'manual' });
  await admin.call('stock.warehouse.orderpoint', 'action_replenish', { ids: [rule] });

  // Out of the central warehouse, then into the regional one: each time the ready transfer of the product.
  for (let leg = 0; leg < 2; leg += 1) {
    const [move] = await searchRead<Move>(warehouse, 'stock.move', [['product_id', '=', product], ['picking_id.state', '=', 'assigned']], ['picking_id', 'product_uom_qty']);
    if (!move) throw new Error(`no ready transfer for leg ${leg + 1}`);
    await validate(warehouse, move);
  }

  // Then the central warehouse has 5 units fewer and the regional warehouse 5 more (a new product: 20 and 0 before).
  const quants = await searchRead<{ warehouse_id: [number, string] | false; quantity: number }>(admin, 'stock.quant', [['product_id', '=', product], ['location_id.usage', '=', 'internal']], ['warehouse_id', 'quantity']);
  const inWarehouse = (id: number) => quants.filter((q) => q.warehouse_id && q.warehouse_id[0] === id).reduce((s, q) => s + q.quantity, 0);
  check(inWarehouse(central.id) === 15 && inWarehouse(regional.id) === 5, `15 central and 5 regional (got ${inWarehouse(central.id)} and ${inWarehouse(regional.id)})`);
});
