import { validationAnswer } from '../operations/inventory';
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
 * product line (by the product name it shows) and 0 on every other line,
 * clicks Validate and answers the backorder question when Odoo asks it.
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
  // Lines of other products (another run's moves, merged by Odoo into this transfer) are not this scenario's to ship.
  const rows = await moves.rowCount();
  for (let index = 0; index < rows; index += 1) {
    const row = moves.row(index);
    const shown = await row.root.innerText();
    if (![...quantities.keys()].some((name) => shown.includes(name))) await row.set('quantity', 0);
  }
  await form.clickButton('button_validate');
  // Each click settles with Odoo idle: a question is on screen by then, or none comes.
  const question = new Dialog(client);
  for (let asked = 0; asked < 5 && (await question.root.isVisible()); asked += 1) {
    const wizardModel = (await question.root.locator('button[name="send_sms"]').count()) ? 'confirm.stock.sms' : 'stock.backorder.confirmation';
    await question.clickButton(validationAnswer(wizardModel, rest));
  }
}

export async function confirmPurchaseInWebClient(client: OdooWebClient, purchase: number): Promise<void> {
  const form = await FormView.open(client, 'purchase.order', purchase);
  await form.clickButton('button_confirm');
}

/**
 * Enters a complaint as a new task of a project, from the project's new-task
 * form: title, customer and what happened. Returns the task's id, read from
 * the address the saved form moves to.
 */
export async function enterTaskInWebClient(client: OdooWebClient, project: number, entry: { title: string; customer: string; description: string }): Promise<number> {
  const form = new FormView(client);
  await client.act('open a new task', async () => {
    await client.showNewRecord('project.task', client.profile.newProjectTaskPath(project), { project_id: project });
    await client.expectVisible(form.root);
  });
  await form.set('name', entry.title);
  await form.set('partner_id', entry.customer);
  await client.act('describe what happened', async () => {
    const editor = form.root.locator('.o_field_html[name="description"] [contenteditable="true"]').first();
    await editor.click();
    // Text arrives as typed text does (beforeinput and input events the editor handles), in one go rather than key by key.
    await client.page.keyboard.insertText(entry.description);
  });
  await form.save();
  const id = client.shownRecordId();
  if (!id) throw new Error(`the new task was saved, but its id is not in the address ${client.page.url()}`);
  return id;
}
