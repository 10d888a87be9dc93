/**
 * UAT-CS-002 (features/customer-service/service-complaint.feature), bare: a
 * damaged unit of a delivered order is returned and its complaint closed,
 * at the desk the harness would use on the target (a helpdesk_mgmt ticket
 * with helpdesk_mgmt_sale, a project task otherwise).
 * Run: npx tsx benchmarks/bare/cs-002.ts --env local-nokey|local18|hd18|hd19
 */
import { check, create, mainWarehouse, openDeliveryMoves, runFlow, searchRead, storableProduct, takeBack, validate } from './client';
import { bareDesk, bareDeskKind, DESK_MODULES } from './complaint-desk';

await runFlow('UAT-CS-002', ['WAREHOUSE', 'SERVICE'], async ({ ADMIN: admin, WAREHOUSE: warehouse, SERVICE: service }, ns, installed) => {
  const { stock } = await mainWarehouse(admin);
  const product = await storableProduct(admin, `Espresso machine [${ns}]`, 400, stock, 10);
  const customer = await create(admin, 'res.partner', { name: `Blue Yonder Cafes [${ns}]`, customer_rank: 1 });
  // Given it has received an order of 3: entered, confirmed and delivered by the set-up user.
  const order = await create(admin, 'sale.order', { partner_id: customer, user_id: admin.uid, order_line: [[0, 0, { product_id: product, product_uom_qty: 3 }]] });
  await admin.call('sale.order', 'action_confirm', { ids: [order] });
  const [move] = await openDeliveryMoves(admin, order);
  if (!move) throw new Error('no delivery');
  await validate(admin, move);
  const [delivery, deliveryName] = move.picking_id;

  // The harness looks its team or project up in the scenario, by the modules it read at its start: so does this flow.
  const desk = await bareDesk(admin, bareDeskKind(installed));
  console.error(`UAT-CS-002: complaints are ${desk.kind === 'helpdesk-ticket' ? 'helpdesk tickets' : 'project tasks'}`);
  const spec = {
    title: `Complaint: a damaged unit [${ns}]`,
    customer,
    order,
    description: `Blue Yonder Cafes [${ns}] reports a damaged unit of "Espresso machine", delivered with ${deliveryName}.`,
  };
  const complaint = await desk.open(service, spec);
  // Then the complaint is linked to the customer, the order and the delivery.
  await desk.expectLinked(complaint, spec, deliveryName);

  const returned = await takeBack(warehouse, delivery, 1);
  await desk.close(service, complaint);

  // Then the order shows the complaint closed and the unit returned.
  await desk.expectClosed(complaint, order);
  const [back] = await searchRead<{ state: string }>(admin, 'stock.picking', [['id', '=', returned]], ['state']);
  check(back?.state === 'done', 'the return is received');
}, DESK_MODULES);
