/**
 * Benchmark (not a test): what Odoo's web client itself costs, driven by a bare
 * Playwright script with none of the harness (no acts, idle check, evidence or
 * error check), against a live Odoo. It is the floor under any hybrid
 * scenario: a role's first act pays the boot, later ones pay an open and a
 * click each, and `benchmarks/hybrid-vs-rpc.ts` compares with rpc mode.
 *
 *   npx tsx benchmarks/web-client-floor.ts --env local [--repeat 5]
 *
 * Each repeat makes a draft quotation over RPC (as the set-up user), then, in
 * a fresh browser context logged in as that user: boots the web client at the
 * quotation's address until its form shows; opens a second quotation through
 * the web client's action service; clicks Confirm until the reloaded form
 * has no Confirm button; and takes the viewport screenshot an act attaches.
 * It prints the median, lowest and highest of each, and ends its session.
 */
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { loadEnvironment } from '../support/config/environment';
import { OdooGateway } from '../support/odoo/gateway';
import { chromiumLaunchOptions } from '../support/odoo/ui/browser';
import { endSession, sessionStateThroughEndpoint } from '../support/odoo/ui/login';

const { values } = parseArgs({ options: { env: { type: 'string', default: 'local' }, repeat: { type: 'string', default: '5' } } });
const repeats = Number(values.repeat);
const environment = loadEnvironment(values.env ?? 'local', { overrides: process.env }).environment;
const { url, db, timeoutMs } = environment.odoo;
const gateway = await OdooGateway.connect(environment);
const admin = gateway.admin;
const profile = gateway.capabilities.profile;

const [customer] = await admin.search('res.partner', [['customer_rank', '>', 0]], { limit: 1 });
const [product] = await admin.search('product.product', [['sale_ok', '=', true]], { limit: 1 });
if (customer === undefined || product === undefined) throw new Error(`database "${db}" has no customer or no product to sell: run a scenario on it first`);
const draftQuotation = () => admin.create('sale.order', { partner_id: customer, order_line: [[0, 0, { product_id: product, product_uom_qty: 1 }]] });

const form = (page: Page) => page.locator('.o_action_manager .o_form_view').last();
const confirmButton = (page: Page) => form(page).locator('.o_statusbar_buttons button[name="action_confirm"]').first();

async function timed(body: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await body();
  return performance.now() - started;
}

const browser = await chromium.launch(chromiumLaunchOptions(environment.browser));
const state = await sessionStateThroughEndpoint(url, db, environment.odoo.admin, timeoutMs);
const figures: Record<'boot to a form' | 'open a record' | 'confirm' | 'screenshot', number[]> = { 'boot to a form': [], 'open a record': [], confirm: [], screenshot: [] };
try {
  for (let round = 0; round < repeats; round += 1) {
    const [first, second] = [await draftQuotation(), await draftQuotation()];
    const context = await browser.newContext({ storageState: state });
    const page = await context.newPage();
    figures['boot to a form'].push(
      await timed(async () => {
        await page.goto(`${url}${profile.recordPath('sale.order', first)}`);
        await confirmButton(page).waitFor();
      }),
    );
    figures['open a record'].push(
      await timed(async () => {
        await page.evaluate(async (id) => {
          const services = (globalThis as { odoo?: { __WOWL_DEBUG__?: { root?: { env?: { services?: { action?: { doAction(a: object, o: object): Promise<unknown> } } } } } } }).odoo?.__WOWL_DEBUG__?.root?.env?.services;
          await services?.action?.doAction({ type: 'ir.actions.act_window', res_model: 'sale.order', res_id: id, views: [[false, 'form']] }, { clearBreadcrumbs: true });
        }, second);
        // The action service's promise ends once the new form is mounted.
        await confirmButton(page).waitFor();
      }),
    );
    figures.confirm.push(
      await timed(async () => {
        await confirmButton(page).click();
        // A confirmed order's form has no Confirm button: it is gone once Odoo has confirmed and reloaded it.
        await confirmButton(page).waitFor({ state: 'detached' });
      }),
    );
    figures.screenshot.push(await timed(() => page.screenshot({ type: 'jpeg', quality: 60, scale: 'css' })));
    await context.close();
  }
} finally {
  await browser.close();
  await endSession(url, state, timeoutMs);
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;
console.log(`Odoo ${gateway.capabilities.server.serverVersion} at ${url}, database "${db}", ${repeats} repeat(s), bare Playwright as ${environment.odoo.admin.login}`);
for (const [what, list] of Object.entries(figures)) {
  console.log(`${what.padEnd(16)} median ${Math.round(median(list))} ms   (${Math.round(Math.min(...list))}-${Math.round(Math.max(...list))})`);
}
