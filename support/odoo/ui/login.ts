import type { Page } from '@playwright/test';
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

/** The part of Playwright's storage state a logged-in Odoo session needs. */
export interface SessionState {
  cookies: { name: string; value: string; domain: string; path: string; expires: number; httpOnly: boolean; secure: boolean; sameSite: 'Lax' }[];
  origins: [];
}

/**
 * Logs in through /web/session/authenticate from Node, not from a browser
 * context: the same session cookie in a fraction of the form's time, and the
 * password never passes through a context that Playwright may trace (a
 * failed scenario's trace would otherwise keep it).
 */
export async function sessionStateThroughEndpoint(baseUrl: string, db: string, credentials: Credentials, timeoutMs: number): Promise<SessionState> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/web/session/authenticate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { db, login: credentials.login, password: credentials.password.reveal() } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new AuthenticationError(`could not log "${credentials.login}" in at ${baseUrl}: ${(error as Error).message}`, credentials.login);
  }
  const body = (await response.json().catch(() => ({}))) as { result?: { uid?: number | false }; error?: { data?: { message?: string } } };
  const session = /(?:^|[\s,])session_id=([^;,\s]+)/.exec(response.headers.getSetCookie().join(', '))?.[1];
  if (!response.ok || !body.result?.uid || !session) {
    const reason = body.error?.data?.message ?? (response.ok ? 'no session cookie' : `HTTP ${response.status}`);
    throw new AuthenticationError(`Odoo refused the login of "${credentials.login}" at ${baseUrl} (${reason})`, credentials.login);
  }
  const { hostname, protocol } = new URL(baseUrl);
  return {
    cookies: [{ name: 'session_id', value: session, domain: hostname, path: '/', expires: -1, httpOnly: true, secure: protocol === 'https:', sameSite: 'Lax' }],
    origins: [],
  };
}

/**
 * Ends a session on the server (/web/session/destroy), from Node: its cookie,
 * wherever a trace or a file kept it, no longer logs anyone in.
 */
export async function endSession(baseUrl: string, state: SessionState, timeoutMs: number): Promise<void> {
  const session = state.cookies.find((c) => c.name === 'session_id')?.value;
  if (!session) return;
  await fetch(`${baseUrl}/web/session/destroy`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: `session_id=${session}` },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: {} }),
    signal: AbortSignal.timeout(timeoutMs),
  });
}
