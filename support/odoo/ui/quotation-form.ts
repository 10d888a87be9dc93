import type { Locator } from '@playwright/test';
import { ConfigError } from '../../config/errors';
import { Dialog } from './dialog';
import { fieldWidget } from './fields';
import { FormView } from './form-view';
import { chooseInSearchDialog, press } from './touch';
import type { OdooWebClient } from './web-client';

export interface QuotationLineEntry {
  product: string;
  quantity: number;
  price?: number;
  discount?: number;
}

/**
 * Enters a quotation in the sales order form on Odoo's small-screen layout
 * (a tablet), as a field rep taps it in: the customer chosen from the
 * search dialog, each line added with "Add product" and filled in the line's
 * own dialog, then saved. Returns the order's id from the saved form's address.
 */
export async function enterQuotationInWebClient(client: OdooWebClient, quotation: { customer: string; lines: QuotationLineEntry[] }): Promise<number> {
  const form = new FormView(client);
  await client.act('open a new quotation', async () => {
    await client.showNewRecord('sale.order', client.profile.newRecordPath('sale.order'));
    await client.expectVisible(form.root);
  });
  const lines = fieldWidget(form.root, 'order_line');
  // The desktop's editable list has no "Add product" button: its lines are typed in rows, which this does not do.
  const addProduct = lines.locator('button').filter({ hasText: 'Add product' });
  if (!(await addProduct.isVisible())) {
    throw new Error(`the quotation form at ${client.page.viewportSize()?.width ?? '?'} px shows its lines as a list: quotations are entered in the web client on a tablet (the small-screen layout) only`);
  }
  await client.act(`choose customer ${quotation.customer}`, () => chooseInSearchDialog(client, fieldWidget(form.root, 'partner_id'), quotation.customer));
  for (const line of quotation.lines) await addLine(client, addProduct, line);
  await form.save();
  const id = client.shownRecordId();
  if (!id) throw new Error(`the quotation was saved, but its id is not in the address ${client.page.url()}`);
  return id;
}

/** One line in its dialog: the product first (its onchange sets the list price), then quantity, price and discount, then Save & Close. */
async function addLine(client: OdooWebClient, addProduct: Locator, line: QuotationLineEntry): Promise<void> {
  const dialog = new Dialog(client);
  await client.act(`add product ${line.product}`, async () => {
    await press(addProduct);
    await client.expectVisible(dialog.root.locator('.o_form_renderer'));
  });
  await client.act(`choose product ${line.product}`, () => chooseInSearchDialog(client, fieldWidget(dialog.root, 'product_id'), line.product));
  await dialog.set('product_uom_qty', line.quantity);
  if (line.price !== undefined) await dialog.set('price_unit', line.price);
  if (line.discount !== undefined) {
    if (!(await fieldWidget(dialog.root, 'discount').count())) {
      throw new ConfigError(`the order line form of ${client.url('')} shows no Discount: turn on Sales / Settings / Discounts (group sale.group_discount_per_so_line) to enter discounts in the web client`);
    }
    await dialog.set('discount', line.discount);
  }
  await client.act(`save the ${line.product} line`, async () => {
    const dialogs = await client.page.locator('.modal').count();
    await press(dialog.root.locator('.modal-footer .o_form_button_save'));
    await client.page.locator('.modal').nth(dialogs - 1).waitFor({ state: 'detached', timeout: client.timeoutMs });
  });
}
