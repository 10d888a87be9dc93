import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ShopCustomer } from '../support/odoo/ui/shop';
import { standInPages } from './support/ui-fake-web-client';

/** A stand-in for the shop's payment page whose "Pay at the store" radio (provider 7) has no id, so no label is tied to it. */
const PAYMENT_PAGE = `<!DOCTYPE html><html><body><main>
<input type="radio" name="o_payment_radio" data-provider-id="7"><label>Pay at the store</label>
</main></body></html>`;

describe("the shop's payment options against a stand-in page", () => {
  const pages = standInPages({ '/shop/payment': PAYMENT_PAGE });

  it('refuses a radio without an id by naming the payment option, without waiting out the timeout', async () => {
    const { context, client } = await pages.open('/shop/payment', { major: 19, login: 'shopper', timeoutMs: 20_000 });
    const started = Date.now();
    try {
      await assert.rejects(new ShopCustomer(client).confirmToPayLater(7, 'Pay at the store'), /payment option "Pay at the store" \(payment.provider 7\) has a radio without an id/);
      assert.ok(Date.now() - started < 10_000, `refused after ${Date.now() - started} ms`);
    } finally {
      await context.close();
    }
  });
});
