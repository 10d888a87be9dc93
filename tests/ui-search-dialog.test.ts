import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseInSearchDialog } from '../support/odoo/ui/touch';
import { standInPages } from './support/ui-fake-web-client';

/**
 * A stand-in for Odoo 19's small-screen many2one: a tap opens the "Search:"
 * dialog of cards, its search folded behind a magnifier. Typing lists the
 * autocomplete's suggestion only after a while, as Odoo does when it is
 * busy; an Enter pressed before that does nothing, as the search bar's
 * hotkey does while its dropdown is open and empty. Enter on the suggestion
 * adds a facet and leaves the matching cards.
 */
const SEARCH_DIALOG_PAGE = String.raw`<!doctype html><html><body>
<div class="o_field_widget" name="partner_id"><input></div>
<div id="overlay"></div>
<script>
  const customers = ['Wide World Cafes [UAT-1]', 'Wide World Cafes Annex [UAT-1]', 'Blue Yonder [UAT-1]'];
  const cards = (names) => names.map((name) => '<div class="o_kanban_record">' + name + '</div>').join('');
  document.querySelector('[name="partner_id"] input').addEventListener('click', () => {
    document.body.insertAdjacentHTML('beforeend', '<div class="modal"><div class="modal-content"><div class="o_control_panel"><button><i class="fa-search"></i></button>' +
      '<span class="facets"></span><input class="o_searchview_input" style="display:none"></div><div class="o_kanban_view">' + cards(customers) + '</div></div></div>');
    const dialog = document.querySelector('.modal');
    const search = dialog.querySelector('.o_searchview_input');
    dialog.querySelector('.o_control_panel button').addEventListener('click', () => { search.style.display = ''; });
    search.addEventListener('input', () => {
      setTimeout(() => { document.querySelector('#overlay').innerHTML = '<ul class="o_searchview_autocomplete"><li class="dropdown-item">Search Customer for: ' + search.value + '</li></ul>'; }, 400);
    });
    search.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || !document.querySelector('.o_searchview_autocomplete')) return;
      document.querySelector('#overlay').innerHTML = '';
      dialog.querySelector('.facets').innerHTML = '<span class="o_searchview_facet">' + search.value + '</span>';
      dialog.querySelector('.o_kanban_view').innerHTML = cards(customers.filter((name) => name.includes(search.value)));
      for (const card of dialog.querySelectorAll('.o_kanban_record')) {
        card.addEventListener('click', () => {
          document.querySelector('[name="partner_id"] input').value = card.textContent;
          dialog.remove();
        });
      }
    });
  });
</script></body></html>`;

// Needs Chromium (CI: apt-get install chromium); no Odoo.
describe("choosing a record in the small screen's search dialog", () => {
  const pages = standInPages({ '/odoo': SEARCH_DIALOG_PAGE });
  const newQuotation = () => pages.open('/odoo/sale.order/new', { major: 19, login: 'uat.sales' });

  it('searches only once Odoo suggests the search, then taps the one card bearing the name', async () => {
    const { context, page, client } = await newQuotation();
    const widget = page.locator('.o_field_widget[name="partner_id"]');
    await chooseInSearchDialog(client, widget, 'Wide World Cafes [UAT-1]');
    assert.equal(await widget.locator('input').inputValue(), 'Wide World Cafes [UAT-1]');
    assert.equal(await page.locator('.modal').count(), 0, 'the dialog closed');
    await context.close();
  });

  it('refuses a name that two cards bear, naming the field', async () => {
    const { context, page, client } = await newQuotation();
    await assert.rejects(chooseInSearchDialog(client, page.locator('.o_field_widget[name="partner_id"]'), 'Wide World Cafes'), /"Wide World Cafes" matches 2 records in the "Search" dialog of field partner_id/);
    await context.close();
  });
});
