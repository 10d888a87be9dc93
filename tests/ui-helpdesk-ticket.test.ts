import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseTag } from '../support/odoo/ui/helpdesk-ticket';
import { standInPages } from './support/ui-fake-web-client';

/**
 * A stand-in for the ticket form's Sales orders field (helpdesk_mgmt_sale's
 * sale_order_ids, a many2many tags field): typing offers every order whose
 * name contains the text, longer names first, as Odoo's name search may
 * order them; a click on a suggestion adds its tag.
 */
const ORDERS_FIELD = `<!DOCTYPE html><html><body>
<div class="o_form_view"><div class="o_field_widget" name="sale_order_ids"><div class="tags"></div><input></div></div>
<div class="o-autocomplete--dropdown-menu"></div>
<script>
  const orders = ['S000123', 'S00012 copy', 'S00012', 'S0001'];
  const menu = document.querySelector('.o-autocomplete--dropdown-menu');
  document.querySelector('input').addEventListener('input', (event) => {
    menu.innerHTML = '';
    for (const name of orders.filter((o) => o.includes(event.target.value))) {
      const item = document.createElement('div');
      item.className = 'o-autocomplete--dropdown-item';
      item.innerHTML = '<a> ' + name + ' </a>';
      item.addEventListener('click', () => {
        document.querySelector('.tags').insertAdjacentHTML('beforeend', '<span class="o_tag"><span class="o_tag_badge_text">' + name + '</span><a class="o_delete"></a></span>');
        menu.innerHTML = '';
      });
      menu.appendChild(item);
    }
    menu.insertAdjacentHTML('beforeend', '<div class="o-autocomplete--dropdown-item o_m2o_dropdown_option"><a>Search More...</a></div>');
  });
</script></body></html>`;

describe("the ticket form's order tags against a stand-in page", () => {
  const pages = standInPages({ '/ticket': ORDERS_FIELD });

  it('picks the order whose name is exactly the one typed, not a longer name that contains it', async () => {
    const { context, page, client } = await pages.open('/ticket', { major: 18, login: 'agent' });
    await chooseTag(client, page.locator('.o_field_widget[name="sale_order_ids"]'), 'S00012');
    assert.deepEqual(await page.locator('.o_tag_badge_text').allTextContents(), ['S00012']);
    await context.close();
  });
});
