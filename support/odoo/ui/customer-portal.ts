import type { RecordRef } from '../operations/master-data';
import { orderLinkIn, orderViewOf, type PortalOrderView } from '../portal/portal-pages';
import type { OdooWebClient } from './web-client';

/** The buttons of an order's page that open its sign-and-pay dialog ("Sign & Pay", "Accept & Sign", "Pay Now"). */
const SIGN_AND_PAY_BUTTON = 'a[data-bs-target="#modalaccept"]:visible';
const DIALOG = '#modalaccept';

/** What the portal showed when the buyer asked for a page. */
export interface PortalVisit {
  status: number;
  path: string;
  view?: PortalOrderView;
}

/**
 * The customer portal as a customer's buyer uses it in a browser: the lists
 * of quotations and orders, an order's page, its sign-and-pay dialog (the
 * signature pad draws the typed name) and the payment form with the demo
 * provider. Each action is one step with its screenshot.
 */
export class CustomerPortal {
  constructor(readonly client: OdooWebClient) {}

  /** Opens the order from the buyer's list (quotations or orders) by its number; undefined when the list does not show it. */
  async openFromList(list: '/my/quotes' | '/my/orders', order: RecordRef): Promise<string | undefined> {
    return this.client.act(`open ${order.name} from the portal's list ${list}`, async () => {
      await this.client.goto(list);
      const link = orderLinkIn(await this.client.page.content(), order.id);
      if (!link) return undefined;
      await this.client.page.locator(`a[href="${link}"]`).first().click();
      await this.client.page.waitForURL((url) => url.pathname === `/my/orders/${order.id}`, { timeout: this.client.timeoutMs });
      return link;
    });
  }

  /** Opens a page of the portal by its path: what it answered, and the order it shows if it is an order's page. */
  async visit(title: string, path: string): Promise<PortalVisit> {
    return this.client.act(title, async () => {
      const response = await this.client.page.goto(this.client.url(path));
      await this.client.page.waitForLoadState('load');
      return { status: response?.status() ?? 0, path: new URL(this.client.page.url()).pathname, view: await this.shownOrder() };
    });
  }

  /** The order the page shows, if it is an order's page. */
  async shownOrder(): Promise<PortalOrderView | undefined> {
    try {
      return orderViewOf(await this.client.page.content());
    } catch {
      return undefined;
    }
  }

  /** Opens the sign-and-pay dialog, types the name (the pad draws it) and accepts; waits for the page to say it is signed. */
  async signAndAccept(order: RecordRef, signer: string): Promise<void> {
    const page = this.client.page;
    await this.client.act(`open the dialog to sign ${order.name}`, async () => {
      await page.locator(SIGN_AND_PAY_BUTTON).first().click();
      await this.client.expectVisible(page.locator(`${DIALOG} input[name="signer"]`));
    });
    await this.client.act(`sign ${order.name} as "${signer}" and accept`, async () => {
      await page.locator(`${DIALOG} input[name="signer"]`).fill(signer);
      const submit = page.locator(`${DIALOG} .o_portal_sign_submit`);
      // The pad draws the typed name; the button is enabled once the signature is not empty.
      await submit.and(page.locator(':enabled')).waitFor({ timeout: this.client.timeoutMs });
      await submit.click();
      await page.waitForURL((url) => url.searchParams.get('message') === 'sign_ok', { timeout: this.client.timeoutMs });
    });
  }

  /** Pays in the order's payment dialog with the demo provider (a successful payment) and waits to land back on the order. */
  async payWithDemoProvider(order: RecordRef): Promise<void> {
    const page = this.client.page;
    await this.client.act(`open the payment of ${order.name}`, async () => {
      // After signing the portal opens the payment dialog itself; otherwise its "Pay Now" button does.
      const demo = page.locator(`${DIALOG} input[name="o_payment_radio"][data-provider-code="demo"]`);
      if (!(await page.locator(DIALOG).isVisible())) await page.locator(SIGN_AND_PAY_BUTTON).first().click();
      await demo.first().waitFor({ state: 'attached', timeout: this.client.timeoutMs });
      await demo.first().check({ force: true });
      await this.client.expectVisible(page.locator(`${DIALOG} #simulated_payment_state`));
    });
    await this.client.act(`pay ${order.name} online with the demo provider`, async () => {
      await page.locator(`${DIALOG} #simulated_payment_state`).selectOption('done');
      // The status page waits for Odoo to process the payment, then lands on the order: watched from before the click, so a quick landing is not missed.
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/payment/status', { timeout: this.client.timeoutMs }),
        page.locator(`${DIALOG} [name="o_payment_submit_button"]:visible`).first().click(),
      ]);
      await page.waitForURL((url) => url.pathname === `/my/orders/${order.id}`, { timeout: this.client.timeoutMs * 2 });
    });
  }
}
