import { x2many } from '../rpc/x2many';
import type { PosOrderSync } from '../version-profile';

/** One line of a till order, its amounts as Odoo's taxes computed them (quantities are negative on a refund). */
export interface TillLine {
  product: number;
  productName: string;
  quantity: number;
  priceUnit: number;
  /** In %, as on the line it comes from (a sale order's line, or the sold line a refund takes back). */
  discount?: number;
  taxes: number[];
  /** Before and after tax, for the whole line. */
  priceSubtotal: number;
  priceSubtotalIncl: number;
  /** The line of the original order this one takes back (a refund). */
  refundedOrderLine?: number;
  /** The sale order line this one settles (pos_sale), and its order. */
  settles?: { saleOrder: number; saleOrderLine: number };
}

/** A payment at the till: money in by one payment method (negative: paid back). */
export interface TillPayment {
  paymentMethod: number;
  amount: number;
}

/** A paid order as the POS app hands it to Odoo. */
export interface TillOrder {
  /** The app's own key of the order: Odoo finds the order again by it (unique). */
  uuid: string;
  /** The receipt number the 18 app prints ("Order 00012-001-0001") and Odoo files as pos_reference; 19 numbers the order itself. */
  receiptNumber?: string;
  session: number;
  cashier: number;
  /** The customer on the order: none for a walk-in sale, the sale order's for a settled one. */
  customer?: number;
  pricelist: number | false;
  /** A settled sale order's fiscal position, as the app takes it from the order. */
  fiscalPosition?: number;
  lines: TillLine[];
  payments: TillPayment[];
}

const cents = (amount: number) => Math.round(amount * 100) / 100;

/** A sales tax as the till applies it. */
export interface TillTax {
  name: string;
  amountType: string;
  /** In % for a percent tax. */
  amount: number;
  priceInclude: boolean;
}

/**
 * A line's amounts before and after its taxes, as the POS app computes them
 * (it does, in the browser, on 17, 18 and 19; Odoo files what it is sent):
 * percent taxes on the discounted price, each rounded per line, all on the
 * price or all in it. Any
 * other tax is refused by name rather than computed wrongly.
 */
export function lineAmounts(priceUnit: number, quantity: number, taxes: TillTax[], discount = 0): { priceSubtotal: number; priceSubtotalIncl: number } {
  const odd = taxes.filter((t) => t.amountType !== 'percent');
  if (odd.length) throw new Error(`the till computes percent taxes only: ${odd.map((t) => `"${t.name}" (${t.amountType})`).join(', ')} would need Odoo's own computation`);
  const included = taxes.filter((t) => t.priceInclude);
  if (included.length && included.length !== taxes.length) throw new Error(`the till computes taxes all included in the price or all on it, not a mix: ${taxes.map((t) => t.name).join(', ')}`);
  const rate = taxes.reduce((sum, t) => sum + t.amount, 0) / 100;
  const gross = cents(priceUnit * (1 - discount / 100) * quantity);
  if (included.length) return { priceSubtotal: cents(gross / (1 + rate)), priceSubtotalIncl: gross };
  return { priceSubtotal: gross, priceSubtotalIncl: cents(gross + taxes.reduce((sum, t) => sum + cents((gross * t.amount) / 100), 0)) };
}

/**
 * The argument of the version's order sync for one paid order: pos.order
 * values with lines and payments as create commands, as the POS app sends
 * them on 18 and 19 (the fields of the apps' own payloads, seen live, that a
 * walk-in sale, a refund or a settled sale order needs:
 * tests/pos-order-payload.test.ts). Totals are the lines' sums; a till order
 * is paid exactly (no change given); a refund's lines name the lines they
 * take back, a settled order's the sale order lines they settle (pos_sale).
 */
export function posOrderSyncArgument(sync: PosOrderSync, order: TillOrder): Record<string, unknown>[] {
  const amountTotal = cents(order.lines.reduce((sum, line) => sum + line.priceSubtotalIncl, 0));
  const amountTax = cents(amountTotal - order.lines.reduce((sum, line) => sum + line.priceSubtotal, 0));
  const amountPaid = cents(order.payments.reduce((sum, payment) => sum + payment.amount, 0));
  if (amountPaid !== amountTotal) throw new Error(`till order ${order.uuid}: payments of ${amountPaid.toFixed(2)} for a total of ${amountTotal.toFixed(2)}: a till order is paid exactly`);
  const sendsName = sync.receiptNumber === 'sent as name';
  const refund = order.lines.some((line) => line.refundedOrderLine !== undefined);
  if (sendsName && !order.receiptNumber) throw new Error(`till order ${order.uuid}: this version's order sync takes the receipt number as the order's name, and none was given`);
  return [
    {
      ...(sendsName ? { name: order.receiptNumber } : {}),
      uuid: order.uuid,
      session_id: order.session,
      user_id: order.cashier,
      partner_id: order.customer ?? false,
      pricelist_id: order.pricelist,
      fiscal_position_id: order.fiscalPosition ?? false,
      to_invoice: false,
      ...(sync.marksRefunds ? { is_refund: refund } : {}),
      state: 'paid',
      amount_tax: amountTax,
      amount_total: amountTotal,
      amount_paid: amountPaid,
      amount_return: 0,
      lines: order.lines.map((line) =>
        x2many.create({
          product_id: line.product,
          full_product_name: line.productName,
          qty: line.quantity,
          price_unit: line.priceUnit,
          discount: line.discount ?? 0,
          tax_ids: sync.lineTaxes === 'plain ids' ? line.taxes : line.taxes.map((tax) => x2many.link(tax)),
          price_subtotal: line.priceSubtotal,
          price_subtotal_incl: line.priceSubtotalIncl,
          ...(line.refundedOrderLine ? { refunded_orderline_id: line.refundedOrderLine } : {}),
          ...(line.settles ? { sale_order_origin_id: line.settles.saleOrder, sale_order_line_id: line.settles.saleOrderLine } : {}),
        }),
      ),
      payment_ids: order.payments.map((payment) => x2many.create({ payment_method_id: payment.paymentMethod, amount: payment.amount })),
    },
  ];
}
