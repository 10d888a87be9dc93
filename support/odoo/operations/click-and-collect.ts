import { HarnessError } from '../../config/errors';
import type { Domain, OdooClient } from '../rpc/client';
import { x2many } from '../rpc/x2many';
import type { VersionProfile } from '../version-profile';
import type { RecordRef } from './master-data';
import type { LineToRingUp } from './point-of-sale';
import { recordByXmlId } from '../xml-ids';
import { createWebsiteOrder, postProcess } from './shop';

/** The shop's payment option for goods paid when they are collected at the store: its provider and its payment method, by one name. */
export const PAY_AT_STORE = 'Pay at the store';
const PAY_AT_STORE_CODE = 'pay_at_store';

/**
 * Makes the shop offer "Pay at the store", idempotently, as the set-up user:
 * a payment_custom provider (the kind of Odoo's Wire Transfer: the customer
 * is told how to pay and the transaction stays pending) with a payment method
 * of its own, since the checkout shows the method's name (18 and 19), and
 * Wire Transfer is not what a store's customer does. The POS only lists
 * orders with an amount left to pay (pos_sale 19's Quotation/Order list:
 * amount_unpaid > 0), so collected goods are paid at the till.
 */
export async function preparePayAtStore(admin: OdooClient): Promise<{ provider: number; changes: string[] }> {
  const changes: string[] = [];
  const providers = [['code', '=', 'custom'], ['name', '=', PAY_AT_STORE]] satisfies Domain;
  // By id: where two runs setting a database up at once each made one, every run takes the first.
  let [provider] = await admin.search('payment.provider', providers, { order: 'id' });
  if (provider === undefined) {
    const made = await admin.create('payment.provider', {
      name: PAY_AT_STORE,
      code: 'custom',
      custom_mode: 'wire_transfer',
      state: 'test',
      is_published: true,
      pending_msg: '<p>Your order is reserved: pay for it when you collect it at the store.</p>',
      // The form that takes the shop's checkout on to /payment/custom/process, as on Odoo's Wire Transfer.
      redirect_form_view_id: await recordByXmlId(admin, 'payment_custom.redirect_form'),
    });
    provider = (await admin.search('payment.provider', providers, { order: 'id', limit: 1 }))[0] ?? made;
    if (provider === made) changes.push(`payment.provider ${made} "${PAY_AT_STORE}" (payment_custom, test mode, published)`);
    // Another run made one first: this one is disabled, so the shop offers the option once.
    else await admin.write('payment.provider', [made], { state: 'disabled', is_published: false });
  } else {
    // Someone may have disabled or unpublished it since: the shop would not offer it.
    const { state, is_published: published } = await admin.readOne<{ state: string; is_published: boolean }>('payment.provider', provider, ['state', 'is_published']);
    if (state === 'disabled' || !published) {
      await admin.write('payment.provider', [provider], { ...(state === 'disabled' ? { state: 'test' } : {}), is_published: true });
      changes.push(`payment.provider ${provider} "${PAY_AT_STORE}": ${state === 'disabled' ? 'test mode, ' : ''}published`);
    }
  }
  const methods = { order: 'id', context: { active_test: false } };
  const [method] = await admin.search('payment.method', [['code', '=', PAY_AT_STORE_CODE]], methods);
  if (method === undefined) {
    // Odoo refuses a payment method that no provider supports: it is made with its provider.
    const made = await admin.create('payment.method', { name: PAY_AT_STORE, code: PAY_AT_STORE_CODE, provider_ids: [x2many.set([provider])] });
    const [first] = await admin.search('payment.method', [['code', '=', PAY_AT_STORE_CODE]], { ...methods, limit: 1 });
    if (first === undefined || first === made) changes.push(`payment.method ${made} "${PAY_AT_STORE}" for payment.provider ${provider}`);
    // Another run made one first: this one is archived, as the provider is disabled.
    else await admin.write('payment.method', [made], { active: false });
  } else {
    const { provider_ids: providers, active } = await admin.readOne<{ provider_ids: number[]; active: boolean }>('payment.method', method, ['provider_ids', 'active'], { active_test: false });
    if (!providers.includes(provider)) await admin.write('payment.method', [method], { provider_ids: [x2many.link(provider)] });
    if (!active) await admin.write('payment.method', [method], { active: true });
    if (!providers.includes(provider) || !active) changes.push(`payment.method ${method} "${PAY_AT_STORE}": linked to payment.provider ${provider} and active`);
  }
  return { provider, changes };
}

