import type { Locator } from '@playwright/test';
import { fieldWidget, readWidget, setWidget, type FieldValue } from './fields';
import { One2ManyField } from './one2many';
import type { OdooWebClient } from './web-client';

/**
 * The dialog on top of the web client: a wizard (backorder, return, credit
 * note) or a confirmation. Its buttons by technical name or label.
 */
export class Dialog {
  constructor(readonly client: OdooWebClient) {}

  get root(): Locator {
    return this.client.page.locator('.modal:not(.o_inactive_modal) .modal-content:not(.o_error_dialog)').last();
  }

  async title(): Promise<string> {
    return (await this.root.locator('.modal-title').innerText()).trim();
  }

  async read(field: string): Promise<string> {
    return readWidget(fieldWidget(this.root, field));
  }

  async set(field: string, value: FieldValue): Promise<void> {
    await this.client.act(`set ${field} to ${value} in the dialog`, () => setWidget(this.client, fieldWidget(this.root, field), value));
  }

  one2many(field: string): One2ManyField {
    return new One2ManyField(this.client, fieldWidget(this.root, field), field);
  }

  /** Clicks a footer button by technical name ("process") or label ("Create Backorder"). */
  async clickButton(nameOrLabel: string): Promise<void> {
    const buttons = this.root.locator('.modal-footer button:visible, footer button:visible');
    const button = buttons.and(this.root.locator(`button[name="${nameOrLabel}"]`)).or(buttons.filter({ hasText: nameOrLabel })).first();
    const title = await this.title();
    await this.client.act(`${title}: ${nameOrLabel}`, () => button.click());
  }
}
