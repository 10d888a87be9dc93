import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from '@playwright/test';
import { AccessDeniedError } from '../support/odoo/errors';
import { FormView } from '../support/odoo/ui/form-view';
import { trackActivity } from '../support/odoo/ui/idle';
import { OdooWebClient } from '../support/odoo/ui/web-client';
import { versionProfile } from '../support/odoo/version-profile';
import { startFakeOdoo } from './support/fake-odoo';
import { launchTestBrowser } from './support/ui-fake-web-client';

/**
 * A stand-in for a loaded web client: `odoo.__WOWL_DEBUG__.root.env.services.action`
 * as Odoo 17 to 19 expose it (web/static/src/env.js), whose doAction renders the
 * record's form, or refuses it as Odoo's action service does for a record the
 * user may not read: the rejection goes unhandled and the error service shows it.
 */
const WEB_CLIENT_PAGE = String.raw`<!doctype html><html><body><div class="o_action_manager"></div><script>
  window.doneActions = [];
  const render = (id) => {
    document.querySelector('.o_action_manager').innerHTML = '<div class="o_form_view" data-id="' + id + '">record ' + id + '</div>';
  };
  window.addEventListener('unhandledrejection', (event) => {
    document.body.insertAdjacentHTML('beforeend', '<div class="modal"><div class="o_error_dialog"><h4 class="modal-title">Access Error</h4>' +
      '<div class="modal-body"><p>' + event.reason.message + '</p></div></div></div>');
  });
  window.odoo = { __WOWL_DEBUG__: { root: { env: { services: { action: {
    async doAction(action, options) {
      window.doneActions.push({ action, options });
      if (action.res_id === 13) throw new Error('You are not allowed to access Sales Order (sale.order) records.');
      render(action.res_id ?? 'new');
      history.pushState({}, '', '/odoo/' + action.res_model + '/' + (action.res_id ?? 'new'));
    },
  } } } } } };
  render(location.pathname.split('/').pop());
</script></body></html>`;

// Needs Chromium (CI: apt-get install chromium); no Odoo.
describe('opening a record in the web client', () => {
  let browser: Browser;
  let fake: Awaited<ReturnType<typeof startFakeOdoo>>;
  before(async () => {
    browser = await launchTestBrowser();
    fake = await startFakeOdoo((request) => {
      if (request.path.startsWith('/odoo') || request.path.startsWith('/web')) return { contentType: 'text/html', body: WEB_CLIENT_PAGE };
      return { status: 404, contentType: 'text/plain', body: 'not found' };
    });
  });
  after(async () => {
    await browser?.close();
    await fake?.close();
  });

  async function client(): Promise<{ page: Page; web: OdooWebClient }> {
    const context = await browser.newContext();
    await trackActivity(context);
    const page = await context.newPage();
    return { page, web: new OdooWebClient(page, { baseUrl: fake.url, profile: versionProfile(19), login: 'uat.sales', timeoutMs: 5_000 }) };
  }
  const pageLoads = () => fake.requests.filter((r) => r.path.startsWith('/odoo')).length;
  const shownRecord = (page: Page) => page.locator('.o_action_manager .o_form_view').last().getAttribute('data-id');

  it('loads the address of the first record, then moves within the loaded web client, with no page load', async () => {
    const { page, web } = await client();
    const loadsBefore = pageLoads();
    await FormView.open(web, 'sale.order', 7);
    assert.equal(pageLoads(), loadsBefore + 1, 'a blank page loads the record address');
    assert.match(page.url(), /\/odoo\/sale\.order\/7$/);
    await FormView.open(web, 'stock.picking', 42);
    assert.equal(pageLoads(), loadsBefore + 1, 'the second record was opened without loading the page again');
    assert.equal(await shownRecord(page), '42');
    const actions = await page.evaluate(() => (window as unknown as { doneActions: unknown[] }).doneActions);
    assert.deepEqual(actions, [
      { action: { type: 'ir.actions.act_window', res_model: 'stock.picking', res_id: 42, views: [[false, 'form']], context: {} }, options: { clearBreadcrumbs: true } },
    ]);
    assert.equal(web.shownRecordId(), 42);
    await page.context().close();
  });

  it("opens a new record's form with its defaults in the loaded web client, and loads its address on a blank page", async () => {
    const { page, web } = await client();
    const loadsBefore = pageLoads();
    await web.showNewRecord('project.task', '/odoo/project/5/tasks/new', { project_id: 5 });
    assert.equal(pageLoads(), loadsBefore + 1, 'a blank page loads the address given');
    assert.match(page.url(), /\/odoo\/project\/5\/tasks\/new$/);
    assert.equal(web.shownRecordId(), undefined, 'a new record has no id yet');
    await web.showNewRecord('sale.order', '/odoo/sale.order/new', { partner_id: 9 });
    assert.equal(pageLoads(), loadsBefore + 1, 'the second form opened without loading the page again');
    assert.equal(await shownRecord(page), 'new');
    const actions = await page.evaluate(() => (window as unknown as { doneActions: unknown[] }).doneActions);
    assert.deepEqual(actions, [
      { action: { type: 'ir.actions.act_window', res_model: 'sale.order', views: [[false, 'form']], context: { default_partner_id: 9 } }, options: { clearBreadcrumbs: true } },
    ]);
    await page.context().close();
  });

  it("reads a saved record's id from 17's address as well", async () => {
    const { page, web } = await client();
    await page.goto(`${fake.url}/web#id=31&model=project.task&view_type=form`);
    assert.equal(web.shownRecordId(), 31);
    await page.context().close();
  });

  it("reports the web client's refusal as Odoo's own error, not as the earlier record still on screen", async () => {
    const { page, web } = await client();
    await FormView.open(web, 'sale.order', 7);
    await assert.rejects(FormView.open(web, 'sale.order', 13), (error: unknown) => {
      assert.ok(error instanceof AccessDeniedError, `an access error, got ${String(error)}`);
      assert.match((error as Error).message, /not allowed to access Sales Order/);
      return true;
    });
    await page.context().close();
  });
});
