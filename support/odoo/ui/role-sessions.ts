import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import type { HarnessEnvironment } from '../../config/environment';
import { ConfigError } from '../../config/errors';
import type { Secret } from '../../config/secret';
import { roleCredentials } from '../roles';
import type { VersionProfile } from '../version-profile';
import type { UiEvidence } from './evidence-hook';
import { screenContextOptions, type Screen } from './screens';
import { trackActivity } from './idle';
import { endSession, logInThroughForm, sessionStateThroughEndpoint, type SessionState } from './login';
import { OdooWebClient } from './web-client';

export interface RoleSessionOptions {
  /** "form" types into /web/login as a person would; "session-endpoint" is ~5x faster. */
  loginVia?: 'form' | 'session-endpoint';
  evidence?: UiEvidence;
  contextOptions?: BrowserContextOptions;
  timeoutMs?: number;
}

/** The browser, or how to open it when a role first needs a page: a worker whose scenarios run over RPC never starts one. */
export type BrowserSource = Browser | (() => Promise<Browser>);

/**
 * Pages logged in as a role. Each role logs in once (per instance: one per
 * Playwright worker) and its storage state is reused by every page after that.
 * The states live in memory only, and `close` ends their sessions on the
 * server: no cookie outlives the run (a failed scenario's trace keeps one).
 *
 *   const sessions = new RoleSessions(browser, environment, profile);
 *   const sales = await sessions.webClient('sales');   // an OdooWebClient
 *   const page = await sessions.page('warehouse');     // a bare Playwright page
 */
export class RoleSessions {
  readonly #states = new Map<string, Promise<SessionState>>();
  readonly #contexts: BrowserContext[] = [];
  readonly #rolePages = new Map<string, Promise<Page>>();
  #browser: Promise<Browser> | undefined;

  constructor(
    private readonly browserSource: BrowserSource,
    private readonly environment: HarnessEnvironment,
    private readonly profile: VersionProfile,
    private readonly options: RoleSessionOptions = {},
  ) {}

  /** A new page (in its own context) logged in as the role, on the desktop or on a tablet (the device emulated, touch on). */
  async page(role: string, screen: Screen = 'desktop'): Promise<Page> {
    const storageState = await this.storageState(role);
    const context = await this.newContext({ storageState, ...screenContextOptions(screen) });
    return context.newPage();
  }

  async webClient(role: string, screen: Screen = 'desktop'): Promise<OdooWebClient> {
    return this.#webClient(await this.page(role, screen), this.#credentials(role).login, this.#secrets(role));
  }

  /** A page of a visitor who is not logged in (the shop's guest customer). */
  async guest(): Promise<OdooWebClient> {
    const context = await this.newContext();
    return this.#webClient(await context.newPage(), 'public visitor', this.#secrets());
  }

  #webClient(page: Page, login: string, secrets: Secret[]): OdooWebClient {
    return new OdooWebClient(page, {
      baseUrl: this.environment.odoo.url,
      profile: this.profile,
      login,
      ...(this.options.evidence ? { evidence: this.options.evidence } : {}),
      ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
      secrets,
    });
  }

  /** A context with the activity tracker (for the shop's anonymous customer, among others). */
  async newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const context = await (await this.#openedBrowser()).newContext({ ...this.options.contextOptions, ...options });
    await trackActivity(context);
    this.#contexts.push(context);
    return context;
  }

  /**
   * The role's own page on a screen, opened the first time it is asked for and kept: a
   * role's later acts, in this scenario or the next, move within the web
   * client it already loaded (its assets cached, its menus read), as a
   * person's do. Loading the web client in a new context takes seconds.
   */
  rolePage(role: string, screen: Screen = 'desktop'): Promise<Page> {
    const key = `${role.toUpperCase()} on the ${screen}`;
    let page = this.#rolePages.get(key);
    if (!page) {
      page = this.page(role, screen);
      page.catch(() => this.#rolePages.delete(key));
      this.#rolePages.set(key, page);
    }
    return page;
  }

  /** Closes a page and its context (one of this instance's) before the worker ends; a role page closed is opened afresh when next asked for. */
  async closePage(page: Page): Promise<void> {
    for (const [role, kept] of this.#rolePages) if ((await kept.catch(() => undefined)) === page) this.#rolePages.delete(role);
    const context = page.context();
    const at = this.#contexts.indexOf(context);
    if (at >= 0) this.#contexts.splice(at, 1);
    await context.close();
  }

  /** The storage state of the role, logging in the first time. */
  storageState(role: string): Promise<SessionState> {
    const key = role.toUpperCase();
    let state = this.#states.get(key);
    if (!state) {
      state = this.#logIn(key);
      state.catch(() => this.#states.delete(key));
      this.#states.set(key, state);
    }
    return state;
  }

  /** Closes the pages and logs every role out on the server. */
  async close(): Promise<void> {
    this.#rolePages.clear();
    await Promise.all(this.#contexts.splice(0).map((context) => context.close().catch(() => undefined)));
    const states = [...this.#states.values()];
    this.#states.clear();
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    await Promise.all(states.map(async (state) => endSession(this.environment.odoo.url, await state, timeoutMs).catch(() => undefined)));
    // A browser these sessions opened is theirs to close; one handed in belongs to the caller.
    const opened = typeof this.browserSource === 'function' ? this.#browser : undefined;
    this.#browser = undefined;
    await opened?.then((browser) => browser.close()).catch(() => undefined);
  }

  #openedBrowser(): Promise<Browser> {
    if (!this.#browser) {
      const source = this.browserSource;
      this.#browser = typeof source === 'function' ? source() : Promise.resolve(source);
      this.#browser.catch(() => (this.#browser = undefined));
    }
    return this.#browser;
  }

  async #logIn(role: string): Promise<SessionState> {
    const credentials = this.#credentials(role);
    const { url, db } = this.environment.odoo;
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    if (this.options.loginVia === 'session-endpoint') return sessionStateThroughEndpoint(url, db, credentials, timeoutMs);
    const context = await (await this.#openedBrowser()).newContext(this.options.contextOptions);
    try {
      await logInThroughForm(await context.newPage(), url, credentials, timeoutMs);
      return (await context.storageState()) as SessionState;
    } finally {
      await context.close();
    }
  }

  #credentials(role: string) {
    const key = role.toUpperCase();
    const credentials = roleCredentials(this.environment, key);
    if (!credentials) {
      throw new ConfigError(
        `${this.environment.file}: no user for role ${key}: set UAT_ROLE_${key}_LOGIN and UAT_ROLE_${key}_PASSWORD, ` +
          'or UAT_PROVISION_ROLES=true to let the harness create one',
      );
    }
    return credentials;
  }

  /** The passwords an attachment must never show: the set-up user's, the API key, the roles'. */
  #secrets(role?: string): Secret[] {
    const { admin, apiKey } = this.environment.odoo;
    const rolePasswords = Object.values(this.environment.roles).map((r) => r.password);
    const own = role ? [this.#credentials(role).password] : [];
    return [admin.password, apiKey, ...own, ...rolePasswords].filter((secret) => secret !== undefined);
  }
}
