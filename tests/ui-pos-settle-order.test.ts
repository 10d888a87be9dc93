import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../support/config/errors';
import { PosApp } from '../support/odoo/ui/point-of-sale';
import { standInPages } from './support/ui-fake-web-client';

/**
 * A stand-in for the POS app's "Quotation/Order" dialog (pos_sale's
 * SelectCreateDialog of sale orders): its first page shows two orders,
 * newest first, none of them S0001; the search shows every order whose name
 * contains the text typed, longer names first. Settling an order shows one
 * order line per line of the order picked.
 */
const POS_WITH_SALE_ORDERS = `<!DOCTYPE html><html><body>
<div class="control-buttons"><button class="quotation">Quotation/Order</button></div>
<div class="order-container"></div>
<div id="dialogs"></div>
<script>
  const orders = { S00013: 1, S00012: 3, S0001: 2 };
  const firstPage = ['S00013', 'S00012'];
  const rows = (names) => names.map((name) => '<tr class="o_data_row"><td class="o_data_cell" name="name"> ' + name + ' </td><td class="o_data_cell" name="partner_id">Customer</td></tr>').join('');
  document.querySelector('.quotation').addEventListener('click', () => {
    document.querySelector('#dialogs').innerHTML = '<div class="modal"><input class="o_searchview_input"><div class="o_list_view"><table><tbody>' + rows(firstPage) + '</tbody></table></div></div>';
    const search = document.querySelector('.o_searchview_input');
    search.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      const found = Object.keys(orders).filter((name) => name.includes(search.value)).sort((a, b) => b.length - a.length);
      document.querySelector('tbody').innerHTML = rows(found);
    });
    document.querySelector('tbody').addEventListener('click', (event) => {
      const name = event.target.closest('tr').querySelector('td[name="name"]').textContent.trim();
      document.querySelector('#dialogs').innerHTML = '<div class="modal"><div class="selection-item">Settle the order</div></div>';
      document.querySelector('.selection-item').addEventListener('click', () => {
        document.querySelector('#dialogs').innerHTML = '';
        document.querySelector('.order-container').innerHTML = Array.from({ length: orders[name] }, () => '<div class="orderline">' + name + '</div>').join('');
      });
    });
  });
</script></body></html>`;

describe("the POS app's Quotation/Order dialog against a stand-in page", () => {
  const pages = standInPages({ '/pos': POS_WITH_SALE_ORDERS });

  const settle = async (orderName: string, lineCount: number) => {
    const { context, page, client } = await pages.open('/pos', { major: 19, login: 'cashier' });
    try {
      await new PosApp(client).settleSaleOrder(orderName, lineCount);
      return await page.locator('.order-container .orderline').allTextContents();
    } finally {
      await context.close();
    }
  };

  it('finds an order beyond the first page by searching its name, and picks it, not a longer name containing it', async () => {
    assert.deepEqual(await settle('S0001', 2), ['S0001', 'S0001']);
  });

  it('refuses an order the sale orders do not show', async () => {
    await assert.rejects(settle('S0009', 1), /S0009/);
  });
  it('stops in one line on 17 and 18, whose POS app is not driven in the web client, loading nothing', async () => {
    for (const major of [17, 18] as const) {
      const { context, client } = await pages.open('/pos', { major, login: 'uat.cashier' });
      const requestsBefore = pages.requests.length;
      const app = new PosApp(client);
      await assert.rejects(app.open(4), (error: unknown) => {
        assert.ok(error instanceof ConfigError, `a configuration error, got ${String(error)}`);
        assert.equal(error.message, `the POS app is driven in the web client on Odoo 19 only (seen live there); Odoo ${major}.0 serves it at /pos/ui?config_id=4 with other screens: run the retail features on this target with --mode rpc`);
        return true;
      });
      assert.equal(pages.requests.length, requestsBefore);
      await context.close();
    }
  });
});
