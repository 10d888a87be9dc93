import { OdooError } from '../errors';
import { errorFromShown, readRpcFailures } from './error-dialog';
import type { OdooWebClient } from './web-client';

/** What a customer types at /shop/address. Country (and state, where the country has them) by label. */
export interface ShopAddress {
  name: string;
  email: string;
  phone: string;
  street: string;
  city: string;
  zip: string;
  country: string;
  state?: string;
}

/** The outcome the demo provider (payment_demo) simulates. */
export type DemoPaymentOutcome = 'done' | 'pending' | 'cancel' | 'error';

/** The shop's main button (Checkout, Confirm): one per layout, only one of them visible. */
const MAIN_BUTTON = '[name="website_sale_main_button"]:visible';

/**
 * The eCommerce shop as a customer: a product page, the cart, the checkout
 * (address, delivery), payment with the demo provider, the confirmation.
 * Works on a page of an anonymous context (a guest checkout) or a portal user's.
 */
export class ShopCustomer {
  constructor(readonly client: OdooWebClient) {}

  async openProduct(templateId: number): Promise<void> {
    await this.client.act(`open product ${templateId} in the shop`, async () => {
      await this.client.goto(`/shop/${templateId}`);
      await this.client.expectVisible(this.client.page.locator('#add_to_cart'));
    });
  }

  async addToCart(quantity = 1): Promise<void> {
    await this.client.act(`add ${quantity} to the cart`, async () => {
      if (quantity !== 1) await this.client.page.locator('input[name="add_qty"]').fill(String(quantity));
      await this.client.page.locator('#add_to_cart').click();
    });
  }

  /** From the cart to the payment page: the address form, then the delivery method (the default one unless named). */
  async checkOut(address: ShopAddress, deliveryMethod?: string): Promise<void> {
    const page = this.client.page;
    await this.client.act('open the cart and check out', async () => {
      await this.client.goto('/shop/cart');
      await page.locator(MAIN_BUTTON).first().click();
      await this.#until(/^\/shop\/(address|checkout|payment)/);
    });
    if (new URL(page.url()).pathname.startsWith('/shop/address')) {
      await this.client.act('enter the address', async () => {
        const form = page.locator('form:has(input[name="street"])').first();
        for (const field of ['name', 'email', 'phone', 'street', 'city', 'zip'] as const) {
          await form.locator(`input[name="${field}"]`).fill(address[field]);
        }
        await form.locator('select[name="country_id"]').selectOption({ label: address.country });
        await this.client.settle(); // the state list follows the country
        if (address.state) await form.locator('select[name="state_id"]').selectOption({ label: address.state });
        await page.locator(this.client.profile.shopAddressSubmit).first().click();
        await this.#until(/^\/shop\/(checkout|payment)/);
      });
    }
    if (new URL(page.url()).pathname.startsWith('/shop/checkout')) {
      await this.client.act(`choose ${deliveryMethod ?? 'the default delivery method'}`, async () => {
        if (deliveryMethod) {
          await page.locator('[name="o_delivery_method"], li').filter({ hasText: deliveryMethod }).locator('input[name="o_delivery_radio"]').first().check();
          await this.client.settle();
        }
        await page.locator(MAIN_BUTTON).first().click();
        await this.#until(/^\/shop\/payment/);
      });
    }
  }

  /** Pays with the demo provider and lands on the confirmation; returns the order reference it shows. */
  async payWithDemoProvider(outcome: DemoPaymentOutcome = 'done'): Promise<string> {
    const page = this.client.page;
    await this.client.act(`pay with the demo provider (${outcome})`, async () => {
      await this.#choosePaymentOption('of the demo provider', '[data-provider-code="demo"]');
      await page.locator('#simulated_payment_state').selectOption(outcome);
      await page.locator('[name="o_payment_submit_button"]:visible').first().click();
      await this.#until(/^\/shop\/confirmation/);
    });
    return this.#confirmedOrderReference();
  }

  /** Chooses a payment option that is paid later (a payment_custom provider, by its id), confirms, and returns the order reference the confirmation shows. */
  async confirmToPayLater(provider: number, label: string): Promise<string> {
    const page = this.client.page;
    await this.client.act(`choose "${label}" and confirm the order`, async () => {
      await this.#choosePaymentOption(`"${label}" (payment.provider ${provider})`, `[data-provider-id="${provider}"]`);
      await page.locator('[name="o_payment_submit_button"]:visible').first().click();
      await this.#until(/^\/shop\/confirmation/);
    });
    return this.#confirmedOrderReference();
  }

  /**
   * Chooses a payment option by its radio's attributes. Where the shop offers
   * several, each option's label lies over its radio (19): the customer taps
   * the label, and the radio is then checked.
   */
  async #choosePaymentOption(option: string, attributes: string): Promise<void> {
    const page = this.client.page;
    const radio = `input[name="o_payment_radio"]${attributes}`;
    const id = await page.locator(radio).first().getAttribute('id');
    // Without an id no label is tied to the radio: label[for="null"] would wait out the timeout.
    if (!id) throw new OdooError(`the shop's payment option ${option} has a radio without an id (${radio}): no label to tap`);
    await page.locator(`label[for="${id}"]`).click();
    await this.client.expectVisible(page.locator(`${radio}:checked`).first());
    await this.client.settle();
  }

  async #confirmedOrderReference(): Promise<string> {
    const page = this.client.page;
    const main = await page.locator('main').innerText();
    const reference = /\b(S\d{4,})\b/.exec(main)?.[1];
    if (!reference) throw new OdooError(`the shop's confirmation page shows no order reference (${page.url()})`);
    return reference;
  }

  /**
   * Waits for the browser to reach a path, unless an Odoo RPC fails first (the
   * payment status page, for one, keeps polling and shows nothing when it does).
   */
  async #until(path: RegExp): Promise<void> {
    const page = this.client.page;
    await page.waitForFunction(
      `new RegExp(${JSON.stringify(path.source)}).test(location.pathname) || !!(window.__uatActivity && window.__uatActivity.rpcFailures.length)`,
      undefined,
      { timeout: this.client.timeoutMs, polling: 'raf' },
    );
    const failures = await readRpcFailures(page);
    const last = failures.at(-1);
    if (!path.test(new URL(page.url()).pathname) && last) {
      throw errorFromShown({ kind: 'dialog', title: '', message: last.message }, failures, this.client.url(''), this.client.login);
    }
    await this.client.settle();
  }
}
