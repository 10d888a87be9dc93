import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HarnessError } from '../support/config/errors';
import { refundLines } from '../support/odoo/acts/rpc-store-till';
import { preparePayAtStore, saleOrderToSettle, settlingLines, type SaleOrderToSettle } from '../support/odoo/operations/click-and-collect';
import type { TillOrderRead } from '../support/odoo/operations/point-of-sale';
import type { OdooClient } from '../support/odoo/rpc/client';
import { lineAmounts, posOrderSyncArgument, type TillLine } from '../support/odoo/operations/pos-order-payload';
import { versionProfile } from '../support/odoo/version-profile';

/**
 * What the 19 POS app sent live when its cashier settled a shop order
 * (pos_sale's "Settle the order"; the server's debug log of sync_from_ui),
 * trimmed to the fields the harness sends: two lamps and four notebooks of
 * sale order 35 (lines 57 and 58), 15% tax (id 1), 50.00 by card, the rest in cash.
 */
const SEEN_FROM_19_APP_SETTLING = {
  partner_id: 55,
  pricelist_id: false,
  fiscal_position_id: 1,
  is_refund: false,
  state: 'paid',
  amount_tax: 15,
  amount_total: 115,
  amount_paid: 115,
  amount_return: 0,
  session_id: 71,
  user_id: 13,
  to_invoice: false,
  lines: [
    [0, 0, { product_id: 127, full_product_name: 'Desk lamp [UAT-TILXU-YCMP]', qty: 2, price_unit: 40, discount: 0, tax_ids: [1], price_subtotal: 80, price_subtotal_incl: 92, sale_order_origin_id: 35, sale_order_line_id: 57 }],
    [0, 0, { product_id: 128, full_product_name: 'Notebook [UAT-TILXU-YCMP]', qty: 4, price_unit: 5, discount: 0, tax_ids: [1], price_subtotal: 20, price_subtotal_incl: 23, sale_order_origin_id: 35, sale_order_line_id: 58 }],
  ],
  payment_ids: [[0, 0, { payment_method_id: 82, amount: 50 }], [0, 0, { payment_method_id: 81, amount: 65 }]],
};

const order = (lines: Partial<SaleOrderToSettle['lines'][number]>[]): SaleOrderToSettle => ({
  order: { model: 'sale.order', id: 35, name: 'S00035' },
  customer: 55,
  pricelist: false,
  fiscalPosition: 1,
  lines: lines.map((line, index) => ({
    id: 57 + index, product: 127 + index, productName: `Product ${index}`, ordered: 1, delivered: 0, invoiced: 0, priceUnit: 10, discount: 0, taxes: [1], displayType: false, isDownpayment: false, ...line,
  })),
});

const fifteen = [{ name: '15%', amountType: 'percent', amount: 15, priceInclude: false }];
const priced = (line: ReturnType<typeof settlingLines>[number]): TillLine => ({ ...line, taxes: line.taxes ?? [], ...lineAmounts(line.priceUnit, line.quantity, fifteen, line.discount ?? 0) });

