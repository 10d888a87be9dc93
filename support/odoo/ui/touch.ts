import type { Locator } from '@playwright/test';
import type { OdooWebClient } from './web-client';

/**
 * Taps on a touch screen (a tablet's page), clicks elsewhere: what the
 * person in front of that screen does. A tap waits first for what moves the
 * target to stop: 19's bottom sheet slides up under its backdrop, and a tap
 * on the way lands on the backdrop, which closes the sheet (seen on 19).
 * Only animations of the target or of what holds it count: waiting for every
 * one on the page (a pager's fade, a facet's flash, a button's colour) cost
 * 0.3-0.5 s per tap in the search dialog (seen on 19).
 */
export async function press(target: Locator): Promise<void> {
  await target.waitFor({ state: 'visible' });
  const touch = await target.evaluate(async (element) => {
    // Finite animations only: a spinner that turns for ever is no slide to wait for.
    const moving = document.getAnimations().filter((animation) => {
      const effect = animation.effect;
      const animated = effect instanceof KeyframeEffect ? effect.target : null;
      return animated !== null && animated.contains(element) && Number.isFinite(Number(effect?.getComputedTiming().endTime));
    });
    await Promise.all(moving.map((animation) => animation.finished.catch(() => undefined)));
    return navigator.maxTouchPoints > 0;
  });
  await (touch ? target.tap() : target.click());
}

/**
 * Chooses a record in a many2one field on Odoo's small-screen layout: the
 * field is read-only there, and a tap opens a full-screen "Search: ..."
 * dialog of cards; the search is typed, and the card bearing exactly the
 * label is tapped (seen on 18 and 19 at 712 px).
 */
export async function chooseInSearchDialog(client: OdooWebClient, widget: Locator, label: string): Promise<void> {
  await press(widget.locator('input').first());
  // The dialog of cards: 19 names its content o_select_create_dialog_content, 18 does not (seen on both).
  const dialog = client.page.locator('.modal .modal-content:has(.o_kanban_view)').last();
  await client.expectVisible(dialog);
  const search = dialog.locator('.o_searchview_input');
  // The search field is folded behind a magnifier button until it is tapped.
  if (!(await search.isVisible())) await press(dialog.locator('.o_control_panel button:has(.fa-search)').first());
  await search.fill(label);
  // Enter takes the first suggestion ("Search ... for: <label>") once Odoo lists it; pressed sooner it does nothing and
  // the cards stay unfiltered (seen on 19 under load). The facet shows the search is applied.
  await client.expectVisible(client.page.locator('.o_searchview_autocomplete .dropdown-item').first());
  await search.press('Enter');
  await client.expectVisible(dialog.locator('.o_searchview_facet').first());
  const card = dialog.locator('.o_kanban_record').filter({ hasText: label });
  await client.expectVisible(card.first());
  const count = await card.count();
  if (count !== 1) throw new Error(`"${label}" matches ${count} records in the "Search" dialog of field ${await widget.getAttribute('name')}: give a name that only one record bears`);
  await press(card);
  await dialog.waitFor({ state: 'detached', timeout: client.timeoutMs });
}
