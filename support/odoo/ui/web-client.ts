import { ConfigError } from '../../config/errors';
import type { Locator, Page } from '@playwright/test';
import { redact, withoutAccessTokens, type Secret } from '../../config/secret';
import { OdooError } from '../errors';
import type { VersionProfile } from '../version-profile';
import { DANGER_NOTIFICATION, ERROR_DIALOG, errorFromShown, forgetRpcFailures, readRpcFailures, readShownError } from './error-dialog';
import { noEvidence, type UiEvidence } from './evidence-hook';
import { compactScreenshot, SCREENSHOT_CONTENT_TYPE } from './screenshot';
import { waitForOdooIdle } from './idle';

export interface WebClientOptions {
  baseUrl: string;
  profile: VersionProfile;
  /** The user the page is logged in as (for error messages). */
  login: string;
  evidence?: UiEvidence;
  /** Longest wait for one action to settle. */
  timeoutMs?: number;
  /** Values that must never reach an attachment (the run's passwords). */
  secrets?: Secret[];
}

export interface ActionTiming {
  action: string;
  ms: number;
}

/**
 * One logged-in page of the web client (or the shop), and the rule every UI
 * action follows: run it as a step, wait until Odoo is idle, turn an error
 * dialog into a typed error, attach a screenshot; on failure attach the page
 * and Odoo's error text.
 */
export class OdooWebClient {
  readonly timings: ActionTiming[] = [];
  readonly evidence: UiEvidence;
  readonly timeoutMs: number;

  constructor(
    readonly page: Page,
    private readonly options: WebClientOptions,
  ) {
    this.evidence = options.evidence ?? noEvidence;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  get profile(): VersionProfile {
    return this.options.profile;
  }

  get login(): string {
    return this.options.login;
  }

  url(path: string): string {
    return `${this.options.baseUrl}${path}`;
  }

  /** Runs one user action with its waiting, error check and evidence. */
  async act<T>(title: string, action: () => Promise<T>): Promise<T> {
    return this.evidence.step(title, async () => {
      const started = performance.now();
      try {
        await forgetRpcFailures(this.page).catch(() => undefined);
        const result = await action();
        await this.settle();
        this.timings.push({ action: title, ms: Math.round(performance.now() - started) });
        await this.evidence.attach(`${title} (screenshot)`, await compactScreenshot(this.page), SCREENSHOT_CONTENT_TYPE);
        return result;
      } catch (error) {
        await this.#attachFailure(title, error);
        throw error;
      }
    });
  }

  /** Waits until Odoo is idle, then throws the typed error of any error dialog or red notification. */
  async settle(): Promise<void> {
    await waitForOdooIdle(this.page, this.timeoutMs);
    await this.throwShownError();
  }

  async throwShownError(): Promise<void> {
    const shown = await readShownError(this.page);
    if (shown) throw errorFromShown(shown, await readRpcFailures(this.page), this.options.baseUrl, this.options.login);
  }

  /**
   * Waits for an element the action should bring, unless Odoo answers with an
   * error first: then the error, not a timeout, is what the step reports.
   */
  async expectVisible(locator: Locator): Promise<void> {
    const error = this.page.locator(`${ERROR_DIALOG}, ${DANGER_NOTIFICATION}`);
    await locator.or(error).first().waitFor({ state: 'visible', timeout: this.timeoutMs });
    await this.throwShownError();
  }

  /**
   * Shows a record's form. A page that already runs the web client moves to it
   * through the web client's own action service, as a link inside the app
   * does; loading the address instead would start the whole web client again
   * (its assets, session and menus), about a second per record. Other pages
   * (a blank one, the shop) load the record's address.
   */
  async showRecord(model: string, id: number): Promise<void> {
    await this.#showForm({ model, id }, this.profile.recordPath(model, id), `${model} ${id}`);
  }

  /**
   * Shows a new record's form, as showRecord shows a record; `defaults` are
   * the form's default values (as a menu's action puts them in its context),
   * and `address` the page that shows the same form to a page that does not
   * run the web client yet.
   */
  async showNewRecord(model: string, address: string, defaults: Record<string, unknown> = {}): Promise<void> {
    const context = Object.fromEntries(Object.entries(defaults).map(([field, value]) => [`default_${field}`, value]));
    await this.#showForm({ model, context }, address, `a new ${model}`);
  }

  /** The id of the record the form shows, from the address the web client gives it (/odoo/.../<id> from 18, #id=<id> on 17). */
  shownRecordId(): number | undefined {
    const url = new URL(this.page.url());
    const id = Number(/\/(\d+)$/.exec(url.pathname)?.[1] ?? /[&#?]id=(\d+)/.exec(url.hash || url.search)?.[1]);
    return Number.isInteger(id) && id > 0 ? id : undefined;
  }

  async #showForm(form: { model: string; id?: number; context?: Record<string, unknown> }, address: string, shown: string): Promise<void> {
    const outcome = await this.page.evaluate(
      async ({ model, id, context }) => {
        type ActionService = { doAction(action: object, options: object): Promise<unknown> };
        const root = (globalThis as { odoo?: { __WOWL_DEBUG__?: { root?: { env?: { services?: { action?: ActionService } } } } } }).odoo?.__WOWL_DEBUG__?.root;
        const actions = root?.env?.services?.action;
        if (!actions) return 'not in the web client';
        try {
          await actions.doAction({ type: 'ir.actions.act_window', res_model: model, ...(id ? { res_id: id } : {}), views: [[false, 'form']], context: context ?? {} }, { clearBreadcrumbs: true });
          return 'shown';
        } catch (error) {
          // Left unhandled, as a failed click's is: Odoo's error service shows it in its dialog.
          void Promise.reject(error);
          return 'refused';
        }
      },
      form,
    );
    if (outcome === 'not in the web client') return this.goto(address);
    if (outcome === 'refused') {
      await this.expectVisible(this.page.locator(`${ERROR_DIALOG}, ${DANGER_NOTIFICATION}`));
      throw new OdooError(`Odoo would not open ${shown} for ${this.login}`);
    }
  }

  async goto(path: string): Promise<void> {
    const response = await this.page.goto(this.url(path));
    // A server with several databases and no dbfilter serves no database to a visitor without a session (seen on 19).
    if (response?.status() === 404 && (await response.text()).includes('No database is selected')) {
      throw new ConfigError(
        `${this.options.baseUrl} serves no database to a visitor who is not logged in (${path}): it has several databases and no dbfilter; ` +
          'give the test server one database, or a dbfilter that picks it',
      );
    }
  }

  async #attachFailure(title: string, error: unknown): Promise<void> {
    const secrets = this.options.secrets ?? [];
    const reason = error instanceof OdooError ? `${error.constructor.name}: ${error.message}` : String(error);
    await this.evidence.attach(`${title} failed: Odoo's error`, redact(reason, secrets), 'text/plain').catch(() => undefined);
    const html = await this.page.content().catch(() => undefined);
    if (html) await this.evidence.attach(`${title} failed: the page`, withoutAccessTokens(redact(html, secrets)), 'text/html').catch(() => undefined);
    const screenshot = await compactScreenshot(this.page, { fullPage: true }).catch(() => undefined);
    if (screenshot) await this.evidence.attach(`${title} failed (screenshot)`, screenshot, SCREENSHOT_CONTENT_TYPE).catch(() => undefined);
  }
}
