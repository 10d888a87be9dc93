import { expect } from '@playwright/test';
import type { HarnessEnvironment } from '../../../../support/config/environment';
import { attachRecordSnapshot, attachScreenshot } from '../../../../support/evidence/attachments';
import { Given, Then, When } from '../../../../support/fixtures';

/**
 * Steps that exist only to record evidence: they read (never write) a live
 * Odoo with the smallest JSON-RPC client, because the scenarios that will use
 * the evidence API are not written yet.
 */
async function call(harness: HarnessEnvironment, model: string, method: string, args: unknown[], kwargs = {}): Promise<unknown> {
  const post = async (path: string, params: unknown, cookie?: string) => {
    const response = await fetch(`${harness.odoo.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params }),
    });
    const body = (await response.json()) as { result?: unknown; error?: { data?: { message?: string } } };
    if (body.error) throw new Error(body.error.data?.message ?? 'RPC error');
    return { result: body.result, cookie: response.headers.get('set-cookie')?.split(';')[0] };
  };
  const { admin, db } = { admin: harness.odoo.admin, db: harness.odoo.db };
  const session = await post('/web/session/authenticate', { db, login: admin.login, password: admin.password.reveal() });
  const { result } = await post('/web/dataset/call_kw', { model, method, args, kwargs }, session.cookie);
  return result;
}

const deepLink = (harness: HarnessEnvironment, model: string, id: number) => `${harness.odoo.url}/odoo/${model}/${id}`;

Given('the module {string} is installed', async ({ harness, $test }, module: string) => {
  const found = (await call(harness, 'ir.module.module', 'search_count', [[['name', '=', module], ['state', '=', 'installed']]])) as number;
  $test.skip(found === 0, `module ${module} is not installed in ${harness.odoo.db}`);
});

/** The company the last snapshot read (the recipe runs one scenario at a time). */
let snapshotCompany: { currency_id: [number, string] } | undefined;

When('the recorder snapshots the company', async ({ harness, $testInfo }) => {
  const [company] = (await call(harness, 'res.company', 'read', [[1]], { fields: ['name', 'currency_id', 'country_id', 'email'] })) as {
    id: number;
    name: string;
    currency_id: [number, string];
  }[];
  if (!company) throw new Error('company 1 not found');
  const { id, name, ...fields } = company;
  await attachRecordSnapshot($testInfo, { label: 'the company', model: 'res.company', id, displayName: name, url: deepLink(harness, 'res.company', id), fields: { name, ...fields } });
  snapshotCompany = company;
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
Then("the company's currency is {string}", async ({}, currency: string) => {
  expect(snapshotCompany?.currency_id[1]).toBe(currency);
});

When('the recorder snapshots the administrator with a note holding the password', async ({ harness, $testInfo }) => {
  const [user] = (await call(harness, 'res.users', 'read', [[2]], { fields: ['login', 'name', 'partner_id'] })) as {
    id: number;
    name: string;
    login: string;
  }[];
  if (!user) throw new Error('user 2 not found');
  const fields = { ...user, password: harness.odoo.admin.password.reveal(), note: `signed in with ${harness.odoo.admin.password.reveal()}` };
  await attachRecordSnapshot($testInfo, { label: 'the administrator', model: 'res.users', id: user.id, displayName: user.name, url: deepLink(harness, 'res.users', user.id), fields });
});

Then('the login page is evidenced with a screenshot', async ({ harness, page, $testInfo }) => {
  await page.goto(`${harness.odoo.url}/web/login`);
  await expect(page.locator('input[name="login"]')).toBeVisible();
  await attachScreenshot($testInfo, 'the login page', await page.screenshot());
});
