import type { Actor } from '../support/actors';
import { creditControlFor, enableCreditLimits, setCreditLimit } from '../support/odoo/operations/credit';
import { postCustomerInvoice } from '../support/odoo/operations/invoicing';
import { attachText } from '../support/evidence/attachments';
import { attachRecord, type World } from '../support/world';
import { expectThat } from './expect';

export async function haveCreditLimits(world: World): Promise<void> {
  await enableCreditLimits(world.odoo.admin);
}

/** The customer's limit, and (when given) an open balance of unpaid posted invoices. */
export async function haveCreditPosition(world: World, customerAlias: string, limit: number, unpaid = 0): Promise<void> {
  const customer = world.notes.customers.get(customerAlias);
  await setCreditLimit(world.odoo.admin, customer.id, limit);
  if (unpaid > 0) {
    const invoice = await postCustomerInvoice(world.odoo.admin, customer.id, world.data.named('Open balance'), unpaid);
    await attachRecord(world, 'the open invoice', invoice);
  }
}

async function holdOfTheOrder(world: World): Promise<{ name: string; hold: string }> {
  const order = world.notes.recall('the order');
  return { name: order.name, hold: await creditControlFor(world.odoo.capabilities).holdOf(world.odoo.admin, order.id) };
}

export async function expectOrderHeld(world: World): Promise<void> {
  const { name, hold } = await holdOfTheOrder(world);
  expectThat(hold !== '', `order ${name} should be on credit hold, but Odoo shows no credit warning`);
  await attachText(world.testInfo, 'the credit hold', hold);
}

export async function expectOrderNotHeld(world: World): Promise<void> {
  const { name, hold } = await holdOfTheOrder(world);
  expectThat(hold === '', `order ${name} should not be on credit hold, but Odoo says: ${hold}`);
}

/** The credit controller releases the hold; the evidence records who, when and how. */
export async function releaseCreditHold(world: World, actor: Actor): Promise<void> {
  const order = world.notes.recall('the order');
  const customer = world.notes.recall('the customer');
  const client = await world.rpc(actor);
  const how = await creditControlFor(world.odoo.capabilities).release(client, customer.id, order.id);
  await attachText(world.testInfo, 'the credit release', `released by ${client.login} (${actor.phrase}) at ${new Date().toISOString()} for order ${order.name}: ${how}`);
  await attachRecord(world, 'the customer', customer);
}
