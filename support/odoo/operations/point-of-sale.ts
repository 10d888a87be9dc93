import { ConfigError } from '../../config/errors';
import { BusinessRuleError } from '../errors';
import type { OdooClient } from '../rpc/client';
import { x2many } from '../rpc/x2many';
import type { VersionProfile } from '../version-profile';
import type { MainWarehouse, RecordRef } from './master-data';
import { lineAmounts, posOrderSyncArgument, type TillLine, type TillOrder } from './pos-order-payload';

/** A payment method of a store's till, by the name its payment screen shows. */
export interface TillPaymentMethod {
  id: number;
  name: string;
}

/** A store: its Point of Sale (pos.config), a cash drawer and a card terminal, selling from a warehouse's stock. */
export interface Store extends RecordRef {
  cash: TillPaymentMethod;
  card: TillPaymentMethod;
  stockLocation: number;
}

/**
 * A store of the scenario's own, found by name or made by the set-up user:
 * Odoo allows a cash payment method (and its cash journal) in one Point of
 * Sale only (pos.config._check_payment_method_ids_journal), so each store
 * gets its own cash journal; the card terminal books to a bank journal.
 * Cash control is on whenever a store takes cash (pos.config.cash_control).
 */
export async function storeOf(admin: OdooClient, wanted: { name: string; code: string }, warehouse: MainWarehouse): Promise<Store> {
  let [config] = await admin.search('pos.config', [['name', '=', wanted.name]]);
  if (config === undefined) {
    const [bank] = await admin.search('account.journal', [['type', '=', 'bank']], { limit: 1, order: 'id' });
    if (bank === undefined) throw new Error('no bank journal for the card terminal: install a chart of accounts');
    const cashJournal = await admin.create('account.journal', { name: `Cash ${wanted.name}`, code: wanted.code, type: 'cash' });
    const cash = await admin.create('pos.payment.method', { name: 'Cash', journal_id: cashJournal });
    const card = await admin.create('pos.payment.method', { name: 'Card', journal_id: bank });
    const [pickingType] = await admin.search('stock.picking.type', [['warehouse_id', '=', warehouse.id], ['code', '=', 'outgoing']], { limit: 1, order: 'sequence,id' });
    const { pos_type_id: posType } = await admin.readOne<{ pos_type_id: [number, string] | false }>('stock.warehouse', warehouse.id, ['pos_type_id']);
    config = await admin.create('pos.config', {
      name: wanted.name,
      payment_method_ids: [x2many.set([cash, card])],
      picking_type_id: posType ? posType[0] : pickingType,
    });
  }
  const [store] = await admin.read<{ name: string; payment_method_ids: number[] }>('pos.config', [config], ['name', 'payment_method_ids']);
  const methods = await admin.read<{ id: number; name: string; is_cash_count: boolean }>('pos.payment.method', store?.payment_method_ids ?? [], ['name', 'is_cash_count']);
  const cash = methods.find((m) => m.is_cash_count);
  const card = methods.find((m) => !m.is_cash_count);
  if (!cash || !card) throw new Error(`Point of Sale "${wanted.name}" has no cash or no card payment method`);
  return { model: 'pos.config', id: config, name: wanted.name, cash: { id: cash.id, name: cash.name }, card: { id: card.id, name: card.name }, stockLocation: warehouse.stockLocation };
}

/** Makes a product sellable at the tills (its template's available_in_pos). */
export async function sellInStores(admin: OdooClient, product: number): Promise<void> {
  const { product_tmpl_id: [template] } = await admin.readOne<{ product_tmpl_id: [number, string] }>('product.product', product, ['product_tmpl_id']);
  await admin.write('product.template', [template], { available_in_pos: true, sale_ok: true });
}

/** The store's session that is open (or being opened), if any. */
export async function openSessionOf(client: OdooClient, store: number): Promise<RecordRef | undefined> {
  const [session] = await client.searchRead<{ id: number; name: string }>('pos.session', [['config_id', '=', store], ['state', 'in', ['opening_control', 'opened']]], ['name'], { limit: 1 });
  return session && { model: 'pos.session', id: session.id, name: session.name };
}

