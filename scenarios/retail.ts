import type { Actor } from '../support/actors';
import type { Tender, TillGoods } from '../support/odoo/acts/store-till';
import { mainWarehouse, onHand } from '../support/odoo/operations/master-data';
import { closeLeftOpenSession, readStoreSession, readTillOrder, sellInStores, storeOf, type StoreSessionRead, type TillOrderRead } from '../support/odoo/operations/point-of-sale';
import { attachRecordSnapshot, attachText } from '../support/evidence/attachments';
import type { RecordRef } from '../support/odoo/operations/master-data';
import type { UnitsByProduct } from '../support/scenario-notes';
import type { World } from '../support/world';
import { expectAll, expectThat } from './expect';
import { aliasOf, expectUnits, goodsOf, type GoodsRow } from './goods';

/** A store of the scenario's own (a Point of Sale with a cash drawer and a card terminal) selling every product of the scenario from the main warehouse. */
export async function haveStore(world: World, alias: string): Promise<void> {
  const admin = world.odoo.admin;
  const store = await storeOf(admin, { name: world.data.named(alias), code: world.data.code(alias, 5) }, await mainWarehouse(admin));
  for (const product of world.notes.products.all()) await sellInStores(admin, product.id);
  world.notes.remember('the store', store);
}

/** The actor opens the store's session with the cash counted into the drawer. */
export async function openStore(world: World, actor: Actor, openingCash: number): Promise<void> {
  const store = world.notes.recall('the store');
  const session = await (await world.till(actor)).openSession(store, openingCash);
  world.notes.remember('the store session', session);
  // A scenario that stops before closing the store closes this session (its own, never another run's), or a retry could not open the store again.
  world.leaveNothingOpen(`session ${session.name} of ${store.name}`, async () => {
    if (await closeLeftOpenSession(world.odoo.admin, session, [store.card.id])) await attachText(world.testInfo, 'store session closed by the tidy-up', `${session.name} was left open: closed with the cash Odoo expected counted`);
  });
}

/** The store's session is open, its drawer opened with exactly this cash. */
export async function expectStoreOpen(world: World, openingCash: number): Promise<void> {
  const session = await readSession(world, 'the store session');
  expectAll([
    { what: `the state of session ${session.name}`, expected: 'opened', actual: session.state },
    { what: `the opening cash of session ${session.name}`, expected: money(openingCash), actual: money(session.openingCash) },
  ]);
}

/** The actor rings up the goods for a walk-in customer and takes the payment as tendered. */
export async function sellAtTill(world: World, actor: Actor, rows: GoodsRow[], tender: Tender): Promise<void> {
  const store = world.notes.recall('the store');
  const goods = await shelfPriced(world, rows);
  world.notes.remember('the store stock before', await storeStock(world));
  const sale = await (await world.till(actor)).sell(store, world.notes.recall('the store session'), goods, tender);
  world.notes.remember('the sale', sale);
}

/** The actor refunds units of the sale at the till, from the sale itself, paying back as tendered. */
export async function refundAtTill(world: World, actor: Actor, rows: GoodsRow[], tender: Tender): Promise<void> {
  const store = world.notes.recall('the store');
  const goods = await shelfPriced(world, rows);
  world.notes.remember('the store stock before', await storeStock(world));
  const refund = await (await world.till(actor)).refund(store, world.notes.recall('the store session'), world.notes.recall('the sale'), goods, tender);
  world.notes.remember('the refund', refund);
}

/** The actor closes the store's session with the cash counted in the drawer. */
export async function closeStore(world: World, actor: Actor, countedCash: number): Promise<void> {
  const store = world.notes.recall('the store');
  await (await world.till(actor)).closeSession(store, world.notes.recall('the store session'), countedCash);
}

/** The sale is paid, exactly these amounts by card and in cash, for exactly the goods rung up. */
export async function expectSalePaid(world: World, card: number, cash: number, rows?: GoodsRow[]): Promise<void> {
  const order = await readOrder(world, 'the sale');
  const store = world.notes.recall('the store');
  expectAll([
    { what: `the state of ${order.name}`, expected: 'paid', actual: order.state },
    ...paymentComparisons(order, store.card.id, store.card.name, card),
    ...paymentComparisons(order, store.cash.id, store.cash.name, cash),
    { what: `the total of ${order.name}`, expected: money(card + cash), actual: money(order.amountTotal) },
  ]);
  if (rows) expectUnits(world, unitsOf(order), goodsOf(world, rows), (product) => `the units of ${product} sold on ${order.name}`);
}

/**
 * The refund is an order of its own, paid (back) in the session, whose
 * lines take back exactly these units, each from the sale's line of its
 * product; the money went back in cash.
 */
