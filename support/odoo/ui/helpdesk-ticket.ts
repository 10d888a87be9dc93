import type { Locator } from '@playwright/test';
import { FormView } from './form-view';
import { exactly } from './text-match';
import { press } from './touch';
import type { OdooWebClient } from './web-client';

export interface TicketEntry {
  team: string;
  title: string;
  customer: string;
  /** The order's name, as the Sales orders field (helpdesk_mgmt_sale) offers it. */
  order: string;
  description: string;
}

/**
 * Enters a complaint as a new OCA helpdesk ticket from the ticket form:
 * title, team, customer, the order it concerns and what happened. Returns
 * the ticket's id, read from the address the saved form moves to
 * (/odoo/helpdesk-tickets/<id>).
 */
export async function enterTicketInWebClient(client: OdooWebClient, entry: TicketEntry): Promise<number> {
  const form = new FormView(client);
  await client.act('open a new ticket', async () => {
    await client.goto(client.profile.newHelpdeskTicketPath);
    await client.expectVisible(form.root);
  });
  await form.set('name', entry.title);
  await form.set('team_id', entry.team);
  await form.set('partner_id', entry.customer);
  await client.act(`add order ${entry.order}`, () => chooseTag(client, form.root.locator('.o_field_widget[name="sale_order_ids"]'), entry.order));
  await client.act('describe what happened', async () => {
    const editor = form.root.locator('.o_field_html[name="description"] [contenteditable="true"]').first();
    await editor.click();
    await editor.pressSequentially(entry.description);
  });
  await form.save();
  const id = Number(/\/helpdesk-tickets\/(\d+)/.exec(client.page.url())?.[1] ?? /[&#?]id=(\d+)/.exec(client.page.url())?.[1]);
  if (!Number.isInteger(id) || id <= 0) throw new Error(`the new ticket was saved, but its id is not in the address ${client.page.url()}`);
  return id;
}

/**
 * Types into a many2many tags field (helpdesk_mgmt_sale's sale_order_ids,
 * whose suggestions and tags show each order's name) and picks the
 * suggestion that is exactly the label: not one that only contains it
 * (typing S00012 also offers S000123), nor "Search More..." or "Create".
 */
export async function chooseTag(client: OdooWebClient, widget: Locator, label: string): Promise<void> {
  await widget.locator('input').first().fill(label);
  const suggestion = client.page
    .locator('.o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item:not(.o_m2o_dropdown_option)')
    .filter({ hasText: exactly(label) })
    .first();
  await client.expectVisible(suggestion);
  await suggestion.click();
  await client.expectVisible(widget.locator('.o_tag').filter({ hasText: exactly(label) }));
}

/**
 * Closes a ticket from its form: a click on the stage in the status bar,
 * or, for a folded stage (helpdesk_mgmt folds Done, Cancelled and Rejected),
 * in the status bar's "..." menu; the form saves the stage at once. Waits
 * until the status bar shows the stage as current.
 */
export async function closeTicketInWebClient(client: OdooWebClient, ticket: number, stageName: string): Promise<void> {
  const form = await FormView.open(client, 'helpdesk.ticket', ticket);
  const stages = form.root.locator('.o_field_widget[name="stage_id"]');
  const stage = exactly(stageName);
  await client.act(`move to stage ${stageName}`, async () => {
    const shown = stages.locator('button[role="radio"]:visible').filter({ has: client.page.locator('span').getByText(stage) });
    if (await shown.count()) await press(shown.first());
    else {
      await press(stages.locator('.dropdown-toggle:visible').first());
      await press(client.page.locator('.o-dropdown--menu .dropdown-item').filter({ hasText: stage }).first());
    }
    await client.expectVisible(stages.locator('[aria-checked="true"]').filter({ hasText: stage }));
  });
}
