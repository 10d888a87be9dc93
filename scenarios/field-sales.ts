import type { Actor } from '../support/actors';
import type { RecordRef } from '../support/odoo/operations/master-data';
import { readOrder } from '../support/odoo/operations/sales';
import { attachRecord, type World } from '../support/world';
import { expectEqual } from './expect';
import { expectUnits, goodsOf } from './goods';
import type { OrderLineRow } from './order-to-cash';

/**
 * The field sales rep enters a quotation on a tablet at the customer's: in
 * the web client's small-screen touch layout in hybrid mode, over RPC (the
 * same lines) in rpc mode. The quotation must be a draft of that customer
 * when saved, with exactly the lines entered.
 */
export async function enterQuotationOnTablet(world: World, actor: Actor, customerAlias: string, rows: OrderLineRow[]): Promise<RecordRef> {
  const customer = world.notes.customers.get(customerAlias);
  const goods = goodsOf(world, rows);
  const lines = rows.map((row, i) => ({ ...(goods[i] as (typeof goods)[number]), price: row.price, discount: row.discount }));
  const order = await (await world.acts(actor, 'tablet')).enterQuotation({ customer, lines });
  const state = await readOrder(world.odoo.admin, order.id);
  expectEqual(state.state, 'draft', `the state of quotation ${order.name} as ${actor.phrase} saved it`);
  expectEqual(state.partner.id, customer.id, `the customer of quotation ${order.name}`);
  // Exactly the lines entered: one per product, each with its units (a line tapped in twice would show as more).
  expectEqual(state.lines.length, rows.length, `the product lines of quotation ${order.name}`);
  const units = new Map<number, number>();
  for (const line of state.lines) units.set(line.product, (units.get(line.product) ?? 0) + line.ordered);
  expectUnits(world, units, goods, (product) => `the units of ${product} on quotation ${order.name}`);
  world.notes.remember('the customer', customer);
  world.notes.remember('the order', order);
  await attachRecord(world, 'the quotation', order);
  return order;
}