describe('settling a sale order at the till', () => {
  it("makes the 19 app's own sync payload: the customer, the order's fiscal position, each line linked to its sale order line", () => {
    const lines = settlingLines(order([
      { product: 127, productName: 'Desk lamp [UAT-TILXU-YCMP]', ordered: 2, priceUnit: 40 },
      { product: 128, productName: 'Notebook [UAT-TILXU-YCMP]', ordered: 4, priceUnit: 5 },
    ])).map(priced);
    const sync = versionProfile(19).posOrderSync;
    assert.ok(sync);
    const [payload] = posOrderSyncArgument(sync, {
      uuid: 'k1', session: 71, cashier: 13, customer: 55, fiscalPosition: 1, pricelist: false, lines,
      payments: [{ paymentMethod: 82, amount: 50 }, { paymentMethod: 81, amount: 65 }],
    });
    assert.deepEqual(payload, { uuid: 'k1', ...SEEN_FROM_19_APP_SETTLING });
  });

  // 18's app was not seen settling (its POS app is not driven in hybrid mode here): its taxes as its sales and refunds send them, the links as pos_sale 18's settleSO sets them.
  it("sends 18's taxes as link commands with the same sale order links", () => {
    const sync = versionProfile(18).posOrderSync;
    assert.ok(sync);
    const [line] = settlingLines(order([{ ordered: 2, priceUnit: 40 }])).map(priced);
    assert.ok(line);
    const [payload] = posOrderSyncArgument(sync, { uuid: 'k2', receiptNumber: 'Order 00019-001-0001', session: 19, cashier: 2, customer: 55, pricelist: false, lines: [line], payments: [{ paymentMethod: 1, amount: 92 }] });
    const [[, , sent]] = payload?.lines as [number, number, Record<string, unknown>][] as [[number, number, Record<string, unknown>]];
    assert.deepEqual([sent.tax_ids, sent.sale_order_origin_id, sent.sale_order_line_id, payload?.partner_id], [[[4, 1]], 35, 57, 55]);
  });

  it('settles what is left of each line (ordered less the larger of delivered and invoiced), at its price and discount, skipping sections and notes', () => {
    const lines = settlingLines(order([
      { ordered: 5, delivered: 2, invoiced: 1, priceUnit: 40, discount: 10 },
      { displayType: 'line_section', productName: 'Lighting' },
      { ordered: 3, delivered: 0, invoiced: 2 },
    ]));
    assert.deepEqual(lines.map((l) => [l.quantity, l.priceUnit, l.discount, l.settles?.saleOrderLine]), [[3, 40, 10, 57], [1, 10, 0, 59]]);
    assert.deepEqual(lineAmounts(40, 3, fifteen, 10), { priceSubtotal: 108, priceSubtotalIncl: 124.2 });
  });

  it('refuses, by name, a line with nothing left, a down payment, and an order without goods', () => {
    assert.throws(() => settlingLines(order([{ productName: 'Desk lamp', ordered: 2, delivered: 2 }])), /S00035 has nothing left to settle of Desk lamp/);
    assert.throws(() => settlingLines(order([{ productName: 'Down payment', isDownpayment: true }])), /S00035 has a down payment line \(Down payment\)/);
    assert.throws(() => settlingLines(order([{ displayType: 'line_note' }])), /S00035 has no goods to settle/);
    // A HarnessError: the CLI prints it as one line, without a stack.
    assert.throws(() => settlingLines(order([{ displayType: 'line_note' }])), HarnessError);
  });
});

describe('refund lines', () => {
  const sold = {
    lines: [
      { id: 81, product: 127, quantity: 2, refundedQuantity: 0, priceUnit: 40, discount: 10, taxes: [1], priceSubtotalIncl: 82.8, refundedOrderLine: false },
      { id: 82, product: 128, quantity: -1, refundedQuantity: 0, priceUnit: 5, discount: 0, taxes: [1], priceSubtotalIncl: -5.75, refundedOrderLine: 70 },
    ],
  } as TillOrderRead;
  const sale = { model: 'pos.order', id: 9, name: 'Shop/0009' };

  it("take the sold line's price, discount and taxes (as the app's refund does), not the shelf's, and point at it", () => {
    assert.deepEqual(refundLines(sale, sold, [{ product: 127, productName: 'Desk lamp', quantity: 1 }]), [
      { product: 127, productName: 'Desk lamp', quantity: -1, priceUnit: 40, discount: 10, taxes: [1], refundedOrderLine: 81 },
    ]);
  });

  it('refuse goods the sale did not sell (a line taking goods back is not a sale of them)', () => {
    assert.throws(() => refundLines(sale, sold, [{ product: 128, productName: 'Notebook', quantity: 1 }]), /Shop\/0009 did not sell Notebook: nothing to refund/);
  });

  // Two lines of one product: the lamp at 40 with a part already refunded, then at 36 (ids 91, 92).
  const twoLampLines = {
    lines: [
      { id: 91, product: 127, quantity: 2, refundedQuantity: 1, priceUnit: 40, discount: 0, taxes: [1], priceSubtotalIncl: 92, refundedOrderLine: false },
      { id: 92, product: 127, quantity: 2.5, refundedQuantity: 0, priceUnit: 36, discount: 0, taxes: [1], priceSubtotalIncl: 103.5, refundedOrderLine: false },
    ],
  } as TillOrderRead;

  it('spread a product over its sold lines by what is left of each (sold less already refunded), part quantities too', () => {
    assert.deepEqual(refundLines(sale, twoLampLines, [{ product: 127, productName: 'Desk lamp', quantity: 2.5 }]).map((l) => [l.refundedOrderLine, l.quantity, l.priceUnit]), [[91, -1, 40], [92, -1.5, 36]]);
  });

  it('refuse more than is left, naming the product, what was sold and what was already refunded', () => {
    assert.throws(() => refundLines(sale, sold, [{ product: 127, productName: 'Desk lamp', quantity: 3 }]), /Shop\/0009 sold 2 x Desk lamp, 0 already refunded: 3 cannot be refunded, 2 can/);
    assert.throws(() => refundLines(sale, twoLampLines, [{ product: 127, productName: 'Desk lamp', quantity: 4 }]), /sold 4.5 x Desk lamp, 1 already refunded: 4 cannot be refunded, 3.5 can/);
  });

  it('count a product named twice against what the first naming took', () => {
    assert.throws(() => refundLines(sale, sold, [{ product: 127, productName: 'Desk lamp', quantity: 1 }, { product: 127, productName: 'Desk lamp', quantity: 2 }]), /2 cannot be refunded, 1 can/);
  });
});

