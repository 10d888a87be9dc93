import type { Locator } from '@playwright/test';
import type { OdooWebClient } from './web-client';

/** A value as a person types it: "12.5", "2026-12-01", "Azure Interior", true. */
export type FieldValue = string | number | boolean;

/** The visible widget of a field, by its technical name, in a form or dialog (not inside its one2many lists). */
export function fieldWidget(root: Locator, name: string): Locator {
  return root.locator(`.o_field_widget[name="${name}"]:not(.o_list_renderer *):not(.o_kanban_renderer *):visible`).first();
}

/**
 * What the field shows: an input's value, a selection's label, the current
 * status-bar stage, a date's full value (19 shows dates as a button, 18 as an
 * input), else its text.
 */
export async function readWidget(widget: Locator): Promise<string> {
  return widget.evaluate((element) => {
    const stage = element.querySelector('[aria-checked="true"]');
    if (stage) return stage.textContent?.trim() ?? '';
    const dateButton = element.querySelector('button.o_input[value]');
    if (dateButton) return dateButton.getAttribute('value') ?? '';
    const select = element.querySelector('select');
    if (select) return select.selectedOptions[0]?.textContent?.trim() ?? '';
    const input = element.querySelector('input:not([type="checkbox"]), textarea') as HTMLInputElement | null;
    if (input) return input.value.trim();
    const checkbox = element.querySelector('input[type="checkbox"]') as HTMLInputElement | null;
    if (checkbox) return String(checkbox.checked);
    return (element as HTMLElement).innerText.trim();
  });
}

/**
 * Sets a field through its widget, as a person would: types into text, number
 * and date inputs (and leaves them, which commits the value and runs the
 * onchange), picks a selection's option by label, ticks a checkbox, and
 * chooses a many2one's record from its autocomplete.
 */
export async function setWidget(client: OdooWebClient, widget: Locator, value: FieldValue): Promise<void> {
  const classes = (await widget.getAttribute('class')) ?? '';
  if (/many2one/.test(classes)) return chooseMany2one(client, widget, String(value));
  if (/o_field_boolean/.test(classes)) return widget.locator('input[type="checkbox"]').setChecked(Boolean(value));
  if (/o_field_selection/.test(classes)) {
    await widget.locator('select').selectOption({ label: String(value) });
    return;
  }
  const input = widget.locator('input, textarea').first();
  if (/o_field_date/.test(classes)) {
    // A date is a button until clicked on 19 (an input on 18); either way the click opens the picker.
    await widget.locator('input, button.o_input').first().click();
    await input.fill(String(value));
    await input.press('Enter'); // commits the date and closes the picker (on 19 the input turns back into a button)
    return;
  }
  await input.fill(String(value));
  await input.blur();
}

/** Types into the many2one and picks the suggestion whose label matches, not "Search More..." or "Create". */
async function chooseMany2one(client: OdooWebClient, widget: Locator, label: string): Promise<void> {
  const input = widget.locator('input').first();
  await input.fill(label);
  const page = widget.page();
  const suggestion = page
    .locator('.o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item:not(.o_m2o_dropdown_option)')
    .filter({ hasText: label })
    .first();
  await client.expectVisible(suggestion);
  await suggestion.click();
}
