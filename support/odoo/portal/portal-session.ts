import type { Credentials } from '../../config/environment';
import { withoutAccessTokens } from '../../config/secret';
import { AuthenticationError, BusinessRuleError, TransportError } from '../errors';
import { networkReason } from '../server';
import { csrfTokenOf, loginRefusalOf } from './portal-pages';

/** A page of the portal as the buyer's session got it, after following its redirects. */
export interface PortalPage {
  /** The status of the last answer (200, or 403/404 for a refused page). */
  status: number;
  /** The path (and query) the redirects ended on. */
  path: string;
  html: string;
}

/** Redirects a page may take (login, /my, the landing route after a payment) before it is a fault. */
const MAX_REDIRECTS = 5;

/**
 * The buyer's browser without a browser: a web session of the customer
 * portal, logged in at /web/login with the form's CSRF token, and the
 * portal's own routes (pages, JSON routes) with its cookie. Portal users
 * have no RPC rights (and on 19 no API key), so this is how they act in rpc mode.
 */
export class PortalSession {
  #cookie: string | undefined;

  private constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
    readonly login: string,
  ) {}

  /** Logs in through the /web/login form, as a person does; a refused login is named with the page's reason. */
  static async logIn(baseUrl: string, credentials: Credentials, timeoutMs: number): Promise<PortalSession> {
    const session = new PortalSession(baseUrl, timeoutMs, credentials.login);
    const form = await session.page('/web/login');
    const body = new URLSearchParams({ csrf_token: csrfTokenOf(form.html, '/web/login'), login: credentials.login, password: credentials.password.reveal(), redirect: '/my' });
    const landed = await session.#follow('/web/login', { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    if (landed.path.startsWith('/web/login')) {
      const reason = loginRefusalOf(landed.html);
      throw new AuthenticationError(`Odoo refused the portal login of "${credentials.login}" at ${baseUrl}/web/login (${reason ?? 'no reason shown'})`, credentials.login);
    }
    return session;
  }

  /** GETs a portal page, following redirects. */
  page(path: string): Promise<PortalPage> {
    return this.#follow(path, { method: 'GET' });
  }

  /** Calls one of the portal's JSON routes (type="jsonrpc", "json" on 18) and gives its result, or Odoo's error as a business rule. */
  async jsonRoute<T>(path: string, params: Record<string, unknown>): Promise<T> {
    const response = await this.#send(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params }) });
    const text = await response.text();
    let answer: { result?: T; error?: { data?: { name?: string; message?: string }; message?: string } };
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      throw new TransportError(`${this.baseUrl}${withoutAccessTokens(path)} answered HTTP ${response.status} with something that is not JSON (as "${this.login}")`, this.baseUrl, response.status);
    }
    if (answer.error) {
      const { name = '', message = answer.error.message ?? '' } = answer.error.data ?? {};
      throw new BusinessRuleError(`${withoutAccessTokens(path)} failed in Odoo for "${this.login}": ${message || name}`, name);
    }
    return answer.result as T;
  }

  /** Ends the session on the server: its cookie no longer logs anyone in. */
  async logOut(): Promise<void> {
    if (this.#cookie) await this.jsonRoute('/web/session/destroy', {});
    this.#cookie = undefined;
  }

  async #follow(path: string, init: RequestInit): Promise<PortalPage> {
    let response = await this.#send(path, init);
    let current = path;
    for (let hop = 0; [301, 302, 303, 307, 308].includes(response.status); hop += 1) {
      const location = response.headers.get('location');
      if (!location || hop === MAX_REDIRECTS) throw new TransportError(`${this.baseUrl}${withoutAccessTokens(path)} kept redirecting (last to ${location ? withoutAccessTokens(location) : 'nowhere'})`, this.baseUrl, response.status);
      const next = new URL(location, `${this.baseUrl}${current}`);
      current = `${next.pathname}${next.search}`;
      response = await this.#send(current, { method: 'GET' });
    }
    return { status: response.status, path: current, html: await response.text() };
  }

  async #send(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        ...init,
        redirect: 'manual',
        headers: { ...(init.headers as Record<string, string> | undefined), ...(this.#cookie ? { Cookie: this.#cookie } : {}) },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new TransportError(`Odoo is not reachable at ${this.baseUrl}: ${networkReason(error, this.timeoutMs)}`, this.baseUrl);
    }
    // Odoo rotates the session at login: the latest cookie is the session.
    const session = /(?:^|[\s,])session_id=([^;,\s]+)/.exec(response.headers.getSetCookie().join(', '))?.[1];
    if (session) this.#cookie = `session_id=${session}`;
    return response;
  }
}