export async function expectRefundOfSale(world: World, cashBack: number, rows: GoodsRow[]): Promise<void> {
  const refund = await readOrder(world, 'the refund');
  const sale = await readTillOrder(world.odoo.admin, world.odoo.capabilities.profile, world.notes.recall('the sale').id);
  const saleRef = world.notes.recall('the sale');
  const store = world.notes.recall('the store');
  const takenBack = new Map([...unitsOf(refund)].map(([product, units]) => [product, -units] as [number, number]));
  expectAll([
    { what: `the state of refund ${refund.name}`, expected: 'paid', actual: refund.state },
    { what: `the order refund ${refund.name} takes back from`, expected: saleRef.name, actual: refund.refundedOrders.map((id) => (id === saleRef.id ? saleRef.name : `pos.order ${id}`)).join(', ') || 'none' },
    { what: `the session of refund ${refund.name}`, expected: world.notes.recall('the store session').name, actual: refund.session === world.notes.recall('the store session').id ? world.notes.recall('the store session').name : `pos.session ${refund.session}` },
    ...refund.lines.map((line) => {
      const soldLine = sale.lines.find((l) => l.product === line.product && l.quantity > 0);
      return { what: `the sale line ${aliasOf(world, line.product)}'s refund line points at`, expected: soldLine ? `line ${soldLine.id} of ${saleRef.name}` : 'none', actual: line.refundedOrderLine ? `line ${line.refundedOrderLine}${sale.lines.some((l) => l.id === line.refundedOrderLine) ? ` of ${saleRef.name}` : ''}` : 'none' };
    }),
    ...paymentComparisons(refund, store.cash.id, store.cash.name, -cashBack),
    ...paymentComparisons(refund, store.card.id, store.card.name, 0),
  ]);
  expectUnits(world, takenBack, goodsOf(world, rows), (product) => `the units of ${product} taken back on ${refund.name}`);
}

/** The store's stock of each product named moved by exactly these units since the last sale or refund (down: sold; up: back). */
export async function expectStoreStockMoved(world: World, direction: 'down' | 'back', rows: GoodsRow[]): Promise<void> {
  const before = world.notes.recall('the store stock before');
  const now = await storeStock(world);
  const moved = new Map([...now].map(([product, units]) => [product, (direction === 'down' ? -1 : 1) * (units - (before.get(product) ?? 0))] as [number, number]));
  expectUnits(world, moved, goodsOf(world, rows), (product) => `the units of ${product} ${direction === 'down' ? 'gone from' : 'back in'} the store's stock`);
}

/** The session is closed, Odoo expecting exactly this cash in the drawer, this counted, and this difference. */
export async function expectStoreClosed(world: World, expected: number, counted: number, difference: number): Promise<void> {
  const session = await readSession(world, 'the store session');
  expectAll([
    { what: `the state of session ${session.name}`, expected: 'closed', actual: session.state },
    { what: `the cash Odoo expects in the drawer of ${session.name}`, expected: money(expected), actual: money(session.expectedCash) },
    { what: `the cash counted at the closing of ${session.name}`, expected: money(counted), actual: money(session.countedCash) },
    { what: `the cash difference of ${session.name}`, expected: money(difference), actual: money(session.difference) },
  ]);
  expectThat(session.orders.includes(world.notes.recall(world.notes.has('the refund') ? 'the refund' : 'the sale').id), `session ${session.name} should hold the scenario's last till order`);
}

const money = (amount: number) => (Math.round(amount * 100) / 100).toFixed(2);

function paymentComparisons(order: TillOrderRead, method: number, methodName: string, amount: number) {
  const paid = order.payments.filter((p) => p.method === method).reduce((sum, p) => sum + p.amount, 0);
  return [{ what: `the amount paid on ${order.name} by ${methodName}`, expected: money(amount), actual: money(paid) }];
}

function unitsOf(order: TillOrderRead): UnitsByProduct {
  const units = new Map<number, number>();
  for (const line of order.lines) units.set(line.product, (units.get(line.product) ?? 0) + line.quantity);
  return units;
}

/** The analyst's goods at their shelf price (the product's sales price). */
async function shelfPriced(world: World, rows: GoodsRow[]): Promise<TillGoods[]> {
  const goods = goodsOf(world, rows);
  const prices = await world.odoo.admin.read<{ id: number; lst_price: number }>('product.product', goods.map((g) => g.product.id), ['lst_price']);
  return goods.map((g) => ({ ...g, priceUnit: prices.find((p) => p.id === g.product.id)?.lst_price ?? 0 }));
}

/** Units on hand of every scenario product in the store's warehouse. */
export async function storeStock(world: World): Promise<UnitsByProduct> {
  const { stockLocation } = world.notes.recall('the store');
  const products = world.notes.products.all();
  return new Map(await Promise.all(products.map(async (p) => [p.id, await onHand(world.odoo.admin, p.id, stockLocation)] as [number, number])));
}

async function readOrder(world: World, note: 'the sale' | 'the refund'): Promise<TillOrderRead> {
  const ref = world.notes.recall(note);
  const order = await readTillOrder(world.odoo.admin, world.odoo.capabilities.profile, ref.id);
  await attachSnapshot(world, note, ref, order.evidence);
  return order;
}

async function readSession(world: World, note: 'the store session'): Promise<StoreSessionRead> {
  const ref = world.notes.recall(note);
  const session = await readStoreSession(world.odoo.admin, ref.id);
  await attachSnapshot(world, note, ref, session.evidence);
  return session;
}

async function attachSnapshot(world: World, label: string, record: RecordRef, fields: Record<string, unknown>): Promise<void> {
  const { capabilities } = world.odoo;
  await attachRecordSnapshot(world.testInfo, { label, model: record.model, id: record.id, displayName: record.name, url: `${world.environment.odoo.url}${capabilities.profile.recordPath(record.model, record.id)}`, fields });
}
