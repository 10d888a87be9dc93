import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import type { HarnessEnvironment } from '../../config/environment';
import { ConfigError } from '../../config/errors';
import type { Secret } from '../../config/secret';
import { runFolder } from '../../evidence/run-folder';
import { roleCredentials } from '../roles';
import type { VersionProfile } from '../version-profile';
import type { UiEvidence } from './evidence-hook';
import { trackActivity } from './idle';
import { logInThroughForm, sessionStateThroughEndpoint } from './login';
import { OdooWebClient } from './web-client';

export interface RoleSessionOptions {
  /** The run folder; the storage states go to <runDir>/.auth/<role>.json. */
  runDir?: string;
  /** "form" types into /web/login as a person would; "session-endpoint" is ~5x faster. */
  loginVia?: 'form' | 'session-endpoint';
  evidence?: UiEvidence;
  contextOptions?: BrowserContextOptions;
  timeoutMs?: number;
}

/**
 * Pages logged in as a role. Each role logs in once (per instance: one per
 * Playwright worker) and its storage state is reused by every page after that.
 *
 *   const sessions = new RoleSessions(browser, environment, profile);
 *   const sales = await sessions.webClient('sales');   // an OdooWebClient
 *   const page = await sessions.page('warehouse');     // a bare Playwright page
 */
export class RoleSessions {
  readonly #states = new Map<string, Promise<string>>();
  readonly #contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly environment: HarnessEnvironment,
    private readonly profile: VersionProfile,
    private readonly options: RoleSessionOptions = {},
  ) {}

  get authDir(): string {
    return path.join(this.options.runDir ?? process.env.UAT_RUN_DIR ?? runFolder('adhoc'), '.auth');
  }

  /** A new page (in its own context) logged in as the role. */
  async page(role: string): Promise<Page> {
    const storageState = await this.storageState(role);
    const context = await this.newContext({ storageState });
    return context.newPage();
  }

  async webClient(role: string): Promise<OdooWebClient> {
    return this.#webClient(await this.page(role), this.#credentials(role).login, this.#secrets(role));
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
    const context = await this.browser.newContext({ ...this.options.contextOptions, ...options });
    await trackActivity(context);
    this.#contexts.push(context);
    return context;
  }

  /** The storage-state file of the role, logging in the first time. */
  storageState(role: string): Promise<string> {
    const key = role.toUpperCase();
    let state = this.#states.get(key);
    if (!state) {
      state = this.#logIn(key);
      state.catch(() => this.#states.delete(key));
      this.#states.set(key, state);
    }
    return state;
  }

  async close(): Promise<void> {
    await Promise.all(this.#contexts.splice(0).map((context) => context.close().catch(() => undefined)));
  }

  async #logIn(role: string): Promise<string> {
    const credentials = this.#credentials(role);
    const { url, db } = this.environment.odoo;
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    mkdirSync(this.authDir, { recursive: true });
    const file = path.join(this.authDir, `${role.toLowerCase()}.json`);
    if (this.options.loginVia === 'session-endpoint') {
      writeFileSync(file, JSON.stringify(await sessionStateThroughEndpoint(url, db, credentials, timeoutMs)));
      return file;
    }
    const context = await this.browser.newContext(this.options.contextOptions);
    try {
      await logInThroughForm(await context.newPage(), url, credentials, timeoutMs);
      await context.storageState({ path: file });
      return file;
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
