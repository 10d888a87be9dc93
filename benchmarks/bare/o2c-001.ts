/**
 * UAT-O2C-001 (features/order-to-cash/wholesale-partial-fulfilment.feature), bare:
 * ten ordered, six on hand; ship six, backorder four, invoice six.
 * Run: npx tsx benchmarks/bare/o2c-001.ts --env local-nokey|local18
 */
import { check, create, expectOrderQuantities, invoiceDelivered, mainWarehouse, openDeliveryMoves, postedUnits, runFlow, searchRead, storableProduct, validate } from './client';

await runFlow('UAT-O2C-001', ['SALES', 'WAREHOUSE', 'CREDIT'], async ({ ADMIN: admin, SALES: sales, WAREHOUSE: warehouse, CREDIT: finance }, ns) => {
  const { stock } = await mainWarehouse(admin);
  const product = await storableProduct(admin, `Pallet racking kit [${ns}]`, 120, stock, 6);
  const customer = await create(admin, 'res.partner', { name: `Northwind Wholesale [${ns}]`, customer_rank: 1 });

  const order = await create(sales, 'sale.order', { partner_id: customer, user_id: sales.uid, client_order_ref: `PO-${ns}`, order_line: [[0, 0, { product_id: product, product_uom_qty: 10 }]] });
  await sales.call('sale.order', 'action_confirm', { ids: [order] });

  const [move] = await openDeliveryMoves(warehouse, order);
  if (!move) throw new Error('no delivery');
  await validate(warehouse, move, 6);

  // Then a backorder of 4 units is waiting to be shipped.
  const backorder = await searchRead<{ product_uom_qty: number; picking_code: string; state: string }>(admin, 'stock.move', [['picking_id.backorder_id', '=', move.picking_id[0]]], ['product_uom_qty', 'picking_code', 'state']);
  check(backorder.length === 1 && backorder[0]?.product_uom_qty === 4 && backorder[0].picking_code === 'outgoing' && !['done', 'cancel'].includes(backorder[0].state), 'a backorder of 4 is open');

  const invoice = await invoiceDelivered(finance, order);
  check((await postedUnits(admin, invoice)).units === 6, 'the invoice is posted for 6 units');
  await expectOrderQuantities(admin, order, 6, 4);
});
