import { chromium, type Browser } from '@playwright/test';
import type { HarnessEnvironment } from '../../support/config/environment';
import { OdooGateway } from '../../support/odoo/gateway';
import { provisionRoleUser } from '../../support/odoo/roles';
import { chromiumLaunchOptions } from '../../support/odoo/ui/browser';
import type { OdooClient } from '../../support/odoo/rpc/client';
import type { ActionTiming } from '../../support/odoo/ui/web-client';
import { liveEnvironment } from './live';

export interface LiveOdoo {
  environment: HarnessEnvironment;
  gateway: OdooGateway;
  browser: Browser;
  close(): Promise<void>;
}

/** Connects to the environment UAT_LIVE_ENV names, provisions the role users, starts Chromium. */
export async function startLiveOdoo(roles: string[]): Promise<LiveOdoo> {
  const environment = liveEnvironment({ UAT_PROVISION_ROLES: 'true' });
  const gateway = await OdooGateway.connect(environment);
  for (const role of roles) {
    if (!environment.roles[role]) await provisionRoleUser(gateway.admin, gateway.capabilities, environment, role);
  }
  const browser = await chromium.launch(chromiumLaunchOptions(environment.browser));
  return { environment, gateway, browser, close: () => browser.close() };
}

/** The user id of a role's user, e.g. to make it the salesperson of an order. */
export async function roleUserId(gateway: OdooGateway, role: string): Promise<number> {
  return (await gateway.as(role)).uid();
}

/** A storable product with stock on hand in the main warehouse. */
export async function productInStock(admin: OdooClient, name: string, quantity: number, extra: Record<string, unknown> = {}): Promise<{ templateId: number; productId: number }> {
  const templateId = await admin.create('product.template', { name, type: 'consu', is_storable: true, list_price: 25, ...extra });
  const [productId] = await admin.search('product.product', [['product_tmpl_id', '=', templateId]]);
  const [warehouse] = await admin.searchRead<{ lot_stock_id: [number, string] }>('stock.warehouse', [], ['lot_stock_id'], { limit: 1 });
  if (!productId || !warehouse) throw new Error('the database has no warehouse or the product variant was not created');
  await admin.create('stock.quant', { product_id: productId, location_id: warehouse.lot_stock_id[0], inventory_quantity_auto_apply: quantity }, { inventory_mode: true });
  return { templateId, productId };
}

export function printTimings(title: string, timings: readonly ActionTiming[]): void {
  console.log(`${title}:\n${timings.map((t) => `  ${String(t.ms).padStart(6)} ms  ${t.action}`).join('\n')}`);
}
