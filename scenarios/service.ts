import type { Actor } from '../support/actors';
import { readPickings } from '../support/odoo/operations/inventory';
import { complaintDeskFor, type ComplaintDesk } from '../support/odoo/operations/service';
import { orderedProducts } from '../support/odoo/operations/sales';
import { attachText } from '../support/evidence/attachments';
import { attachRecord, type World } from '../support/world';
import { expectEqual, expectThat } from './expect';
import { aliasOf, scenarioProducts } from './goods';

const CUSTOMER_CARE = 'UAT Customer Care';

/** Where complaints go on this target (a helpdesk team or a project of this name), looked up once per scenario and named in its evidence. */
function desk(world: World): Promise<ComplaintDesk> {
  return world.notes.obtain('the complaint desk', async () => {
    const found = await complaintDeskFor(world.odoo.capabilities, world.odoo.admin, CUSTOMER_CARE);
    await attachText(world.testInfo, 'the complaint desk', found.description);
    return found;
  });
}

/** The customer reports a damaged unit of the delivered order; the actor opens the complaint, linked to the customer, order and delivery. */
export async function openComplaint(world: World, actor: Actor, problem: string): Promise<void> {
  const order = world.notes.recall('the order');
  const customer = world.notes.recall('the customer');
  const delivery = world.notes.recall('the delivery');
  const goods = scenarioProducts(world, await orderedProducts(world.odoo.admin, order.id)).map((p) => aliasOf(world, p.id));
  const complaint = await (await world.acts(actor)).openComplaint(await desk(world), {
    title: world.data.named(`Complaint: ${problem}`),
    customer: customer.id,
    customerName: customer.name,
    order: order.id,
    orderName: order.name,
    description: `${customer.name} reports ${problem} of ${goods.join(', ')}, delivered with ${delivery.name} for order ${order.name}.`,
  });
  world.notes.remember('the complaint', complaint);
  await attachRecord(world, 'the complaint', complaint);
}

export async function expectComplaintLinked(world: World): Promise<void> {
  const complaint = await (await desk(world)).read(world.odoo.admin, world.notes.recall('the complaint').id);
  const order = world.notes.recall('the order');
  const delivery = world.notes.recall('the delivery');
  expectEqual(complaint.customer, world.notes.recall('the customer').id, `the customer of complaint "${complaint.name}"`);
  expectThat(complaint.orders.length === 1 && complaint.orders[0] === order.id, `complaint "${complaint.name}" should be linked to order ${order.name} only, it is linked to ${complaint.orders.length ? `orders ${complaint.orders.join(', ')} (ids)` : 'none'}`);
  expectThat(complaint.description.includes(delivery.name), `complaint "${complaint.name}" should name delivery ${delivery.name}`);
  const shown = await (await desk(world)).ofOrder(world.odoo.admin, order.id);
  expectThat(shown.complaints.includes(complaint.id), `order ${order.name} should show complaint "${complaint.name}"`);
}

export async function closeComplaint(world: World, actor: Actor): Promise<void> {
  const complaint = world.notes.recall('the complaint');
  await (await world.acts(actor)).closeComplaint(await desk(world), complaint);
  await attachRecord(world, 'the complaint', complaint);
}

export async function expectOrderShowsClosedComplaint(world: World): Promise<void> {
  const order = world.notes.recall('the order');
  const complaint = world.notes.recall('the complaint');
  const state = await (await desk(world)).read(world.odoo.admin, complaint.id);
  expectThat(state.closed, `complaint "${complaint.name}" should be closed`);
  const shown = await (await desk(world)).ofOrder(world.odoo.admin, order.id);
  expectEqual(shown.closed, 1, `the closed complaints order ${order.name} shows`);
  const returns = world.notes.recall('the returns');
  const received = await readPickings(world.odoo.admin, [['id', 'in', returns.map((r) => r.id)], ['state', '=', 'done']]);
  expectEqual(received.length, returns.length, 'the returns of the complaint that were received');
  expectThat(returns.length > 0, `order ${order.name} should show goods returned, but no return was made`);
  await attachRecord(world, 'the order', order);
}
