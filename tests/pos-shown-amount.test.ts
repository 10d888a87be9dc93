import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shownAmountPattern } from '../support/odoo/ui/point-of-sale';

describe("an amount on the POS app's payment line", () => {
  it('is recognised in any locale and with thousands grouped', () => {
    for (const [amount, shown] of [
      [50, '50.00'],
      [50, '$ 50.00'],
      [1000, '1,000.00'],
      [1000, '1.000,00 €'],
      [1234.5, '1,234.50'],
      [0.5, '0.50'],
      [65, '65,00'],
    ] as const) {
      assert.match(shown, shownAmountPattern(amount), `${amount} shown as "${shown}"`);
    }
  });

  it('is not another amount that shares its digits in part', () => {
    for (const [amount, shown] of [
      [50, '150.00'],
      [50, '50.50'],
      [1000, '10,000.00'],
      [65, '6.50'],
    ] as const) {
      assert.doesNotMatch(shown, shownAmountPattern(amount), `${amount} is not "${shown}"`);
    }
  });
});
