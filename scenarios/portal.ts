import type { Actor } from '../support/actors';
import { attachText } from '../support/evidence/attachments';
import type { PortalBuyerActs } from '../support/odoo/acts/portal-buyer-acts';
import type { RecordRef } from '../support/odoo/operations/master-data';
import {
  acceptanceFlags, askForOnlineAcceptance, createCompanyCustomer, portalAcceptanceButtons, readAcceptance, sendQuotationByEmail, type OnlineAcceptance,
} from '../support/odoo/operations/online-quotations';
import { confirmOrder, createQuotation } from '../support/odoo/operations/sales';
import { prepareShopCheckout } from '../support/odoo/operations/shop';
import { archivePortalBuyer, provisionPortalBuyer } from '../support/odoo/portal/portal-buyers';
import type { PortalDocument, PortalOrderView } from '../support/odoo/portal/portal-pages';
import { attachRecord, type World } from '../support/world';
import { expectAll, expectEqual, expectThat, type Comparison } from './expect';
import { goodsOf, type GoodsRow } from './goods';

/** A row of "the customer's buyer sees the order in the portal with:". */
export interface PortalDocumentRow {
  document: string;
  status: string;
}

/** The documents a buyer's portal row may name: the records the scenario noted under these names. */
const PORTAL_DOCUMENTS = { 'the delivery': 'deliveries', 'the backorder': 'deliveries', 'the invoice': 'invoices' } as const;

/**
 * Set-up: a business customer (a company) whose buyer, a contact of it,
 * has a portal user of its own, and the demo payment provider ready for
 * online payments. Over RPC as the set-up user.
 */
export async function haveCustomerWithPortalBuyer(world: World, customerAlias: string, buyerName: string): Promise<void> {
  const { admin, capabilities } = world.odoo;
  const company = world.notes.customers.add(customerAlias, await createCompanyCustomer(admin, world.data.customer(customerAlias)));
  const buyer = await provisionPortalBuyer(admin, capabilities, world.environment, { company, name: world.data.named(buyerName), namespace: world.data.namespace });
  world.notes.remember('the portal buyer', buyer);
  world.leaveNothingOpen(`the portal user ${buyer.credentials.login}`, () => archivePortalBuyer(admin, buyer));
  const setUp = await prepareShopCheckout(admin);
  await attachText(
    world.testInfo,
    "the customer's buyer",
    [`${buyer.contact.name}, a contact of ${company.name}`, `portal user ${buyer.credentials.login} (id ${buyer.user}): Portal group only, no internal user`, ...setUp.changes].join('\n'),
  );
}

/** Set-up: another customer with an order of its own, confirmed (over RPC, as the set-up user): what the buyer must not see. */
export async function haveOtherCustomersOrder(world: World, customerAlias: string, rows: GoodsRow[]): Promise<void> {
  const admin = world.odoo.admin;
  const customer = world.notes.customers.add(customerAlias, await createCompanyCustomer(admin, world.data.customer(customerAlias)));
  const order = await createQuotation(admin, customer.id, goodsOf(world, rows).map((g) => ({ product: g.product.id, quantity: g.quantity })));
  await confirmOrder(admin, order.id);
  const orders = world.notes.has("other customers' orders") ? world.notes.recall("other customers' orders") : world.notes.remember("other customers' orders", new Map());
  orders.set(customerAlias, order);
  await attachRecord(world, `the order of ${customerAlias}`, order);
}

/**
 * The salesperson asks for the customer's online acceptance and sends the
 * quotation by email (over RPC in every mode, as entering it is: the
 * decision under test is the buyer's). Odoo marks it sent.
 */
export async function sendForOnlineAcceptance(world: World, actor: Actor, acceptance: OnlineAcceptance): Promise<void> {
  const order = world.notes.recall('the order');
  const salesperson = await world.rpc(actor);
  world.notes.remember('the online acceptance', acceptance);
  await askForOnlineAcceptance(salesperson, order.id, acceptance);
  await sendQuotationByEmail(salesperson, order.id);
  const state = await readAcceptance(world.odoo.admin, order.id);
  expectAll([
    { what: `the state of quotation ${order.name} after ${actor.phrase} sent it`, expected: 'sent', actual: state.state },
    ...acceptanceAsOdooKeepsIt(order.name, acceptance, state.asks),
  ]);
  await attachRecord(world, 'the quotation', order);
}

