import { readPickings } from '../support/odoo/operations/inventory';
import type { RecordRef } from '../support/odoo/operations/master-data';
import { complaintDeskFor, type ComplaintDesk } from '../support/odoo/operations/service';
import { enterTaskInWebClient } from '../support/odoo/ui/record-actions';
import { attachRecord, type World } from '../support/world';
import { roleOf } from './actors';
import { expectEqual, expectThat } from './expect';

const CUSTOMER_CARE_PROJECT = 'UAT Customer Care';

/** Where complaints go on this target, looked up once per scenario. */
function desk(world: World): Promise<ComplaintDesk> {
  return world.records.obtain('the complaint desk', () => complaintDeskFor(world.odoo.capabilities, world.odoo.admin, CUSTOMER_CARE_PROJECT));
}

/** The customer reports a damaged unit of the delivered order; the actor opens the complaint, linked to the customer, order and delivery. */
export async function openComplaint(world: World, actor: string, problem: string): Promise<void> {
  const order = world.records.recall<RecordRef>('the order');
  const customer = world.records.recall<RecordRef>('the customer');
  const delivery = world.records.recall<RecordRef>('the delivery');
  const product = world.records.recall<RecordRef>('the product');
  const role = roleOf(actor);
  const client = await world.odoo.as(role);
  const complaints = await desk(world);
  const spec = {
    title: world.data.named(`Complaint: ${problem}`),
    customer: customer.id,
    order: order.id,
    description: `${customer.name} reports ${problem} of ${product.name}, delivered with ${delivery.name} for order ${order.name}.`,
  };
  let complaint: RecordRef;
  if (world.mode === 'hybrid') {
    const entered = { title: spec.title, customer: customer.name, description: spec.description };
    complaint = { model: 'project.task', id: await enterTaskInWebClient(await world.webClient(role), complaints.project, entered), name: spec.title };
    await complaints.linkToOrder(client, complaint.id, order.id);
  } else {
    complaint = await complaints.open(client, spec);
  }
  world.records.remember('the complaint', complaint);
  await attachRecord(world, 'the complaint', complaint);
}

export async function expectComplaintLinked(world: World): Promise<void> {
  const complaint = await (await desk(world)).read(world.odoo.admin, world.records.recall<RecordRef>('the complaint').id);
  const order = world.records.recall<RecordRef>('the order');
  const delivery = world.records.recall<RecordRef>('the delivery');
  expectEqual(complaint.customer, world.records.recall<RecordRef>('the customer').id, `the customer of complaint "${complaint.name}"`);
  expectEqual(complaint.order, order.id, `the order of complaint "${complaint.name}"`);
  expectThat(complaint.description.includes(delivery.name), `complaint "${complaint.name}" should name delivery ${delivery.name}`);
  const shown = await (await desk(world)).ofOrder(world.odoo.admin, order.id);
  expectThat(shown.complaints.includes(complaint.id), `order ${order.name} should show complaint "${complaint.name}"`);
}

export async function closeComplaint(world: World, actor: string): Promise<void> {
  const complaint = world.records.recall<RecordRef>('the complaint');
  await (await desk(world)).close(await world.odoo.as(roleOf(actor)), complaint.id);
  await attachRecord(world, 'the complaint', complaint);
}

export async function expectOrderShowsClosedComplaint(world: World): Promise<void> {
  const order = world.records.recall<RecordRef>('the order');
  const complaint = world.records.recall<RecordRef>('the complaint');
  const state = await (await desk(world)).read(world.odoo.admin, complaint.id);
  expectThat(state.closed, `complaint "${complaint.name}" should be closed`);
  const shown = await (await desk(world)).ofOrder(world.odoo.admin, order.id);
  expectEqual(shown.closed, 1, `the closed complaints order ${order.name} shows`);
  const returns = await readPickings(world.odoo.admin, [['id', '=', world.records.recall<RecordRef>('the return').id], ['state', '=', 'done']]);
  expectEqual(returns.length, 1, 'the received returns of the complaint');
  await attachRecord(world, 'the order', order);
}