/**
 * Opens a store's session as the cashier, as the POS app does: the session
 * made for the cashier (pos.config._action_to_open_ui), then the cash
 * counted into the drawer (set_opening_control, 18 and 19).
 */
export async function openStoreSession(cashier: OdooClient, store: number, openingCash: number): Promise<RecordRef> {
  const existing = await openSessionOf(cashier, store);
  if (existing) throw new Error(`store ${store} already has session ${existing.name} open: close it before opening another`);
  const id = await cashier.create('pos.session', { config_id: store, user_id: await cashier.uid() });
  await cashier.call('pos.session', 'set_opening_control', { ids: [id], kwargs: { cashbox_value: openingCash, notes: '' } });
  const { name } = await cashier.readOne<{ name: string }>('pos.session', id, ['name']);
  return { model: 'pos.session', id, name };
}

/** A line to ring up: a product, units (negative to take back) at a unit price. */
export interface LineToRingUp {
  product: number;
  productName: string;
  quantity: number;
  priceUnit: number;
  /** The line's own discount (%) and taxes, where it copies another line (a refund, a settled sale order); otherwise none and the product's sales taxes. */
  discount?: number;
  taxes?: number[];
  refundedOrderLine?: number;
  settles?: { saleOrder: number; saleOrderLine: number };
}

/** Each line with its taxes (its own, or its product's sales taxes) and its amounts, computed as the POS app does (lineAmounts). */
export async function withTaxes(client: OdooClient, lines: LineToRingUp[]): Promise<TillLine[]> {
  const products = await client.read<{ id: number; taxes_id: number[] }>('product.product', lines.map((l) => l.product), ['taxes_id']);
  const taxesOf = (line: LineToRingUp) => line.taxes ?? products.find((p) => p.id === line.product)?.taxes_id ?? [];
  const taxIds = [...new Set(lines.flatMap(taxesOf))];
  const taxes = await client.read<{ id: number; name: string; amount_type: string; amount: number; price_include: boolean }>('account.tax', taxIds, ['name', 'amount_type', 'amount', 'price_include']);
  return lines.map((line) => {
    const own = taxesOf(line);
    const applied = taxes.filter((t) => own.includes(t.id)).map((t) => ({ name: t.name, amountType: t.amount_type, amount: t.amount, priceInclude: t.price_include }));
    return { ...line, taxes: own, ...lineAmounts(line.priceUnit, line.quantity, applied, line.discount ?? 0) };
  });
}

/** What the POS app is on this version, or a clear refusal. */
function orderSyncOf(profile: VersionProfile) {
  if (!profile.posOrderSync) throw new ConfigError(`the harness drives the Point of Sale on Odoo 18 and 19: Odoo ${profile.major}.0's order sync has not been seen live`);
  return profile.posOrderSync;
}

/** Hands a paid till order to Odoo as the POS app does (the version's order sync), and finds the order by its uuid. */
export async function syncTillOrder(cashier: OdooClient, profile: VersionProfile, order: TillOrder): Promise<RecordRef> {
  const sync = orderSyncOf(profile);
  await cashier.call('pos.order', sync.method, { kwargs: { orders: posOrderSyncArgument(sync, order) } });
  const [saved] = await cashier.searchRead<{ id: number; name: string }>('pos.order', [['uuid', '=', order.uuid]], ['name']);
  if (!saved) throw new Error(`Odoo kept no order with uuid ${order.uuid} from ${sync.method}`);
  return { model: 'pos.order', id: saved.id, name: saved.name };
}

/**
 * What the app numbers a new order of a session with: its place in the
 * session (the order's key is made from it), and on 18 the receipt number
 * the app prints, "Order <session>-<login>-<place>" zero-padded
 * (pos_order.js generate_unique_id; 19 numbers orders on the server).
 */
