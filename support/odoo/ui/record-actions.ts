import { Dialog } from './dialog';
import { FormView } from './form-view';
import type { OdooWebClient } from './web-client';

/**
 * Business actions done the way a person does them in the web client. Each
 * has an RPC twin in support/odoo/operations with the same meaning; the
 * outcome is always read back over RPC by the caller.
 */

export async function confirmOrderInWebClient(client: OdooWebClient, order: number): Promise<void> {
  const form = await FormView.open(client, 'sale.order', order);
  await form.clickButton('action_confirm');
}

/**
 * Validates a transfer from its form: sets the done quantity of each listed
 * product line (by the product name it shows), clicks Validate and answers
 * the backorder question when Odoo asks it.
 */
export async function validateTransferInWebClient(
  client: OdooWebClient,
  picking: number,
  quantities: ReadonlyMap<string, number>,
  rest: 'backorder' | 'no-backorder' = 'backorder',
): Promise<void> {
  const form = await FormView.open(client, 'stock.picking', picking);
  const moves = form.one2many(client.profile.pickingMovesField);
  for (const [productName, quantity] of quantities) await moves.row(productName).set('quantity', quantity);
  await form.clickButton('button_validate');
  // The click settles with Odoo idle: a backorder question is on screen by then, or never comes.
  const question = new Dialog(client);
  if (await question.root.isVisible()) await question.clickButton(rest === 'backorder' ? 'process' : 'process_cancel_backorder');
}

export async function confirmPurchaseInWebClient(client: OdooWebClient, purchase: number): Promise<void> {
  const form = await FormView.open(client, 'purchase.order', purchase);
  await form.clickButton('button_confirm');
}
