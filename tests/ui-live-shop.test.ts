import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RoleSessions } from '../support/odoo/ui/role-sessions';
import { ShopCustomer } from '../support/odoo/ui/shop';
import { liveSkipReason, uniqueTag } from './support/live';
import { prepareShopCheckout } from '../support/odoo/operations/shop';
import { printTimings, productInStock, startLiveOdoo, type LiveOdoo } from './support/ui-live';

describe('eCommerce shop on a live Odoo (UAT_LIVE_ENV)', { skip: liveSkipReason }, () => {
  let live: LiveOdoo;
  let sessions: RoleSessions;

  before(async () => {
    live = await startLiveOdoo([]);
    sessions = new RoleSessions(live.browser, live.environment, live.gateway.capabilities.profile);
  });
  after(async () => {
    await sessions?.close();
    await live?.close();
  });

  it('a generated guest customer checks out and pays with the demo provider: a confirmed order', async () => {
    const { admin, capabilities } = live.gateway;
    const setup = await prepareShopCheckout(admin);
    console.log(`shop set-up on ${capabilities.server.serverVersion}: ${setup.changes.join('; ') || 'nothing to change'}`);
    const tag = uniqueTag();
    const { templateId } = await productInStock(live.gateway, `Shop Lamp ${tag}`, 20, { inShop: true });
    const email = `guest.${tag}@example.com`;

    const customer = new ShopCustomer(await sessions.guest());
    await customer.openProduct(templateId);
    await customer.addToCart(2);
    await customer.checkOut({
      name: `Guest ${tag}`,
      email,
      phone: '+32 2 555 01 23',
      street: 'Rue de la Loi 16',
      city: 'Brussels',
      zip: '1000',
      country: 'Belgium',
    });
    const reference = await customer.payWithDemoProvider('done');

    const [order] = await admin.searchRead<{ name: string; state: string; partner_id: [number, string]; order_line: number[] }>(
      'sale.order',
      [['partner_id.email', '=', email]],
      ['name', 'state', 'partner_id', 'order_line'],
    );
    assert.ok(order, `no sale order for ${email}`);
    assert.equal(order.name, reference);
    assert.equal(order.state, 'sale');
    assert.equal(order.partner_id[1], `Guest ${tag}`);
    const lines = await admin.searchRead<{ product_uom_qty: number }>('sale.order.line', [['id', 'in', order.order_line], ['product_template_id', '=', templateId]], ['product_uom_qty']);
    assert.deepEqual(lines.map((line) => line.product_uom_qty), [2]);
    const [transaction] = await admin.searchRead<{ state: string }>('payment.transaction', [['reference', '=', reference]], ['state']);
    assert.equal(transaction?.state, 'done');
    printTimings(`shop on ${capabilities.server.serverVersion}`, customer.client.timings);
  });
});