export async function nextTillOrder(cashier: OdooClient, profile: VersionProfile, session: number): Promise<{ place: string; receiptNumber?: string; pricelist: number | false }> {
  const sends = orderSyncOf(profile).receiptNumber === 'sent as name';
  const [data] = await cashier.read<{ config_id: [number, string]; login_number?: number }>('pos.session', [session], sends ? ['config_id', 'login_number'] : ['config_id']);
  if (!data) throw new Error(`pos.session ${session} does not exist (or ${cashier.login} cannot see it)`);
  const sold = await cashier.searchCount('pos.order', [['session_id', '=', session]]);
  const { pricelist_id: pricelist } = await cashier.readOne<{ pricelist_id: [number, string] | false }>('pos.config', data.config_id[0], ['pricelist_id']);
  const pad = (n: number, size: number) => String(n).padStart(size, '0');
  const place = `${pad(session, 5)}-${pad(data.login_number ?? 1, 3)}-${pad(sold + 1, 4)}`;
  return { place, ...(sends ? { receiptNumber: `Order ${place}` } : {}), pricelist: pricelist ? pricelist[0] : false };
}

/**
 * Closes a session as the POS app's closing dialog does (18 and 19): the
 * cash counted (post_closing_cash_details), the closing note
 * (update_closing_control_state_session), then the close itself with the
 * card terminal's difference (close_session_from_ui). Odoo answers a refusal
 * as { successful: false, message }: that is the step's failure.
 */
export async function closeStoreSession(cashier: OdooClient, session: number, countedCash: number, cardMethods: number[]): Promise<void> {
  const refused = (answer: { successful: boolean; message?: string }) => {
    // Odoo's own refusal, as close_session_from_ui words it (a draft order left, a journal without a loss account).
    if (!answer.successful) throw new BusinessRuleError(`Odoo refused to close session ${session}: ${answer.message ?? 'no reason given'}`, 'UserError');
  };
  refused(await cashier.call('pos.session', 'post_closing_cash_details', { ids: [session], kwargs: { counted_cash: countedCash } }));
  await cashier.call('pos.session', 'update_closing_control_state_session', { ids: [session], kwargs: { notes: '' } });
  refused(await cashier.call('pos.session', 'close_session_from_ui', { ids: [session], kwargs: { bank_payment_method_diff_pairs: cardMethods.map((m) => [m, 0]) } }));
}

/**
 * Closes a session its scenario left open (a failed or interrupted step), so
 * that a retry can open the store again: the cash counted as what Odoo
 * expects (the tidy-up records no difference of its own). Only the session
 * the scenario itself opened is ever passed here; a closed one is left as it is.
 */
export async function closeLeftOpenSession(admin: OdooClient, session: RecordRef, cardMethods: number[]): Promise<boolean> {
  const { state, cash_register_balance_end: expected } = await admin.readOne<{ state: string; cash_register_balance_end: number }>('pos.session', session.id, ['state', 'cash_register_balance_end']);
  if (state === 'closed') return false;
  // A session made by the app whose opening was never counted is opened empty first: Odoo closes opened sessions only.
  if (state === 'opening_control') await admin.call('pos.session', 'set_opening_control', { ids: [session.id], kwargs: { cashbox_value: 0, notes: '' } });
  await closeStoreSession(admin, session.id, expected, cardMethods);
  return true;
}

/** A till order as Odoo keeps it: lines, payments, the transfers that moved its goods. */
export interface TillOrderRead {
  name: string;
  state: string;
  receiptNumber: string;
  session: number;
  /** The customer on the order, if any (a settled sale order's). */
  customer: number | false;
  amountTotal: number;
  /** Each line; `refundedQuantity`: what later refunds took back of it (Odoo's refunded_qty, refunds not cancelled on 19). */
  lines: { id: number; product: number; quantity: number; refundedQuantity: number; priceUnit: number; discount: number; taxes: number[]; priceSubtotalIncl: number; refundedOrderLine: number | false }[];
  payments: { method: number; methodName: string; amount: number }[];
  pickings: number[];
  refundedOrders: number[];
  evidence: Record<string, unknown>;
}

