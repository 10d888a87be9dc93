import { creditControlFor, enableCreditLimits, setCreditLimit } from '../support/odoo/operations/credit';
import { postCustomerInvoice } from '../support/odoo/operations/invoicing';
import type { RecordRef } from '../support/odoo/operations/master-data';
import { attachText } from '../support/evidence/attachments';
import { attachRecord, type World } from '../support/world';
import { roleOf } from './actors';
import { expectThat } from './expect';
import { customerKey } from './master-data';

export async function haveCreditLimits(world: World): Promise<void> {
  await enableCreditLimits(world.odoo.admin);
}

/** The customer's limit, and an open balance of unpaid posted invoices. */
export async function haveCreditPosition(world: World, customerAlias: string, limit: number, unpaid: number): Promise<void> {
  const customer = world.records.recall<RecordRef>(customerKey(customerAlias));
  await setCreditLimit(world.odoo.admin, customer.id, limit);
  const invoice = await postCustomerInvoice(world.odoo.admin, customer.id, world.data.named('Open balance'), unpaid);
  await attachRecord(world, 'the open invoice', invoice);
}

export async function expectOrderHeld(world: World): Promise<void> {
  const order = world.records.recall<RecordRef>('the order');
  const hold = await creditControlFor(world.odoo.capabilities).holdOf(world.odoo.admin, order.id);
  expectThat(hold !== '', `order ${order.name} should be on credit hold, but Odoo shows no credit warning`);
  await attachText(world.testInfo, 'the credit hold', hold);
}

export async function expectOrderNotHeld(world: World): Promise<void> {
  const order = world.records.recall<RecordRef>('the order');
  const hold = await creditControlFor(world.odoo.capabilities).holdOf(world.odoo.admin, order.id);
  expectThat(hold === '', `order ${order.name} should be released, but Odoo still says: ${hold}`);
}

/** The credit controller releases the hold; the evidence records who, when and how. */
export async function releaseCreditHold(world: World, actor: string): Promise<void> {
  const order = world.records.recall<RecordRef>('the order');
  const customer = world.records.recall<RecordRef>('the customer');
  const client = await world.odoo.as(roleOf(actor));
  const how = await creditControlFor(world.odoo.capabilities).release(client, customer.id, order.id);
  await attachText(world.testInfo, 'the credit release', `released by ${client.login} (${actor}) at ${new Date().toISOString()} for order ${order.name}: ${how}`);
  await attachRecord(world, 'the customer', customer);
}
