import { ConfigError } from '../../config/errors';
import type { Locator } from '@playwright/test';
import type { Tender } from '../acts/store-till';
import type { RecordRef } from '../operations/master-data';
import type { Store } from '../operations/point-of-sale';
import type { OdooClient } from '../rpc/client';
import { OdooError } from '../errors';
import { sleep } from '../rpc/contention';
import { compactScreenshot, SCREENSHOT_CONTENT_TYPE } from './screenshot';
import { exactly } from './text-match';
import type { OdooWebClient } from './web-client';

/** How long Odoo may take to file an order the app synced (it syncs on validation, in the background). */
const SYNC_DEADLINE_MS = 30_000;
const SYNC_POLL_MS = 250;

const OPENING_DIALOG = '.modal-dialog:has(.opening-cash-section)';

/**
 * The POS app (/pos/ui/<config>) as a cashier: the opening and closing cash
 * control dialogs, product tiles, the payment screen, the receipt, the
 * ticket screen's refund. Every wait is on the app's visible state.
 */
export class PosApp {
  constructor(readonly client: OdooWebClient) {}

  get #page() {
    return this.client.page;
  }

  /**
   * Opens the store's app unless it is open (Odoo makes the cashier's
   * session when none is open), and goes past its welcome screen ("Open
   * Register", where the app also lands once a session is closed).
   */
  async open(store: number): Promise<void> {
    const { posAppPath, major } = this.client.profile;
    if (!posAppPath) {
      throw new ConfigError(`the POS app is driven in the web client on Odoo 19 only (seen live there); Odoo ${major}.0 serves it at /pos/ui?config_id=${store} with other screens: run the retail features on this target with --mode rpc`);
    }
    const path = posAppPath(store);
    const welcome = this.#page.locator('.open-register-btn');
    const shown = new URL(this.#page.url(), this.client.url('')).pathname;
    // The page is kept across scenarios: /pos/ui/12 is not store 1's app.
    if (shown !== path && !shown.startsWith(`${path}/`)) {
      await this.client.act(`open the POS app of store ${store}`, async () => {
        await this.client.goto(path);
        await this.client.expectVisible(welcome.or(this.#page.locator('.product-screen')).first());
      });
    }
    if (await welcome.isVisible()) {
      await this.client.act('leave the welcome screen', async () => {
        await welcome.click();
        await this.client.expectVisible(this.#page.locator(`${OPENING_DIALOG}, .product-screen`).first());
      });
    }
  }

  /** Counts the cash into the drawer in the opening control dialog and opens the register. */
  async openRegister(openingCash: number): Promise<void> {
    await this.client.act(`open the register with ${openingCash.toFixed(2)} in the drawer`, async () => {
      const dialog = this.#page.locator(OPENING_DIALOG);
      await dialog.locator('.opening-cash-section input').fill(openingCash.toFixed(2));
      await dialog.getByRole('button', { name: 'Open Register' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: this.client.timeoutMs });
      await this.client.expectVisible(this.#page.locator('.product-screen'));
    });
  }

  /** Adds units of a product by tapping its tile once per unit, found through the app's search. */
  async ringUp(productName: string, quantity: number): Promise<void> {
    await this.client.act(`ring up ${quantity} x ${productName}`, async () => {
      const search = this.#page.locator('.pos-rightheader input.o_input');
      await search.fill(productName);
      const tile = this.#page.locator('article.product').filter({ has: this.#page.locator('.product-name', { hasText: productName }) }).first();
      for (let unit = 1; unit <= quantity; unit += 1) {
        await tile.click();
        await this.#orderLine(productName).locator('.qty', { hasText: new RegExp(`^\\s*${unit}\\s*$`) }).waitFor({ timeout: this.client.timeoutMs });
      }
      await search.fill('');
    });
  }

  #orderLine(productName: string) {
    return this.#page.locator('.order-container .orderline').filter({ has: this.#page.locator('.product-name', { hasText: productName }) });
  }

  /**
   * Pays on the payment screen as tendered (the card's part typed on the
   * keypad, the rest in cash), validates, screenshots the receipt, starts a
   * new order, and finds the order Odoo filed for the session by the
   * reference its receipt shows.
   */
  async payAndFindOrder(store: Store, session: RecordRef, rpc: OdooClient, tender: Tender): Promise<RecordRef> {
    const paymentScreen = this.#page.locator('.payment-screen');
    if (!(await paymentScreen.isVisible())) {
      await this.client.act('go to the payment screen', async () => {
        await this.#page.locator('.pay-order-button').click();
        await this.client.expectVisible(paymentScreen);
      });
    }
    if (tender.card !== 0) {
      await this.client.act(tender.card === 'everything' ? `pay everything by ${store.card.name}` : `pay ${tender.card.toFixed(2)} by ${store.card.name}`, async () => {
        await this.#paymentMethod(store.card.name).click();
        if (tender.card !== 'everything') await this.#typeOnKeypad(tender.card);
      });
    }
    if (tender.card !== 'everything') {
      await this.client.act(`pay the rest in ${store.cash.name}`, async () => {
        await this.#paymentMethod(store.cash.name).click();
      });
    }
    await this.client.act('validate the payment', async () => {
      await this.#page.locator('.payment-screen .validation-button.next').click();
      await this.client.expectVisible(this.#page.locator('.receipt-screen .pos-receipt'));
    });
    const receipt = this.#page.locator('.receipt-screen .pos-receipt');
    await this.client.evidence.attach('the receipt (screenshot)', await receipt.screenshot({ type: 'jpeg', quality: 60 }).catch(() => compactScreenshot(this.#page)), SCREENSHOT_CONTENT_TYPE);
    const order = await this.#filedOrder(rpc, session, await this.#receiptReference(receipt));
    await this.client.act('start a new order', async () => {
      await this.#page.locator('.receipt-screen button[name="done"], .receipt-screen .button.next.validation').first().click();
      await this.client.expectVisible(this.#page.locator('.product-screen'));
    });
    return order;
  }

  #paymentMethod(name: string) {
    return this.#page.locator('.paymentmethods .paymentmethod').filter({ has: this.#page.locator('.payment-name', { hasText: new RegExp(`^${name}$`) }) });
  }

  /** Types an amount on the payment screen's keypad into the selected payment line (which starts at the amount due), until the line shows it. */
  async #typeOnKeypad(amount: number): Promise<void> {
    const keypad = this.#page.locator('.payment-screen .numpad');
    for (const key of String(amount)) await keypad.getByRole('button', { name: key, exact: true }).click();
    const shown = this.#page.locator('.paymentline.selected .payment-amount');
    await shown.filter({ hasText: shownAmountPattern(amount) }).waitFor({ timeout: this.client.timeoutMs });
  }

  /** The order's pos_reference, as the receipt shows it (the version's place for it). */
  async #receiptReference(receipt: Locator): Promise<string> {
    const shown = this.client.profile.posReceiptReference;
    if (!shown) throw new OdooError(`the harness reads the POS receipt on Odoo 18 and 19, not ${this.client.profile.major}`);
    return receiptReference(await receipt.locator(shown.selector).first().innerText(), shown.prefix);
  }

  /** The order the app synced into the session with the receipt's reference (read back over RPC until a deadline: the app syncs in the background). */
  async #filedOrder(rpc: OdooClient, session: RecordRef, reference: string): Promise<RecordRef> {
    const deadline = Date.now() + SYNC_DEADLINE_MS;
    for (;;) {
      const [order] = await rpc.searchRead<{ id: number; name: string }>('pos.order', [['session_id', '=', session.id], ['pos_reference', '=', reference], ['state', '!=', 'draft']], ['name'], { limit: 1 });
      if (order) return { model: 'pos.order', id: order.id, name: order.name };
      if (Date.now() > deadline) throw new OdooError(`the POS app showed receipt ${reference}, but Odoo filed no paid order ${reference} in session ${session.name} within ${SYNC_DEADLINE_MS / 1000} s`);
      await sleep(SYNC_POLL_MS);
    }
  }

  /**
   * Loads a sale order into the current order and settles it, as a cashier
   * does with pos_sale: the "Quotation/Order" button (among the control
   * buttons, or behind the button of the others), the order picked by its
   * name in the list of sale orders, "Settle the order"; the order's lines
   * then show, as many as it has to settle.
   */
  async settleSaleOrder(orderName: string, lineCount: number): Promise<void> {
    const page = this.#page;
    await this.client.act(`open the sale orders from "Quotation/Order"`, async () => {
      const button = page.locator('.control-buttons button').filter({ hasText: 'Quotation/Order' }).first();
      // The buttons that do not fit are behind 18's "Actions" and 19's "⋮" (more-btn).
      if (!(await button.isVisible())) await page.locator('.control-buttons .more-btn, .control-buttons button:text-is("Actions")').first().click();
      await button.click();
      await this.client.expectVisible(page.locator('.modal .o_list_view'));
    });
    await this.client.act(`pick ${orderName} and settle it`, async () => {
      const dialog = page.locator('.modal:has(.o_list_view)');
      // The list shows its first page only: searched by name, the order is on it, then told from longer names by its name cell.
      const search = dialog.locator('.o_searchview_input');
      await search.fill(orderName);
      await search.press('Enter');
      const nameCell = dialog.locator('.o_data_row td[name="name"]').filter({ hasText: exactly(orderName) });
      await this.client.expectVisible(nameCell.first());
      const matching = await nameCell.count();
      if (matching !== 1) throw new OdooError(`the sale orders of "Quotation/Order" show ${matching} orders named ${orderName}`);
      await nameCell.click();
      await page.locator('.modal .selection-item', { hasText: 'Settle the order' }).click();
      // The app adds the lines one by one; the order is settled once it shows them all (and no more).
      const lines = page.locator('.order-container .orderline');
      await lines.nth(lineCount - 1).waitFor({ timeout: this.client.timeoutMs });
      const shown = await lines.count();
      if (shown !== lineCount) throw new OdooError(`the POS app shows ${shown} lines for ${orderName}, which has ${lineCount} to settle`);
    });
  }

  /** Finds the sale among the paid orders of the ticket screen by its receipt number, selects units of its lines, and starts their refund. */
  async refundFromTicket(receiptNumber: string, lines: { name: string; quantity: number }[]): Promise<void> {
    const screen = this.#page.locator('.ticket-screen');
    await this.client.act(`find ${receiptNumber} among the paid orders`, async () => {
      await this.#page.locator('.navbar-menu .orders-button').click();
      await this.client.expectVisible(screen);
      const searchBar = screen.locator('.pos-search-bar');
      await searchBar.locator('.filter').click();
      await searchBar.locator('li.dropdown-item', { hasText: /^\s*Paid\s*$/ }).click();
      // Typed key by key: the list of fields to search in opens on a key, not on a filled value.
      await searchBar.locator('input').pressSequentially(receiptNumber);
      await searchBar.locator('.fields li', { hasText: 'Receipt Number' }).click();
      await screen.locator('.order-row', { hasText: receiptNumber }).first().click();
      await this.client.expectVisible(screen.locator('.leftpane .orderline').first());
    });
    for (const line of lines) {
      await this.client.act(`select ${line.quantity} x ${line.name} to refund`, async () => {
        const orderLine = screen.locator('.leftpane .orderline').filter({ has: this.#page.locator('.product-name', { hasText: line.name }) });
        await orderLine.click();
        const keypad = screen.locator('.leftpane .numpad');
        for (const key of String(line.quantity)) await keypad.getByRole('button', { name: key, exact: true }).click();
        await orderLine.locator('.to-refund-highlight', { hasText: new RegExp(`To Refund:\\s*${line.quantity}\\b`) }).waitFor({ timeout: this.client.timeoutMs });
      });
    }
    await this.client.act('refund the selected units', async () => {
      await screen.locator('.actionpad button', { hasText: 'Refund' }).click();
      // 19 goes straight to the payment screen with the refund's lines.
      await this.client.expectVisible(this.#page.locator('.product-screen, .payment-screen').first());
    });
  }

  /** Closes the register from the menu: the cash counted typed in the closing dialog. */
  async closeRegister(countedCash: number): Promise<void> {
    await this.client.act('open the closing dialog', async () => {
      await this.#page.locator('.pos-topheader .fa-bars, button.dropdown-toggle:has(.fa-bars)').first().click();
      await this.#page.getByText('Close Register', { exact: true }).first().click();
      await this.client.expectVisible(this.#page.locator('.close-pos-popup'));
    });
    await this.client.act(`close the register counting ${countedCash.toFixed(2)}`, async () => {
      await this.#page.locator('.close-pos-popup .cash-input input, .close-pos-popup input.cash-input').first().fill(countedCash.toFixed(2));
      const dialog = this.#page.locator('.close-pos-popup');
      await dialog.getByRole('button', { name: 'Close Register' }).click();
      // Once closed, 19 reloads the app (pos_router_service close()), which makes the next session, to be opened on the welcome screen.
      const welcome = this.#page.locator('.open-register-btn');
      // A count that differs from what Odoo expects is asked about first (any cashier may log it while the store sets no maximum difference).
      const logTheDifference = this.#page.locator('.modal-dialog').getByRole('button', { name: 'Proceed Anyway' });
      await this.client.expectVisible(welcome.or(logTheDifference).first());
      if (await logTheDifference.isVisible()) {
        await logTheDifference.click();
        await this.client.expectVisible(welcome);
      }
    });
  }
}

/** The order reference a receipt shows, without the words before it ("Ticket 261-41-000001": 261-41-000001); a receipt without one is refused. */
export function receiptReference(shown: string, prefix: RegExp): string {
  const reference = shown.replace(prefix, '').trim();
  if (!reference) throw new OdooError(`the POS receipt shows no order reference ("${shown.trim()}")`);
  return reference;
}

/**
 * An amount of a two-decimal currency as the POS app may show it, whatever its
 * locale: "1,000.00", "1000.00", "1.000,00 €", "$ 50.00" (digits and
 * separators; leading zeros as in "0.50").
 */
export function shownAmountPattern(amount: number): RegExp {
  const cents = String(Math.round(Math.abs(amount) * 100));
  return new RegExp(`^\\D*(?:0\\D?)*${[...cents].join('\\D?')}\\D*$`);
}
