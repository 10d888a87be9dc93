import { chromium, type Browser } from '@playwright/test';
import type { HarnessEnvironment } from '../../support/config/environment';
import { OdooGateway } from '../../support/odoo/gateway';
import { provisionedLogin, provisionRoleUser } from '../../support/odoo/roles';
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
    if (environment.roles[role]) continue;
    await provisionRoleUser(gateway.admin, gateway.capabilities, environment, role);
    for (const group of EXTRA_GROUPS[role] ?? []) await addGroup(gateway, provisionedLogin(role), group);
  }
  const browser = await chromium.launch(chromiumLaunchOptions(environment.browser));
  return { environment, gateway, browser, close: () => browser.close() };
}

/**
 * Groups the standard role definitions (support/odoo/roles.ts) lack for the web
 * client: on 19 a stock user cannot open a delivery form without them (it reads
 * delivery.zip.prefix, allowed to Contact/Creation among others).
 */
const EXTRA_GROUPS: Record<string, string[]> = { WAREHOUSE: ['base.group_partner_manager'] };

async function addGroup(gateway: OdooGateway, login: string, xmlId: string): Promise<void> {
  const [module, name] = xmlId.split('.');
  const [group] = await gateway.admin.searchRead<{ res_id: number }>('ir.model.data', [['module', '=', module], ['name', '=', name]], ['res_id']);
  const [user] = await gateway.admin.search('res.users', [['login', '=', login]]);
  if (!group || !user) throw new Error(`cannot give ${login} the group ${xmlId}`);
  await gateway.admin.write('res.users', [user], { [gateway.capabilities.profile.userGroupsField]: [[4, group.res_id]] });
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
