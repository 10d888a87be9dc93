import type { APIRequestContext, Page } from '@playwright/test';
import type { Credentials } from '../../config/environment';
import { AuthenticationError } from '../errors';

/**
 * With website installed, /web/login is a website page with other forms and
 * submit buttons: everything is scoped to the login form, which stays hidden
 * (d-none) until its script has run.
 */
const LOGIN_FORM = 'form.oe_login_form';

/** Logs in as a person would: the /web/login form. */
export async function logInThroughForm(page: Page, baseUrl: string, credentials: Credentials, timeoutMs: number): Promise<void> {
  await page.goto(`${baseUrl}/web/login`);
  const form = page.locator(LOGIN_FORM);
  await form.waitFor({ state: 'visible', timeout: timeoutMs });
  await form.locator('input[name="login"]').fill(credentials.login);
  await form.locator('input[name="password"]').fill(credentials.password.reveal());
  await form.locator('button[type="submit"]').click();
  // Either the login page comes back with its alert, or another page without the form.
  await page
    .locator(`${LOGIN_FORM} .alert-danger, body:not(:has(${LOGIN_FORM}))`)
    .first()
    .waitFor({ state: 'attached', timeout: timeoutMs });
  await page.waitForLoadState('load');
  if (new URL(page.url()).pathname.startsWith('/web/login')) {
    const alert = (await page.locator(`${LOGIN_FORM} .alert-danger`).first().textContent().catch(() => null))?.trim();
    throw new AuthenticationError(`Odoo refused the login of "${credentials.login}" at ${baseUrl}/web/login (${alert || 'no reason shown'})`, credentials.login);
  }
}

/**
 * Logs in through /web/session/authenticate on the page's request context: the
 * same session cookie in a fraction of the time, for when the login form itself
 * is not what is being tested.
 */
export async function logInThroughSessionEndpoint(
  request: APIRequestContext,
  baseUrl: string,
  db: string,
  credentials: Credentials,
  timeoutMs: number,
): Promise<void> {
  const response = await request.post(`${baseUrl}/web/session/authenticate`, {
    data: { jsonrpc: '2.0', method: 'call', params: { db, login: credentials.login, password: credentials.password.reveal() } },
    timeout: timeoutMs,
  });
  const body = (await response.json().catch(() => ({}))) as { result?: { uid?: number | false }; error?: { data?: { message?: string } } };
  if (!response.ok() || !body.result?.uid) {
    const reason = body.error?.data?.message ?? `HTTP ${response.status()}`;
    throw new AuthenticationError(`Odoo refused the login of "${credentials.login}" at ${baseUrl} (${reason})`, credentials.login);
  }
}
