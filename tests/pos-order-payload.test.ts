import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tenderedPayments } from '../support/odoo/acts/rpc-store-till';
import type { Store } from '../support/odoo/operations/point-of-sale';
import { lineAmounts, posOrderSyncArgument, type TillOrder } from '../support/odoo/operations/pos-order-payload';
import { versionProfile, type PosOrderSync } from '../support/odoo/version-profile';

/**
 * The order sync's argument, offline, against what the POS apps themselves
 * sent on live Odoo (19: the server's debug log of sync_from_ui; 18: the
 * browser's call_kw request), trimmed to the fields a walk-in sale or refund
 * carries: a desk lamp at 40.00 with the 15% tax (id 1), paid in cash.
 */
const SEEN_FROM_18_APP = {
  name: 'Order 00001-003-0001',
  session_id: 1,
  user_id: 2,
  partner_id: false,
  pricelist_id: false,
  fiscal_position_id: false,
  to_invoice: false,
  state: 'paid',
  amount_tax: 6,
  amount_total: 46,
  amount_paid: 46,
  amount_return: 0,
  lines: [[0, 0, { product_id: 6, full_product_name: 'Desk lamp [UAT-SHABF-US2R]', qty: 1, price_unit: 40, discount: false, tax_ids: [[4, 1]], price_subtotal: 40, price_subtotal_incl: 46, refunded_orderline_id: false }]],
  payment_ids: [[0, 0, { payment_method_id: 1, amount: 46 }]],
};

const SEEN_FROM_19_APP_REFUND = {
  session_id: 18,
  partner_id: false,
  pricelist_id: false,
  fiscal_position_id: false,
  to_invoice: false,
  is_refund: true,
  state: 'paid',
  amount_tax: -6,
  amount_total: -46,
  amount_paid: -46,
  amount_return: 0,
  lines: [[0, 0, { product_id: 24, full_product_name: 'Desk lamp [UAT-4VANG-US2R]', qty: -1, price_unit: 40, discount: false, tax_ids: [1], price_subtotal: -40, price_subtotal_incl: -46, refunded_orderline_id: 15 }]],
  payment_ids: [[0, 0, { payment_method_id: 21, amount: -46 }]],
};

const lamp = (overrides: Partial<TillOrder['lines'][number]> = {}): TillOrder['lines'][number] => ({
  product: 6, productName: 'Desk lamp [UAT-SHABF-US2R]', quantity: 1, priceUnit: 40, taxes: [1], priceSubtotal: 40, priceSubtotalIncl: 46, ...overrides,
});

const syncOf = (major: number): PosOrderSync => {
  const sync = versionProfile(major).posOrderSync;
  assert.ok(sync, `Odoo ${major} has an order sync`);
  return sync;
};

/** The app's values as the harness writes the same meaning: a discount of 0 for the app's false, no refunded line rather than false. */
function asTheHarnessSendsIt(app: Record<string, unknown>): Record<string, unknown> {
  const lines = (app.lines as [number, number, Record<string, unknown>][]).map(([a, b, { refunded_orderline_id: refunded, ...line }]) => [a, b, { ...line, discount: 0, ...(refunded ? { refunded_orderline_id: refunded } : {}) }]);
  return { ...app, lines };
}

