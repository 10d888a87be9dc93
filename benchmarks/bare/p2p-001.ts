/**
 * UAT-P2P-001 (features/procure-to-pay/backorder-replenishment.feature), bare:
 * ten ordered, four on hand; buy six, receive them, ship the backorder.
 * Run: npx tsx benchmarks/bare/p2p-001.ts --env local-nokey|local18
 */
import { check, create, expectOrderQuantities, mainWarehouse, openDeliveryMoves, runFlow, searchRead, storableProduct, validate, type Move } from './client';

await runFlow('UAT-P2P-001', ['SALES', 'WAREHOUSE', 'PURCHASE'], async ({ ADMIN: admin, SALES: sales, WAREHOUSE: warehouse, PURCHASE: buyer }, ns) => {
  const main = await mainWarehouse(admin);
  const vendor = await create(admin, 'res.partner', { name: `Steelworks Supply [${ns}]`, supplier_rank: 1 });
  // The vendor's price line goes in with the product (seller_ids of its template): one call fewer than a separate supplierinfo.
  const product = await storableProduct(admin, `Industrial shelving unit [${ns}]`, 180, main.stock, 4, { seller_ids: [[0, 0, { partner_id: vendor, price: 120, min_qty: 1 }]] });
  const [buy] = await searchRead<{ res_id: number }>(admin, 'ir.model.data', [['module', '=', 'purchase_stock'], ['name', '=', 'route_warehouse0_buy']], ['res_id']);
  if (!buy) throw new Error('no Buy route');
  const rule = await create(admin, 'stock.warehouse.orderpoint', { product_id: product, warehouse_id: main.id, location_id: main.stock, product_min_qty: 0, product_max_qty: 0, route_id: buy.res_id, trigger: 'manual' });
  const customer = await create(admin, 'res.partner', { name: `Adventure Works Warehousing [${ns}]`, customer_rank: 1 });

  const order = await create(sales, 'sale.order', { partner_id: customer, user_id: sales.uid, client_order_ref: `PO-${ns}`, order_line: [[0, 0, { product_id: product, product_uom_qty: 10 }]] });
  await sales.call('sale.order', 'action_confirm', { ids: [order] });
  const [delivery] = await openDeliveryMoves(warehouse, order);
  if (!delivery) throw new Error('no delivery');
  await validate(warehouse, delivery, 4);

  // Then a backorder of 6 units is waiting to be shipped.
  const [backorder] = await searchRead<Move & { picking_code: string; state: string }>(admin, 'stock.move', [['picking_id.backorder_id', '=', delivery.picking_id[0]]], ['picking_id', 'product_uom_qty', 'picking_code', 'state']);
  if (!backorder) throw new Error('no backorder');
  check(backorder.product_uom_qty === 6 && backorder.picking_code === 'outgoing' && !['done', 'cancel'].includes(backorder.state), 'a backorder of 6 is open');

  await admin.call('stock.warehouse.orderpoint', 'action_replenish', { ids: [rule] });
  // Then a purchase order for 6 units is waiting for the vendor.
  const lines = await searchRead<{ order_id: [number, string]; product_qty: number; state: string }>(admin, 'purchase.order.line', [['order_id.partner_id', '=', vendor], ['product_id', '=', product]], ['order_id', 'product_qty', 'state']);
  check(lines.length === 1 && lines[0]?.product_qty === 6 && ['draft', 'sent'].includes(lines[0].state), 'one request for quotation of 6');
  const purchase = (lines[0] as { order_id: [number, string] }).order_id[0];

  await buyer.call('purchase.order', 'button_confirm', { ids: [purchase] });
  const [receipt] = await searchRead<Move>(warehouse, 'stock.move', [['purchase_line_id.order_id', '=', purchase], ['state', 'not in', ['done', 'cancel']]], ['picking_id', 'product_uom_qty']);
  if (!receipt) throw new Error('no receipt');
  await validate(warehouse, receipt);

  // Then the backorder is ready to ship.
  const [ready] = await searchRead<{ state: string }>(admin, 'stock.picking', [['id', '=', backorder.picking_id[0]]], ['state']);
  check(ready?.state === 'assigned', 'the backorder is ready');
  await validate(warehouse, backorder);
  await expectOrderQuantities(admin, order, 10, 0);
});