/**
 * The RPC twin of a shop checkout with "Pay at the store": the website order
 * for the customer and its transaction, pending as payment_custom leaves it
 * (its /payment/custom/process sets it so: the set-up user writes the state),
 * then post-processed as Odoo's job does: the order becomes a quotation sent
 * (state "sent"), waiting for its payment.
 */
export async function reserveWebsiteOrder(admin: OdooClient, customer: number, lines: { product: number; quantity: number }[], provider: number): Promise<RecordRef> {
  const order = await createWebsiteOrder(admin, customer, lines);
  const { payment_method_ids: [method] } = await admin.readOne<{ payment_method_ids: number[] }>('payment.provider', provider, ['payment_method_ids']);
  if (method === undefined) throw new HarnessError(`payment.provider ${provider} ("${PAY_AT_STORE}") has no payment method`);
  const transaction = await admin.create('payment.transaction', {
    provider_id: provider,
    payment_method_id: method,
    amount: order.amount_total,
    currency_id: order.currency_id,
    partner_id: customer,
    reference: `${order.name}-${order.id}`,
    sale_order_ids: [x2many.set([order.id])],
    operation: 'online_redirect',
  });
  await admin.write('payment.transaction', [transaction], { state: 'pending' });
  await postProcess(admin, transaction);
  return { model: 'sale.order', id: order.id, name: order.name };
}

/** A sale order as the POS app loads it to settle it (pos_sale): its customer, pricelist, fiscal position and lines. */
export interface SaleOrderToSettle {
  order: RecordRef;
  customer: number;
  pricelist: number | false;
  fiscalPosition: number | false;
  lines: {
    id: number;
    product: number;
    productName: string;
    ordered: number;
    delivered: number;
    invoiced: number;
    priceUnit: number;
    discount: number;
    taxes: number[];
    /** A section or a note ("line_section", "line_note"): no goods. */
    displayType: string | false;
    isDownpayment: boolean;
  }[];
}

export async function saleOrderToSettle(client: OdooClient, profile: VersionProfile, id: number): Promise<SaleOrderToSettle> {
  const order = await client.readOne<{ name: string; partner_id: [number, string]; pricelist_id: [number, string] | false; fiscal_position_id: [number, string] | false; order_line: number[] }>(
    'sale.order', id, ['name', 'partner_id', 'pricelist_id', 'fiscal_position_id', 'order_line'],
  );
  const taxes = profile.saleLineTaxesField;
  const lines = await client.read<Record<string, unknown> & { id: number; product_id: [number, string] | false }>(
    'sale.order.line', order.order_line, ['product_id', 'product_uom_qty', 'qty_delivered', 'qty_invoiced', 'price_unit', 'discount', taxes, 'display_type', 'is_downpayment'],
  );
  return {
    order: { model: 'sale.order', id, name: order.name },
    customer: order.partner_id[0],
    pricelist: order.pricelist_id ? order.pricelist_id[0] : false,
    fiscalPosition: order.fiscal_position_id ? order.fiscal_position_id[0] : false,
    lines: lines.map((line) => ({
      id: line.id,
      product: line.product_id ? line.product_id[0] : 0,
      productName: line.product_id ? line.product_id[1] : '',
      ordered: line.product_uom_qty as number,
      delivered: line.qty_delivered as number,
      invoiced: line.qty_invoiced as number,
      priceUnit: line.price_unit as number,
      discount: line.discount as number,
      taxes: line[taxes] as number[],
      displayType: (line.display_type as string | false) || false,
      isDownpayment: line.is_downpayment as boolean,
    })),
  };
}

/**
 * The till lines that settle a sale order, as the POS app's "Settle the
 * order" makes them (pos_sale settleSO, 18 and 19): one per product line
 * with what is left of it (ordered less the larger of delivered and
 * invoiced: setQuantityFromSOL), at the line's price, discount and taxes,
 * each linked to its sale order line; sections and notes carry no goods.
 * A down payment line or a line with nothing left is refused by name rather
 * than settled differently from the app.
 */