/** A client over a sale order whose line keeps its taxes in the field of this Odoo version, answering only the fields it is asked for, as Odoo's read does. */
function saleOrderReader(taxesField: string) {
  const line: Record<string, unknown> = { id: 57, product_id: [127, 'Desk lamp'], product_uom_qty: 2, qty_delivered: 0, qty_invoiced: 0, price_unit: 40, discount: 0, [taxesField]: [1], display_type: false, is_downpayment: false };
  return {
    login: 'cashier',
    readOne: async () => ({ name: 'S00035', partner_id: [55, 'Customer'], pricelist_id: false, fiscal_position_id: false, order_line: [57] }),
    read: async (_model: string, _ids: number[], fields: string[]) => [Object.fromEntries(['id', ...fields].filter((f) => f in line).map((f) => [f, line[f]]))],
  } as unknown as OdooClient;
}

describe("reading the sale order to settle, in each version's field of line taxes", () => {
  for (const [major, field] of [[17, 'tax_id'], [18, 'tax_id'], [19, 'tax_ids']] as const) {
    it(`reads the line's taxes from ${field} on ${major}`, async () => {
      const toSettle = await saleOrderToSettle(saleOrderReader(field), versionProfile(major), 35);
      assert.deepEqual(toSettle.lines.map((l) => [l.id, l.taxes]), [[57, [1]]]);
    });
  }
});

/** A set-up user's client over a database with a "Pay at the store" provider in this state and its active payment method; records the writes. */
function adminWithPayAtStore(provider: { state: string; is_published: boolean }) {
  const writes: [string, number[], Record<string, unknown>][] = [];
  const client = {
    login: 'admin',
    search: async (model: string) => (model === 'payment.provider' ? [7] : [21]),
    readOne: async (model: string) => (model === 'payment.provider' ? provider : { provider_ids: [7], active: true }),
    write: async (model: string, ids: number[], values: Record<string, unknown>) => {
      writes.push([model, ids, values]);
      return true;
    },
  } as unknown as OdooClient;
  return { client, writes };
}

describe('the "Pay at the store" option, found already made', () => {
  it('is put back in test mode and published when someone disabled it', async () => {
    const { client, writes } = adminWithPayAtStore({ state: 'disabled', is_published: false });
    const { provider, changes } = await preparePayAtStore(client);
    assert.deepEqual([provider, writes], [7, [['payment.provider', [7], { state: 'test', is_published: true }]]]);
    assert.deepEqual(changes, ['payment.provider 7 "Pay at the store": test mode, published']);
  });

  it('is published again, its mode kept, when someone only unpublished it', async () => {
    const { client, writes } = adminWithPayAtStore({ state: 'enabled', is_published: false });
    await preparePayAtStore(client);
    assert.deepEqual(writes, [['payment.provider', [7], { is_published: true }]]);
  });

  it('is left alone when it is offered', async () => {
    const { client, writes } = adminWithPayAtStore({ state: 'test', is_published: true });
    assert.deepEqual(await preparePayAtStore(client), { provider: 7, changes: [] });
    assert.deepEqual(writes, []);
  });
});

describe('the "Pay at the store" option, made by two runs at once', () => {
  it("takes the other run's, made first, and disables and archives its own so the shop offers one", async () => {
    const writes: [string, number[], Record<string, unknown>][] = [];
    // Nothing found at first; by the time this run's records exist, the other run's (lower ids) do too.
    const made = { 'payment.provider': 9, 'payment.method': 23 } as Record<string, number>;
    const first = { 'payment.provider': 8, 'payment.method': 22 } as Record<string, number>;
    const created = new Set<string>();
    const client = {
      login: 'admin',
      search: async (model: string) => (created.has(model) ? [first[model], made[model]] : []),
      create: async (model: string) => {
        created.add(model);
        return made[model];
      },
      searchRead: async () => [{ module: 'payment_custom', name: 'redirect_form', res_id: 5 }],
      write: async (model: string, ids: number[], values: Record<string, unknown>) => {
        writes.push([model, ids, values]);
        return true;
      },
    } as unknown as OdooClient;
    const { provider, changes } = await preparePayAtStore(client);
    assert.equal(provider, 8);
    assert.deepEqual(writes, [
      ['payment.provider', [9], { state: 'disabled', is_published: false }],
      ['payment.method', [23], { active: false }],
    ]);
    assert.deepEqual(changes, []);
  });
});
