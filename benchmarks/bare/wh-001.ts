/**
 * UAT-WH-001 (features/warehouse/inter-warehouse-transfer.feature), bare:
 * five units move from the central to the regional warehouse through transit.
 * Run: npx tsx benchmarks/bare/wh-001.ts --env local-nokey|local18
 */
import { check, create, runFlow, searchRead, storableProduct, validate, write, type Move, type Odoo } from './client';

interface Warehouse {
  id: number;
  lot_stock_id: [number, string];
}

/**
 * A regional warehouse of the flow's own, as the harness makes one per
 * scenario: its own address, resupplied from the central (first) warehouse,
 * and its resupply route's rules addressed to it so its transfers merge with
 * no other warehouse's.
 */
async function regionalWarehouse(admin: Odoo, namespace: string): Promise<{ central: Warehouse; regional: Warehouse; route: number }> {
  const [central] = await searchRead<Warehouse>(admin, 'stock.warehouse', [], ['lot_stock_id'], { limit: 1, order: 'id' });
  if (!central) throw new Error('no warehouse');
  const name = `UAT Regional [${namespace}]`;
  const address = await create(admin, 'res.partner', { name });
  const id = await create(admin, 'stock.warehouse', { name, code: namespace.slice(-5), partner_id: address, resupply_wh_ids: [[6, 0, [central.id]]] });
  const [regional] = await searchRead<Warehouse>(admin, 'stock.warehouse', [['id', '=', id]], ['lot_stock_id']);
  const [route] = await admin.call<number[]>('stock.route', 'search', { domain: [['supplied_wh_id', '=', id], ['supplier_wh_id', '=', central.id]] });
  if (!regional || route === undefined) throw new Error(`warehouse ${name} has no resupply route`);
  const rules = await admin.call<number[]>('stock.rule', 'search', { domain: [['route_id', '=', route]] });
  await write(admin, 'stock.rule', rules, { partner_address_id: address });
  return { central, regional, route };
}

await runFlow('UAT-WH-001', ['WAREHOUSE'], async ({ ADMIN: admin, WAREHOUSE: warehouse }, ns) => {
  const { central, regional, route } = await regionalWarehouse(admin, ns);
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