/** The quotation's acceptance flags against what the sentence asked: Odoo must ask the customer exactly that. */
function acceptanceAsOdooKeepsIt(orderName: string, asked: OnlineAcceptance, kept: OnlineAcceptance): Comparison[] {
  const [expected, actual] = [acceptanceFlags(asked), acceptanceFlags(kept)];
  return [
    { what: `the online signature ${orderName} asks of the customer (require_signature)`, expected: expected.signature, actual: actual.signature },
    { what: `the online payment ${orderName} asks of the customer (require_payment)`, expected: expected.payment, actual: actual.payment },
  ];
}

async function buyerActs(world: World): Promise<PortalBuyerActs> {
  return world.portal(world.notes.recall('the portal buyer'));
}

/**
 * The buyer opens the quotation from its list in the portal: it shows the
 * quotation with exactly the buttons of the acceptance the salesperson's
 * step asked for, and Odoo's flags on the quotation still ask just that.
 */
export async function buyerOpensQuotation(world: World): Promise<void> {
  const order = world.notes.recall('the order');
  const asked = world.notes.recall('the online acceptance');
  const view = await (await buyerActs(world)).openQuotation(order);
  await attachPortalView(world, `the quotation ${order.name} in the portal`, view);
  const { asks } = await readAcceptance(world.odoo.admin, order.id);
  const buttons = (names: string[]) => names.join(', ') || 'none';
  expectAll([
    { what: 'the document the portal shows', expected: `Quotation ${order.name}`, actual: `${view.stage} ${view.name}` },
    ...acceptanceAsOdooKeepsIt(order.name, asked, asks),
    { what: `the buyer's buttons on ${order.name} in the portal`, expected: buttons(portalAcceptanceButtons(asked)), actual: buttons(view.actions) },
  ]);
}

/** The buyer signs with its name and accepts in the portal; Odoo keeps the signature and the signer's name. */
export async function buyerSignsAndAccepts(world: World, signer: string): Promise<void> {
  const order = world.notes.recall('the order');
  await (await buyerActs(world)).signAndAccept(order, signer);
  const after = await readAcceptance(world.odoo.admin, order.id);
  expectEqual(after.signedBy, signer, `the signer Odoo keeps on ${order.name}`);
}

/** The buyer pays the order online in the portal, with the demo provider. */
export async function buyerPaysOnline(world: World): Promise<void> {
  const order = world.notes.recall('the order');
  await (await buyerActs(world)).payOnline(order);
  await attachRecord(world, 'the order', order);
}

/** The order is confirmed and carries the buyer's signature: the name, the image and when. */
export async function expectSignedAndConfirmed(world: World, signer: string): Promise<void> {
  const order = world.notes.recall('the order');
  const state = await readAcceptance(world.odoo.admin, order.id);
  expectAll([
    { what: `the state of ${order.name} (sale = confirmed)`, expected: 'sale', actual: state.state },
    { what: `the signer of ${order.name}`, expected: signer, actual: state.signedBy },
    { what: `the signature image on ${order.name}`, expected: 'kept', actual: state.signature ? 'kept' : 'none' },
    { what: `the signing time of ${order.name}`, expected: 'kept', actual: state.signedOn ? 'kept' : 'none' },
  ]);
  await attachText(world.testInfo, `the signature of ${order.name}`, `signed by ${state.signedBy} on ${state.signedOn} (image: ${state.signature})`);
  await attachRecord(world, 'the order', order);
}

/** The order is paid online in full by the buyer: one done transaction of the demo provider, for the order's total, paid by the buyer's contact. */
export async function expectPaidOnlineInFull(world: World): Promise<void> {
  const order = world.notes.recall('the order');
  const buyer = world.notes.recall('the portal buyer');
  const state = await readAcceptance(world.odoo.admin, order.id);
  const done = state.transactions.filter((t) => t.state === 'done');
  expectThat(done.length === 1, `${order.name} should have one online payment done, it has ${state.transactions.map((t) => `${t.provider} ${t.amount} ${t.state}`).join(', ') || 'none'}`);
  const [payment] = done as [(typeof done)[number]];
  expectAll([
    { what: `the amount paid online for ${order.name}`, expected: state.amountTotal, actual: payment.amount },
    { what: `the provider of the payment of ${order.name}`, expected: 'demo', actual: payment.provider },
    { what: `who paid ${order.name} online (partner id)`, expected: buyer.contact.id, actual: payment.partner },
  ]);
  await attachText(world.testInfo, `the online payment of ${order.name}`, `${payment.provider}: ${payment.amount.toFixed(2)} ${payment.state}, paid by ${buyer.contact.name}`);
}

