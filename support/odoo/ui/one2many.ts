import type { Locator } from '@playwright/test';
import { readWidget, setWidget, type FieldValue } from './fields';
import type { OdooWebClient } from './web-client';

/** An editable one2many list in a form or wizard: order lines, stock moves. */
export class One2ManyField {
  constructor(
    private readonly client: OdooWebClient,
    readonly root: Locator,
    private readonly name: string,
  ) {}

  /** A line by its position (0 first) or by text it shows, e.g. the product name. */
  row(which: number | string): One2ManyRow {
    const rows = this.root.locator('.o_data_row');
    const row = typeof which === 'number' ? rows.nth(which) : rows.filter({ hasText: which }).first();
    return new One2ManyRow(this.client, row, `${this.name} line ${typeof which === 'number' ? which + 1 : `"${which}"`}`);
  }

  async rowCount(): Promise<number> {
    return this.root.locator('.o_data_row').count();
  }

  /** Adds a line ("Add a product", "Add a line") and returns it, in edition. */
  async addLine(): Promise<One2ManyRow> {
    const before = await this.rowCount();
    await this.client.act(`add a ${this.name} line`, async () => {
      await this.root.locator('.o_field_x2many_list_row_add a').first().click();
      await this.root.locator('.o_data_row').nth(before).waitFor({ state: 'visible', timeout: this.client.timeoutMs });
    });
    return this.row(before);
  }
}

export class One2ManyRow {
  constructor(
    private readonly client: OdooWebClient,
    readonly root: Locator,
    private readonly label: string,
  ) {}

  async read(field: string): Promise<string> {
    const cell = this.#cell(field);
    const widget = cell.locator('.o_field_widget');
    return (await widget.count()) ? readWidget(widget.first()) : (await cell.innerText()).trim();
  }

  /** Clicks the cell (which puts the line in edition) and sets the field through its widget. */
  async set(field: string, value: FieldValue): Promise<void> {
    await this.client.act(`set ${field} of ${this.label} to ${value}`, async () => {
      const cell = this.#cell(field);
      const widget = cell.locator('.o_field_widget');
      const input = widget.locator('input, select, textarea').first();
      if (!(await input.isVisible())) {
        await cell.click();
        await input.waitFor({ state: 'visible', timeout: this.client.timeoutMs });
      }
      await setWidget(this.client, widget.first(), value);
    });
  }

  #cell(field: string): Locator {
    return this.root.locator(`td[name="${field}"]`);
  }
}
