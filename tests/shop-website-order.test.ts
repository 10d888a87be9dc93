import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, HarnessError } from '../support/config/errors';
import { createWebsiteOrder, placePaidWebsiteOrder, prepareShopCheckout } from '../support/odoo/operations/shop';
import type { OdooClient } from '../support/odoo/rpc/client';

/** A set-up user's client whose database has these websites, recording the order it is asked to save. */
function adminWithWebsites(websites: number[]) {
  const saved: unknown[] = [];
  const client = {
    login: 'admin',
    search: async () => websites,
    call: async (_model: string, _method: string, options: { kwargs: { vals: unknown } }) => {
      saved.push(options.kwargs.vals);
      return [{ id: 40, name: 'S00040', amount_total: 92, currency_id: 1 }];
    },
  } as unknown as OdooClient;
  return { client, saved };
}

describe('a website order, for the shop checkout and click and collect alike', () => {
  it("is the customer's order of the first website, one line per product and quantity", async () => {
    const { client, saved } = adminWithWebsites([3]);
    const order = await createWebsiteOrder(client, 55, [{ product: 127, quantity: 2 }, { product: 128, quantity: 0.5 }]);
    assert.equal(order.name, 'S00040');
    assert.deepEqual(saved, [{ partner_id: 55, website_id: 3, order_line: [[0, 0, { product_id: 127, product_uom_qty: 2 }], [0, 0, { product_id: 128, product_uom_qty: 0.5 }]] }]);
  });

  it('is refused on a target without a website, saying which app to install', async () => {
    const { client, saved } = adminWithWebsites([]);
    await assert.rejects(createWebsiteOrder(client, 55, [{ product: 127, quantity: 1 }]), (error: unknown) => error instanceof HarnessError && /install website_sale/.test(error.message));
    assert.deepEqual(saved, []);
  });

  it('is refused, saying what to install, on a target without a demo payment provider; nothing is paid', async () => {
    const { client, saved } = adminWithWebsites([3]);
    Object.assign(client, { searchRead: async () => [], create: async () => assert.fail('no transaction without a provider') });
    const whatToDo = (error: unknown) => error instanceof ConfigError && /no demo payment provider.*install the payment_demo module/.test(error.message);
    await assert.rejects(placePaidWebsiteOrder(client, 55, [{ product: 127, quantity: 1 }]), whatToDo);
    await assert.rejects(prepareShopCheckout(client), whatToDo);
    assert.equal(saved.length, 1, 'only the cart was saved');
  });
});