/**
 * What the buyer sees of the order in the portal: exactly the deliveries and
 * invoices of the table, each with the status the portal shows ("Shipped",
 * "Preparation", "Paid", "Waiting Payment"), and no other.
 */
export async function expectBuyerSees(world: World, rows: PortalDocumentRow[]): Promise<void> {
  const order = world.notes.recall('the order');
  const view = await (await buyerActs(world)).viewOrder(order);
  await attachPortalView(world, `${order.name} as the buyer sees it in the portal`, view);
  const expected = rows.map((row) => {
    if (!(row.document in PORTAL_DOCUMENTS)) throw new Error(`${world.where()}: "${row.document}" is not a document the portal lists: use ${Object.keys(PORTAL_DOCUMENTS).join(', ')}`);
    const document = row.document as keyof typeof PORTAL_DOCUMENTS;
    return { kind: PORTAL_DOCUMENTS[document], record: world.notes.recall(document), status: row.status };
  });
  const shown = (kind: 'deliveries' | 'invoices', record: RecordRef) => view[kind].find((d) => d.name === record.name)?.status ?? 'not listed';
  const unexpected = [...view.deliveries, ...view.invoices].filter((d) => !expected.some((e) => e.record.name === d.name));
  expectAll([
    ...expected.map((e) => ({ what: `the status the portal shows the buyer for ${e.record.name}`, expected: e.status, actual: shown(e.kind, e.record) })),
    ...unexpected.map((d) => ({ what: `${d.name} in the buyer's portal view of ${order.name}`, expected: 'not listed', actual: `listed as ${d.status}` })),
  ]);
}

/**
 * The buyer cannot open another customer's order: asked by its number (no
 * link was given to it), the portal does not show it, refusing it (403,
 * 404, or Odoo's redirect to /my), and lists it nowhere.
 */
export async function expectBuyerCannotOpen(world: World, customerAlias: string): Promise<void> {
  const orders = world.notes.has("other customers' orders") ? world.notes.recall("other customers' orders") : new Map<string, RecordRef>();
  const order = orders.get(customerAlias);
  if (!order) throw new Error(`${world.where()}: this scenario has no order of "${customerAlias}": an earlier Given step must create it`);
  const answer = await (await buyerActs(world)).tryToOpen(order);
  const refused = [403, 404].includes(answer.status) || answer.path === '/my';
  await attachText(world.testInfo, `the portal's answer to ${order.name} of ${customerAlias}`, `HTTP ${answer.status} at ${answer.path}; shows the order: ${answer.showsDocument}; listed: ${answer.listed}`);
  expectAll([
    { what: `the portal page of ${order.name} (another customer's order) as the buyer asks for it`, expected: 'not shown', actual: answer.showsDocument ? 'shown' : 'not shown' },
    { what: `the portal's answer to ${order.name}`, expected: 'refused (403, 404 or a redirect to /my)', actual: refused ? 'refused (403, 404 or a redirect to /my)' : `HTTP ${answer.status} at ${answer.path}` },
    { what: `${order.name} in the buyer's lists of quotations and orders`, expected: 'not listed', actual: answer.listed ? 'listed' : 'not listed' },
  ]);
}

/** What the portal showed the buyer, as evidence in both modes (hybrid adds the page's screenshot). */
async function attachPortalView(world: World, label: string, view: PortalOrderView): Promise<void> {
  const line = (d: PortalDocument) => `  ${d.name}: ${d.status}`;
  await attachText(
    world.testInfo,
    label,
    [`${view.stage} ${view.name}`, `buttons: ${view.actions.join(', ') || 'none'}`, 'deliveries:', ...view.deliveries.map(line), 'invoices:', ...view.invoices.map(line)].join('\n'),
  );
}
