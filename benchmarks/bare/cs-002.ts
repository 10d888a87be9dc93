/**
 * UAT-CS-002 (features/customer-service/service-complaint.feature), bare: a
 * damaged unit of a delivered order is returned and its complaint closed.
 * Run: npx tsx benchmarks/bare/cs-002.ts --env local-nokey|local18
 */
import { check, create, mainWarehouse, openDeliveryMoves, runFlow, searchRead, storableProduct, takeBack, validate, write, type Odoo } from './client';

/** The billable customer-care project complaints are tasks of, shared by runs as the harness shares it. */
async function customerCare(admin: Odoo): Promise<number> {
  const [project] = await admin.call<number[]>('project.project', 'search', { domain: [['name', '=', 'UAT Customer Care']], limit: 1 });
  return project ?? create(admin, 'project.project', { name: 'UAT Customer Care', allow_billable: true });
}

await runFlow('UAT-CS-002', ['WAREHOUSE', 'SERVICE'], async ({ ADMIN: admin, WAREHOUSE: warehouse, SERVICE: service }, ns) => {
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

  const project = await customerCare(admin);
  const complaint = await create(service, 'project.task', {
    name: `Complaint: a damaged unit [${ns}]`, project_id: project, partner_id: customer, sale_order_id: order,
    description: `Blue Yonder Cafes [${ns}] reports a damaged unit of "Espresso machine", delivered with ${deliveryName}.`,
  });
  // Then the complaint is linked to the customer, the order and the delivery.
  const readTask = async () => (await admin.call<{ partner_id: [number, string]; sale_order_id: [number, string]; description: string; state: string }[]>('project.task', 'read', { ids: [complaint], fields: ['partner_id', 'sale_order_id', 'description', 'state'] }))[0];
  const readOrder = async () => (await admin.call<{ tasks_ids: number[]; closed_task_count: number }[]>('sale.order', 'read', { ids: [order], fields: ['tasks_ids', 'closed_task_count'] }))[0];
  const task = await readTask();
  check(task?.partner_id[0] === customer && task.sale_order_id[0] === order && task.description.includes(deliveryName), 'the complaint names customer, order and delivery');
  check(!!(await readOrder())?.tasks_ids.includes(complaint), 'the order shows the complaint');

  const returned = await takeBack(warehouse, delivery, 1);
  await write(service, 'project.task', [complaint], { state: '1_done' });

  // Then the order shows the complaint closed and the unit returned.
  check((await readTask())?.state === '1_done', 'the complaint is closed');
  check((await readOrder())?.closed_task_count === 1, 'the order shows one closed complaint');
  const [back] = await searchRead<{ state: string }>(admin, 'stock.picking', [['id', '=', returned]], ['state']);
  check(back?.state === 'done', 'the return is received');
});