export function settlingLines(toSettle: SaleOrderToSettle): LineToRingUp[] {
  const { order } = toSettle;
  const goods = toSettle.lines.filter((line) => !line.displayType);
  const downPayments = goods.filter((line) => line.isDownpayment);
  if (downPayments.length) throw new HarnessError(`${order.name} has a down payment line (${downPayments.map((l) => l.productName).join(', ')}): the till settles orders without down payments only`);
  const lines = goods.map((line) => ({
    product: line.product,
    productName: line.productName,
    quantity: line.ordered - Math.max(line.delivered, line.invoiced),
    priceUnit: line.priceUnit,
    discount: line.discount,
    taxes: line.taxes,
    settles: { saleOrder: order.id, saleOrderLine: line.id },
  }));
  const done = lines.filter((line) => line.quantity <= 0);
  if (done.length) throw new HarnessError(`${order.name} has nothing left to settle of ${done.map((l) => l.productName).join(', ')} (already delivered or invoiced)`);
  if (!lines.length) throw new HarnessError(`${order.name} has no goods to settle`);
  return lines;
}

/** A sale order after its hand-over at a till: its state, what each line delivered and invoiced, its deliveries, the till lines that settled it. */
export interface HandedOverSaleOrder {
  state: string;
  invoiceStatus: string;
  amountUnpaid: number;
  lines: { id: number; product: number; delivered: number; invoiced: number }[];
  deliveries: { name: string; state: string }[];
  tillLines: { id: number; order: number; saleOrderLine: number | false }[];
  transactions: { provider: string; state: string; amount: number }[];
  evidence: Record<string, unknown>;
}

export async function readHandedOverSaleOrder(client: OdooClient, id: number): Promise<HandedOverSaleOrder> {
  const order = await client.readOne<{ name: string; state: string; invoice_status: string; amount_total: number; amount_unpaid: number; order_line: number[]; picking_ids: number[]; transaction_ids: number[]; partner_id: [number, string]; website_id: [number, string] | false }>(
    'sale.order', id, ['name', 'state', 'invoice_status', 'amount_total', 'amount_unpaid', 'order_line', 'picking_ids', 'transaction_ids', 'partner_id', 'website_id'],
  );
  const lines = await client.read<{ id: number; product_id: [number, string]; qty_delivered: number; qty_invoiced: number; display_type: string | false }>('sale.order.line', order.order_line, ['product_id', 'qty_delivered', 'qty_invoiced', 'display_type']);
  const deliveries = await client.read<{ name: string; state: string }>('stock.picking', order.picking_ids, ['name', 'state']);
  const tillLines = await client.searchRead<{ id: number; order_id: [number, string]; sale_order_line_id: [number, string] | false }>('pos.order.line', [['sale_order_origin_id', '=', id]], ['order_id', 'sale_order_line_id']);
  const transactions = await client.read<{ provider_id: [number, string]; state: string; amount: number }>('payment.transaction', order.transaction_ids, ['provider_id', 'state', 'amount']);
  const goods = lines.filter((l) => !l.display_type);
  return {
    state: order.state,
    invoiceStatus: order.invoice_status,
    amountUnpaid: order.amount_unpaid,
    lines: goods.map((l) => ({ id: l.id, product: l.product_id[0], delivered: l.qty_delivered, invoiced: l.qty_invoiced })),
    deliveries: deliveries.map((d) => ({ name: d.name, state: d.state })),
    tillLines: tillLines.map((l) => ({ id: l.id, order: l.order_id[0], saleOrderLine: l.sale_order_line_id ? l.sale_order_line_id[0] : false })),
    transactions: transactions.map((t) => ({ provider: t.provider_id[1], state: t.state, amount: t.amount })),
    evidence: {
      name: order.name, state: order.state, invoice_status: order.invoice_status, amount_total: order.amount_total, amount_unpaid: order.amount_unpaid,
      partner_id: order.partner_id[1], website_id: order.website_id ? order.website_id[1] : false,
      lines: goods.map((l) => `${l.product_id[1]}: ${l.qty_delivered} delivered, ${l.qty_invoiced} invoiced`).join('; '),
      deliveries: deliveries.map((d) => `${d.name} (${d.state})`).join(', ') || 'none',
      till_orders: [...new Set(tillLines.map((l) => l.order_id[1]))].join(', ') || 'none',
      online_payments: transactions.map((t) => `${t.provider_id[1]}: ${t.amount.toFixed(2)} ${t.state}`).join(', ') || 'none',
    },
  };
}
