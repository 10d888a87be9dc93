import { createCustomer, type RecordRef } from '../support/odoo/operations/master-data';
import { createReturn, readPicking } from '../support/odoo/operations/inventory';
import { creditNoteFor, readInvoice, registerPayment } from '../support/odoo/operations/invoicing';
import { onlinePaymentsOf, placePaidWebsiteOrder, prepareShopCheckout, publishInShop, websiteOf } from '../support/odoo/operations/shop';
import { findOrderByName, readOrder } from '../support/odoo/operations/sales';
import { ShopCustomer } from '../support/odoo/ui/shop';
import { attachText } from '../support/evidence/attachments';
import { attachRecord, type World } from '../support/world';
import { roleOf } from './actors';
import { expectEqual, expectThat } from './expect';
import { validateAs } from './fulfilment';
import { haveStorableProduct, productKey, unitsOnHand } from './master-data';

/** A product the shop sells, with stock, on a database made ready for demo-provider checkouts. */
export async function haveShopProduct(world: World, alias: string, price: number, units: number): Promise<void> {
  const product = await haveStorableProduct(world, alias, units, { price });
  world.records.remember('the shop product', await publishInShop(world.odoo.admin, product.id));
  const { changes } = await prepareShopCheckout(world.odoo.admin);
  if (changes.length) await attachText(world.testInfo, 'shop set-up', changes.join('\n'));
}

/**
 * A shop customer buys units and pays with the demo provider: a guest
 * checkout in the shop in hybrid mode; in rpc mode, the website order and its
 * demo payment as Odoo records them after a checkout.
 */
export async function buyInShop(world: World, units: number, productAlias: string): Promise<void> {
  const product = world.records.recall<RecordRef>(productKey(productAlias));
  const shopper = world.data.customer('generated');
  let order: RecordRef;
  if (world.mode === 'hybrid') {
    const customer = new ShopCustomer(await world.visitor());
    await customer.openProduct(world.records.recall<number>('the shop product'));
    await customer.addToCart(units);
    await customer.checkOut({ ...shopper, phone: '+1 555 0100', country: 'United States', state: 'California' });
    order = await findOrderByName(world.odoo.admin, await customer.payWithDemoProvider('done'));
  } else {
    const customer = await createCustomer(world.odoo.admin, shopper);
    order = await placePaidWebsiteOrder(world.odoo.admin, customer.id, [{ product: product.id, quantity: units }]);
  }
  const { partner } = await readOrder(world.odoo.admin, order.id);
  world.records.remember('the customer', partner);
  world.records.remember('the order', order);
}

export async function expectPaidShopOrder(world: World): Promise<void> {
  const order = world.records.recall<RecordRef>('the order');
  const state = await readOrder(world.odoo.admin, order.id);
  expectEqual(state.state, 'sale', `the state of shop order ${order.name}`);
  const website = await websiteOf(world.odoo.admin, order.id);
  expectThat(website !== undefined, `order ${order.name} should have come through the shop (it has no website)`);
  const payments = await onlinePaymentsOf(world.odoo.admin, order.id);
  const paid = payments.filter((p) => p.provider === 'demo' && p.state === 'done').reduce((sum, p) => sum + p.amount, 0);
  expectEqual(paid, state.amountTotal, `the amount paid online with the demo provider for order ${order.name}`);
  await attachRecord(world, 'the order', order);
}

/** The actor takes back units of the delivered goods: a return through Odoo's return wizard, received into stock. */
export async function takeBack(world: World, actor: string, units: number): Promise<void> {
  const delivery = world.records.recall<RecordRef>('the delivery');
  const product = world.records.recall<RecordRef>('the product');
  world.records.remember('the stock before the return', await unitsOnHand(world, product));
  const returned = await createReturn(await world.odoo.as(roleOf(actor)), world.odoo.capabilities.profile, delivery.id, new Map([[product.id, units]]));
  world.records.remember('the return', returned);
  await validateAs(world, actor, await readPicking(world.odoo.admin, returned.id), 'the return', units);
}

export async function expectStockBackBy(world: World, units: number): Promise<void> {
  const product = world.records.recall<RecordRef>('the product');
  const before = world.records.recall<number>('the stock before the return');
  expectEqual((await unitsOnHand(world, product)) - before, units, `the units of ${product.name} back in stock`);
}

/** The actor issues a credit note for units of the invoice, through Odoo's reversal wizard, and posts it. */
export async function issueCreditNote(world: World, actor: string, units: number): Promise<void> {
  const invoice = world.records.recall<RecordRef>('the invoice');
  const product = world.records.recall<RecordRef>('the product');
  const order = world.records.recall<RecordRef>('the order');
  const creditNote = await creditNoteFor(await world.odoo.as(roleOf(actor)), invoice.id, new Map([[product.id, units]]), `Return of ${units} from ${order.name}`);
  world.records.remember('the credit note', creditNote);
  await attachRecord(world, 'the credit note', creditNote);
}

/**
 * The actor pays the credit note back to the customer. Where Odoo already
 * settled it against an unpaid invoice (seen on 18, where the online payment
 * was not matched to the invoice), nothing is left to pay and the evidence says so.
 */
export async function refundCreditNote(world: World, actor: string): Promise<void> {
  const creditNote = world.records.recall<RecordRef>('the credit note');
  const { amountResidual, name } = await readInvoice(world.odoo.admin, creditNote.id);
  if (amountResidual > 0) await registerPayment(await world.odoo.as(roleOf(actor)), creditNote.id);
  else await attachText(world.testInfo, 'the refund', `${name} was settled by Odoo against the customer's open balance: nothing left to pay back`);
  await attachRecord(world, 'the credit note', creditNote);
}

export async function expectRefunded(world: World, units: number): Promise<void> {
  const invoice = world.records.recall<RecordRef>('the invoice');
  const note = await readInvoice(world.odoo.admin, world.records.recall<RecordRef>('the credit note').id);
  expectEqual(note.moveType, 'out_refund', `the kind of ${note.name}`);
  expectEqual(note.state, 'posted', `the state of credit note ${note.name}`);
  expectEqual(note.reversalOf, invoice.id, `the invoice credit note ${note.name} reverses`);
  const product = world.records.recall<RecordRef>('the product');
  expectEqual(note.lines.filter((l) => l.product === product.id).reduce((sum, l) => sum + l.quantity, 0), units, `the units of ${product.name} credited on ${note.name}`);
  expectThat(['paid', 'in_payment'].includes(note.paymentState), `credit note ${note.name} should be paid back, but its payment state is ${note.paymentState}`);
}