export async function readTillOrder(client: OdooClient, profile: VersionProfile, id: number): Promise<TillOrderRead> {
  const refunded = profile.posRefundedOrderField;
  const [order] = await client.call<Record<string, unknown>[]>('pos.order', 'web_read', {
    ids: [id],
    kwargs: {
      specification: {
        name: {}, state: {}, pos_reference: {}, date_order: {}, amount_total: {}, amount_tax: {}, amount_paid: {}, amount_return: {}, picking_ids: {},
        session_id: { fields: { display_name: {} } }, user_id: { fields: { display_name: {} } }, config_id: { fields: { display_name: {} } }, partner_id: { fields: { display_name: {} } },
        [refunded]: { fields: { display_name: {} } },
        lines: { fields: { product_id: {}, qty: {}, refunded_qty: {}, price_unit: {}, discount: {}, tax_ids: {}, price_subtotal_incl: {}, refunded_orderline_id: {} } },
        payment_ids: { fields: { payment_method_id: { fields: { display_name: {} } }, amount: {} } },
      },
    },
  });
  if (!order) throw new Error(`pos.order ${id} does not exist (or ${client.login} cannot see it)`);
  const many2one = (value: unknown) => (value ? (value as { id: number }).id : false);
  const name = (value: unknown) => (value ? (value as { display_name: string }).display_name : false);
  const refundedValue = order[refunded];
  const refundedOrders = Array.isArray(refundedValue) ? (refundedValue as { id: number }[]).map((o) => o.id) : refundedValue ? [(refundedValue as { id: number }).id] : [];
  const lines = (order.lines as { id: number; product_id: { id: number } | number; qty: number; refunded_qty: number; price_unit: number; discount: number; tax_ids: number[]; price_subtotal_incl: number; refunded_orderline_id: { id: number } | number | false }[]).map((l) => ({
    id: l.id,
    product: typeof l.product_id === 'number' ? l.product_id : l.product_id.id,
    quantity: l.qty,
    refundedQuantity: l.refunded_qty,
    priceUnit: l.price_unit,
    discount: l.discount,
    taxes: l.tax_ids,
    priceSubtotalIncl: l.price_subtotal_incl,
    refundedOrderLine: typeof l.refunded_orderline_id === 'object' && l.refunded_orderline_id ? l.refunded_orderline_id.id : l.refunded_orderline_id,
  }));
  const payments = (order.payment_ids as { payment_method_id: { id: number; display_name: string }; amount: number }[]).map((p) => ({ method: p.payment_method_id.id, methodName: p.payment_method_id.display_name, amount: p.amount }));
  return {
    name: order.name as string,
    state: order.state as string,
    receiptNumber: order.pos_reference as string,
    session: many2one(order.session_id) || 0,
    customer: many2one(order.partner_id),
    amountTotal: order.amount_total as number,
    lines,
    payments,
    pickings: order.picking_ids as number[],
    refundedOrders,
    evidence: {
      name: order.name, pos_reference: order.pos_reference, state: order.state, config_id: name(order.config_id), session_id: name(order.session_id), user_id: name(order.user_id), partner_id: name(order.partner_id),
      date_order: order.date_order, amount_total: order.amount_total, amount_tax: order.amount_tax, amount_paid: order.amount_paid, amount_return: order.amount_return,
      payments: payments.map((p) => `${p.methodName}: ${p.amount.toFixed(2)}`).join(', '),
      [refunded]: refundedOrders.length ? (Array.isArray(refundedValue) ? (refundedValue as { display_name: string }[]).map((o) => o.display_name).join(', ') : name(refundedValue)) : false,
      picking_ids: order.picking_ids,
    },
  };
}

/** A session's state and cash control: what the drawer opened with, what Odoo expects in it, what was counted, the difference. */
export interface StoreSessionRead {
  name: string;
  state: string;
  openingCash: number;
  expectedCash: number;
  countedCash: number;
  difference: number;
  orders: number[];
  evidence: Record<string, unknown>;
}

const SESSION_FIELDS = ['name', 'state', 'config_id', 'user_id', 'start_at', 'stop_at', 'cash_register_balance_start', 'cash_register_balance_end', 'cash_register_balance_end_real', 'cash_register_difference', 'order_ids', 'move_id'];

export async function readStoreSession(client: OdooClient, id: number): Promise<StoreSessionRead> {
  const session = await client.readOne<Record<string, unknown>>('pos.session', id, SESSION_FIELDS);
  return {
    name: session.name as string,
    state: session.state as string,
    openingCash: session.cash_register_balance_start as number,
    expectedCash: session.cash_register_balance_end as number,
    countedCash: session.cash_register_balance_end_real as number,
    difference: session.cash_register_difference as number,
    orders: session.order_ids as number[],
    evidence: Object.fromEntries(SESSION_FIELDS.map((f) => [f, session[f]])),
  };
}
