import type { Actor } from '../support/actors';
import { ConfigError } from '../support/config/errors';
import type { Tender } from '../support/odoo/acts/store-till';
import { PAY_AT_STORE, preparePayAtStore, readHandedOverSaleOrder, type HandedOverSaleOrder } from '../support/odoo/operations/click-and-collect';
import { readTillOrder } from '../support/odoo/operations/point-of-sale';
import { prepareShopCheckout, publishInShop } from '../support/odoo/operations/shop';
import { readRecord } from '../support/odoo/operations/snapshots';
import { attachText } from '../support/evidence/attachments';
import { attachRecord, type World } from '../support/world';
import { expectAll } from './expect';
import { aliasOf, expectUnits, goodsOf, type GoodsRow } from './goods';
import { storeStock } from './retail';

const money = (amount: number) => (Math.round(amount * 100) / 100).toFixed(2);

/** Every product of the scenario published in the shop, and the shop offering "Pay at the store". */
export async function haveShopPayingAtStore(world: World): Promise<void> {
  const admin = world.odoo.admin;
  const listings = world.notes.has('the shop listings') ? world.notes.recall('the shop listings') : world.notes.remember('the shop listings', new Map());
  for (const product of world.notes.products.all()) listings.set(product.id, await publishInShop(admin, product.id));
  const shop = await prepareShopCheckout(admin);
  const { provider, changes } = await preparePayAtStore(admin);
  world.notes.remember('the pay at the store option', provider);
  if (shop.changes.length || changes.length) await attachText(world.testInfo, 'shop set-up', [...shop.changes, ...changes].join('\n'));
}

/** A shop customer orders the goods online and chooses to pay at the store (the run mode does the checkout). */
export async function orderToCollect(world: World, rows: GoodsRow[]): Promise<void> {
  const listings = world.notes.recall('the shop listings');
  const lines = goodsOf(world, rows).map((line) => {
    const listing = listings.get(line.product.id);
    if (listing === undefined) throw new ConfigError(`${world.where()}: ${aliasOf(world, line.product.id)} is not sold in the shop: put "Given the shop sells these products, to be paid at the store" after the step that makes ${aliasOf(world, line.product.id)}`);
    return { ...line, listing };
  });
  const order = await (await world.shop()).orderToPayLater({ lines, shopper: world.data.customer('generated') }, world.notes.recall('the pay at the store option'));
  const { partner_id: [partner, name] } = await readRecord<{ partner_id: [number, string] }>(world.odoo.admin, 'sale.order', order.id);
  world.notes.remember('the customer', { model: 'res.partner', id: partner, name });
  world.notes.remember('the order', order);
}

/** The shop order waits for its payment: a quotation sent (not confirmed), all of it unpaid, its only payment "Pay at the store" and pending, nothing shipped. */
export async function expectWaitingForStorePayment(world: World): Promise<void> {
  const order = world.notes.recall('the order');
  const read = await readHandedOverSaleOrder(world.odoo.admin, order.id);
  await attachRecord(world, 'the shop order', order, read.evidence);
  const total = read.evidence.amount_total as number;
  expectAll([
    { what: `the state of shop order ${order.name}`, expected: 'sent', actual: read.state },
    { what: `the website of ${order.name}`, expected: 'a website', actual: read.evidence.website_id ? 'a website' : 'none' },
    { what: `what is left to pay on ${order.name}`, expected: money(total), actual: money(read.amountUnpaid) },
    { what: `the online payments of ${order.name}`, expected: `${PAY_AT_STORE}: ${money(total)} pending`, actual: read.transactions.map((t) => `${t.provider}: ${money(t.amount)} ${t.state}`).join(', ') || 'none' },
    { what: `the deliveries of ${order.name}`, expected: 'none', actual: read.deliveries.map((d) => d.name).join(', ') || 'none' },
  ]);
}

/** The actor loads the shop order into the store's till and settles it, taking the payment as tendered. */
export async function settleAtTill(world: World, actor: Actor, tender: Tender): Promise<void> {
  world.notes.remember('the store stock before', await storeStock(world));
  const sale = await (await world.till(actor)).settle(world.notes.recall('the store'), world.notes.recall('the store session'), world.notes.recall('the order'), tender);
  world.notes.remember('the sale', sale);
}

/**
 * The shop order is handed over by the sale: confirmed, exactly these units
 * delivered and invoiced (through the till order: nothing left to pay), each
 * line settled by one line of the sale, made for its customer, and every
 * delivery of its own from the warehouse cancelled (a done one would ship
 * the goods twice).
 */
export async function expectHandedOver(world: World, rows: GoodsRow[]): Promise<void> {
  const order = world.notes.recall('the order');
  const saleRef = world.notes.recall('the sale');
  const read = await readHandedOverSaleOrder(world.odoo.admin, order.id);
  await attachRecord(world, 'the shop order', order, read.evidence);
  const sale = await readTillOrder(world.odoo.admin, world.odoo.capabilities.profile, saleRef.id);
  const customer = world.notes.recall('the customer');
  expectAll([
    { what: `the state of ${order.name}`, expected: 'sale', actual: read.state },
    { what: `the invoice status of ${order.name}`, expected: 'invoiced', actual: read.invoiceStatus },
    { what: `what is left to pay on ${order.name}`, expected: money(0), actual: money(read.amountUnpaid) },
    { what: `the customer of ${saleRef.name}`, expected: customer.name, actual: sale.customer === customer.id ? customer.name : String(sale.customer) },
    { what: `the till orders that settled ${order.name}`, expected: saleRef.name, actual: [...new Set(read.tillLines.map((l) => (l.order === saleRef.id ? saleRef.name : `pos.order ${l.order}`)))].join(', ') || 'none' },
    ...read.lines.map((line) => ({
      what: `the line of ${order.name} for ${aliasOf(world, line.product)}: the sale's lines settling it`,
      expected: '1',
      actual: String(read.tillLines.filter((l) => l.saleOrderLine === line.id && sale.lines.some((s) => s.id === l.id && s.product === line.product)).length),
    })),
    { what: `the deliveries of ${order.name} from the warehouse not cancelled (the till delivered it)`, expected: 'none', actual: read.deliveries.filter((d) => d.state !== 'cancel').map((d) => `${d.name} (${d.state})`).join(', ') || 'none' },
  ]);
  const perProduct = (units: (line: HandedOverSaleOrder['lines'][number]) => number) => {
    const sum = new Map<number, number>();
    for (const line of read.lines) sum.set(line.product, (sum.get(line.product) ?? 0) + units(line));
    return sum;
  };
  expectUnits(world, perProduct((l) => l.delivered), goodsOf(world, rows), (product) => `the units of ${product} delivered on ${order.name}`);
  expectUnits(world, perProduct((l) => l.invoiced), goodsOf(world, rows), (product) => `the units of ${product} invoiced on ${order.name}`);
}
