import { chromium, type Browser } from '@playwright/test';
import type { HarnessEnvironment } from '../../support/config/environment';
import { OdooGateway } from '../../support/odoo/gateway';
import { createStorableProduct, mainWarehouse, setOnHand } from '../../support/odoo/operations/master-data';
import { publishInShop } from '../../support/odoo/operations/shop';
import { provisionRoleUser } from '../../support/odoo/roles';
import { chromiumLaunchOptions } from '../../support/odoo/ui/browser';
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

/** A storable product with stock on hand in the main warehouse, published in the shop when asked. */
export async function productInStock(gateway: OdooGateway, name: string, quantity: number, options: { inShop?: boolean } = {}): Promise<{ templateId: number; productId: number }> {
  const { admin } = gateway;
  const product = await createStorableProduct(admin, gateway.capabilities.profile, { name, price: 25, invoicePolicy: 'delivery' });
  await setOnHand(admin, product.id, (await mainWarehouse(admin)).stockLocation, quantity);
  const templateId = options.inShop
    ? await publishInShop(admin, product.id)
    : (await admin.readOne<{ product_tmpl_id: [number, string] }>('product.product', product.id, ['product_tmpl_id'])).product_tmpl_id[0];
  return { templateId, productId: product.id };
}

export function printTimings(title: string, timings: readonly ActionTiming[]): void {
  console.log(`${title}:\n${timings.map((t) => `  ${String(t.ms).padStart(6)} ms  ${t.action}`).join('\n')}`);
}