describe('POS order sync payload', () => {
  it("is the 18 app's own shape: the receipt number as name, taxes as link commands, no refund mark", () => {
    const [payload] = posOrderSyncArgument(syncOf(18), { uuid: 'k1', receiptNumber: 'Order 00001-003-0001', session: 1, cashier: 2, pricelist: false, lines: [lamp()], payments: [{ paymentMethod: 1, amount: 46 }] });
    assert.deepEqual(payload, { uuid: 'k1', ...asTheHarnessSendsIt(SEEN_FROM_18_APP) });
  });

  it("is the 19 app's own refund shape: no name (Odoo numbers it), plain tax ids, is_refund and the refunded line", () => {
    const [payload] = posOrderSyncArgument(syncOf(19), {
      uuid: 'k2', session: 18, cashier: 7, pricelist: false,
      lines: [lamp({ product: 24, productName: 'Desk lamp [UAT-4VANG-US2R]', quantity: -1, priceSubtotal: -40, priceSubtotalIncl: -46, refundedOrderLine: 15 })],
      payments: [{ paymentMethod: 21, amount: -46 }],
    });
    assert.deepEqual(payload, { uuid: 'k2', user_id: 7, ...asTheHarnessSendsIt(SEEN_FROM_19_APP_REFUND) });
  });

  it('marks a 19 sale as no refund', () => {
    const [payload] = posOrderSyncArgument(syncOf(19), { uuid: 'k5', session: 1, cashier: 2, pricelist: false, lines: [lamp()], payments: [{ paymentMethod: 1, amount: 46 }] });
    assert.equal(payload?.is_refund, false);
  });

  it('refuses an order whose payments do not settle it exactly, naming both amounts', () => {
    assert.throws(
      () => posOrderSyncArgument(syncOf(19), { uuid: 'k3', session: 1, cashier: 2, pricelist: false, lines: [lamp()], payments: [{ paymentMethod: 1, amount: 40 }] }),
      /payments of 40\.00 for a total of 46\.00/,
    );
  });

  it('refuses an 18 order without its receipt number', () => {
    assert.throws(() => posOrderSyncArgument(syncOf(18), { uuid: 'k4', session: 1, cashier: 2, pricelist: false, lines: [lamp()], payments: [{ paymentMethod: 1, amount: 46 }] }), /receipt number/);
  });

  it('has no order sync on 17 (create_from_ui not driven), and a many2many of refunded orders there', () => {
    assert.equal(versionProfile(17).posOrderSync, undefined);
    assert.equal(versionProfile(17).posRefundedOrderField, 'refunded_order_ids');
    assert.equal(versionProfile(18).posRefundedOrderField, 'refunded_order_id');
    assert.equal(syncOf(18).method, 'sync_from_ui');
    assert.equal(syncOf(19).method, 'sync_from_ui');
  });
});

describe('till line amounts', () => {
  const fifteen = { name: '15%', amountType: 'percent', amount: 15, priceInclude: false };

  it('adds a percent tax on the price, rounded per line (2 lamps at 40.00 + 15% = 92.00, as Odoo 19 showed)', () => {
    assert.deepEqual(lineAmounts(40, 2, [fifteen]), { priceSubtotal: 80, priceSubtotalIncl: 92 });
    assert.deepEqual(lineAmounts(5, 4, [fifteen]), { priceSubtotal: 20, priceSubtotalIncl: 23 });
    assert.deepEqual(lineAmounts(40, -1, [fifteen]), { priceSubtotal: -40, priceSubtotalIncl: -46 });
    assert.deepEqual(lineAmounts(3.33, 3, [fifteen]), { priceSubtotal: 9.99, priceSubtotalIncl: 11.49 });
  });

  it('takes an included tax out of the price, and an untaxed product as it is', () => {
    assert.deepEqual(lineAmounts(46, 1, [{ ...fifteen, priceInclude: true }]), { priceSubtotal: 40, priceSubtotalIncl: 46 });
    assert.deepEqual(lineAmounts(12.5, 2, []), { priceSubtotal: 25, priceSubtotalIncl: 25 });
  });

  it('refuses taxes it would compute wrongly, naming them', () => {
    assert.throws(() => lineAmounts(10, 1, [{ name: 'Eco fee', amountType: 'fixed', amount: 1, priceInclude: false }]), /"Eco fee" \(fixed\)/);
    assert.throws(() => lineAmounts(10, 1, [fifteen, { ...fifteen, name: 'VAT incl', priceInclude: true }]), /not a mix: 15%, VAT incl/);
  });
});

describe('tendered payments', () => {
  const store = { card: { id: 4, name: 'Card' }, cash: { id: 3, name: 'Cash' } } as Store;

  it('pays the card part and the rest in cash, leaving out a zero part', () => {
    assert.deepEqual(tenderedPayments(store, 115, { card: 50 }), [{ paymentMethod: 4, amount: 50 }, { paymentMethod: 3, amount: 65 }]);
    assert.deepEqual(tenderedPayments(store, 115, { card: 0 }), [{ paymentMethod: 3, amount: 115 }]);
    assert.deepEqual(tenderedPayments(store, 115, { card: 'everything' }), [{ paymentMethod: 4, amount: 115 }]);
  });

  it('pays a refund back with the total\'s sign', () => {
    assert.deepEqual(tenderedPayments(store, -46, { card: 0 }), [{ paymentMethod: 3, amount: -46 }]);
    assert.deepEqual(tenderedPayments(store, -46, { card: 6 }), [{ paymentMethod: 4, amount: -6 }, { paymentMethod: 3, amount: -40 }]);
  });
});
