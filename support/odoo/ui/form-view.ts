import type { Locator } from '@playwright/test';
import { Dialog } from './dialog';
import { fieldWidget, readWidget, setWidget, type FieldValue } from './fields';
import { One2ManyField } from './one2many';
import { press } from './touch';
import type { OdooWebClient } from './web-client';

/**
 * The record form of the web client: fields by technical name, status-bar
 * buttons, smart buttons, wizards, breadcrumbs. Every action goes through the
 * client's act(): waited for, checked for errors, and left as evidence.
 */
export class FormView {
  constructor(readonly client: OdooWebClient) {}

  /** Opens a record: within the web client when the page runs it, else at its address (the version profile's scheme). */
  static async open(client: OdooWebClient, model: string, id: number): Promise<FormView> {
    const form = new FormView(client);
    await client.act(`open ${model} ${id}`, async () => {
      await client.showRecord(model, id);
      await client.expectVisible(form.root);
    });
    return form;
  }

  get root(): Locator {
    return this.client.page.locator('.o_action_manager .o_form_view').last();
  }

  async read(field: string): Promise<string> {
    return readWidget(fieldWidget(this.root, field));
  }

  async set(field: string, value: FieldValue): Promise<void> {
    await this.client.act(`set ${field} to ${value}`, () => setWidget(this.client, fieldWidget(this.root, field), value));
  }

  one2many(field: string): One2ManyField {
    return new One2ManyField(this.client, fieldWidget(this.root, field), field);
  }

  /** The label of the current status-bar stage ("Quotation", "Done"). */
  async status(): Promise<string> {
    return (await this.root.locator('.o_statusbar_status [aria-checked="true"]').first().innerText()).trim();
  }

  /**
   * Clicks a status-bar button by its technical name ("action_confirm",
   * "button_validate") or, for action buttons whose name is an id, its label ("Return").
   */
  async clickButton(nameOrLabel: string): Promise<void> {
    const buttons = this.root.locator('.o_statusbar_buttons button:visible');
    const button = buttons.and(this.root.locator(`button[name="${nameOrLabel}"]`)).or(buttons.filter({ hasText: nameOrLabel })).first();
    // On a small screen the form shows few or none of them; the others are in a menu the version profile names.
    const more = this.root.locator(`${this.client.profile.smallScreenButtonsMenu}:visible`);
    await this.client.act(`click ${nameOrLabel}`, async () => {
      await button.or(more).first().waitFor({ timeout: this.client.timeoutMs });
      if (await button.isVisible()) return press(button);
      await press(more);
      const menu = this.client.page.locator('.o-dropdown--menu button:visible');
      await press(menu.and(this.client.page.locator(`button[name="${nameOrLabel}"]`)).or(menu.filter({ hasText: nameOrLabel })).first());
    });
  }

  /** Opens a smart button by its label ("Delivery", "Invoices", "Receipt") or method name. */
  async openSmartButton(labelOrName: string): Promise<void> {
    const buttons = this.root.locator('.o-form-buttonbox .oe_stat_button:visible');
    const button = buttons.and(this.root.locator(`[name="${labelOrName}"]`)).or(buttons.filter({ hasText: labelOrName })).first();
    await this.client.act(`open ${labelOrName}`, () => button.click());
  }

  /** Saves the record if it has changes, and waits until the form says it is saved. */
  async save(): Promise<void> {
    const saveButton = this.root.locator('.o_form_button_save:visible');
    await this.client.act('save', async () => {
      if (await saveButton.count()) await saveButton.click();
      await saveButton.waitFor({ state: 'hidden', timeout: this.client.timeoutMs });
    });
  }

  /** The wizard or confirmation on top of the form. */
  async dialog(): Promise<Dialog> {
    const dialog = new Dialog(this.client);
    await this.client.expectVisible(dialog.root);
    return dialog;
  }

  async breadcrumbs(): Promise<string[]> {
    const items = this.client.page.locator('.o_breadcrumb .breadcrumb-item, .o_breadcrumb .o_last_breadcrumb_item');
    return (await items.allInnerTexts()).map((text) => text.trim());
  }

  /** Goes back to an earlier record or list through its breadcrumb. */
  async backTo(label: string): Promise<void> {
    const crumb = this.client.page.locator('.o_breadcrumb .breadcrumb-item a').filter({ hasText: label }).first();
    await this.client.act(`back to ${label}`, () => crumb.click());
  }
}
