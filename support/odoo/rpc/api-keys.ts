import { Secret } from '../../config/secret';
import { AuthenticationError, BusinessRuleError, TransportError } from '../errors';
import { networkReason } from '../server';
import { KEPT_KEY_LIFETIME_HOURS, type KeptKeys } from './kept-keys';

/** How long a key of a run lives if the run cannot revoke it (killed): a long rehearsal's length, no more. */
export const KEY_LIFETIME_HOURS = 6;

/** Every key the harness makes is named so, with the run it belongs to: what a clean-up or an audit looks for. */
export const KEY_NAME_PREFIX = 'uat-harness';

export interface KeyRingOptions {
  url: string;
  db: string;
  timeoutMs: number;
  /** Names the keys: the run id, or "doctor". */
  label: string;
  /** Where keys are kept for later runs; without it, every key made is revoked by revokeAll. */
  kept?: KeptKeys;
}

interface IssuedKey {
  login: string;
  key: Secret;
  name: string;
  /** Made by this ring (with the session and password that revoke it), or found kept by an earlier run. */
  origin: { made: { session: WebSession; password: Secret } } | { found: true };
}

/**
 * JSON-2 API keys, made through the web session of each user from its
 * password (Odoo 19 makes a user confirm its password before a key is made:
 * res.users.identitycheck) and revoked the same way. With a store of kept
 * keys (KeptKeys), a key found there is used instead, and a key made is kept
 * there for later runs until it expires; without one, keys live in memory
 * only and each run revokes its own.
 */
export class ApiKeyRing {
  readonly #issued = new Map<string, IssuedKey>();
  /** Keys being made: a second ask for the same user waits for the first rather than making another key. */
  readonly #making = new Map<string, Promise<Secret>>();

  constructor(private readonly options: KeyRingOptions) {}

  /** The key of a user: a kept one, else made on first ask; then the same one. */
  keyFor(login: string, password: Secret): Promise<Secret> {
    const known = this.#issued.get(login);
    if (known) return Promise.resolve(known.key);
    let making = this.#making.get(login);
    if (!making) {
      const { kept } = this.options;
      making = (kept ? kept.alone(() => this.#keptOrMade(kept, login, password)) : this.#make(login, password)).finally(() => this.#making.delete(login));
      this.#making.set(login, making);
    }
    return making;
  }

  async #keptOrMade(kept: KeptKeys, login: string, password: Secret): Promise<Secret> {
    const found = kept.usable(login, password);
    if (!found) return this.#make(login, password);
    this.#issued.set(login, { login, key: found.key, name: found.name, origin: { found: true } });
    return found.key;
  }

  /**
   * Runs `use` with the user's key. A kept key that Odoo refuses (revoked,
   * or the database restored from before it) is replaced by a new one, once.
   */
  async withKey<T>(login: string, password: Secret, use: (key: Secret) => Promise<T>): Promise<T> {
    const key = await this.keyFor(login, password);
    try {
      return await use(key);
    } catch (error) {
      const issued = this.#issued.get(login);
      if (!(error instanceof AuthenticationError) || !issued || !('found' in issued.origin)) throw error;
      this.options.kept?.forget(login);
      this.#issued.delete(login);
      return use(await this.keyFor(login, password));
    }
  }

  async #make(login: string, password: Secret): Promise<Secret> {
    const session = new WebSession(this.options.url, this.options.timeoutMs, login);
    await session.authenticate(this.options.db, password);
    const name = `${KEY_NAME_PREFIX} ${this.options.label} ${login}`;
    const lifetimeHours = this.options.kept ? KEPT_KEY_LIFETIME_HOURS : KEY_LIFETIME_HOURS;
    const expires = new Date(Date.now() + lifetimeHours * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const wizard = await session.call<number>('res.users.apikeys.description', 'create', [{ name, duration: '-1', expiration_date: expires }]);
    const shown = await session.confirmed(await session.call<OdooAction>('res.users.apikeys.description', 'make_key', [[wizard]]), password);
    const value = shown?.context?.default_key;
    if (typeof value !== 'string' || !value) throw new TransportError(`${this.options.url} made no API key for "${login}" (no key in its answer)`, this.options.url);
    const key = new Secret(value);
    this.#issued.set(login, { login, key, name, origin: { made: { session, password } } });
    this.options.kept?.keep(login, password, { key, name, expires: `${expires.replace(' ', 'T')}Z` });
    return key;
  }

  /** The users this ring made a key for (the keys themselves reach workers through the gateway's identities). */
  logins(): string[] {
    return [...this.#issued.values()].filter((issued) => 'made' in issued.origin).map((issued) => issued.login);
  }

  /** The users whose key an earlier run kept. */
  keptLogins(): string[] {
    return [...this.#issued.values()].filter((issued) => 'found' in issued.origin).map((issued) => issued.login);
  }

  /**
   * Revokes every key this ring made and did not keep, each through its
   * user's session; says which could not be. Kept keys stay for later runs.
   */
  async revokeAll(): Promise<{ revoked: string[]; failed: string[] }> {
    const revoked: string[] = [];
    const failed: string[] = [];
    for (const issued of this.#issued.values()) {
      if (this.options.kept || !('made' in issued.origin)) continue;
      const { session, password } = issued.origin.made;
      try {
        const ids = await session.call<number[]>('res.users.apikeys', 'search', [[['name', '=', issued.name]]]);
        if (ids.length) await session.confirmed(await session.call<OdooAction>('res.users.apikeys', 'remove', [ids]), password);
        revoked.push(issued.login);
      } catch (error) {
        failed.push(`${issued.login} (${(error as Error).message})`);
      }
    }
    this.#issued.clear();
    return { revoked, failed };
  }
}

interface OdooAction {
  res_model?: string;
  res_id?: number;
  context?: { default_key?: unknown };
}

/** A web-client session of one user: the JSON-RPC routes the browser uses, with its cookie. */
class WebSession {
  #cookie: string | undefined;

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
    private readonly login: string,
  ) {}

  async authenticate(db: string, password: Secret): Promise<void> {
    await this.#post('/web/session/authenticate', { db, login: this.login, password: password.reveal() });
  }

  call<T>(model: string, method: string, args: unknown[], context?: Record<string, unknown>): Promise<T> {
    return this.#post(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs: context ? { context } : {} }) as Promise<T>;
  }

  /**
   * Finishes a sensitive call: Odoo answers it with an identity check
   * (unless one passed in the last 10 minutes), which the password passes;
   * the check then runs the call and gives its answer.
   */
  async confirmed(answer: OdooAction, password: Secret): Promise<OdooAction | undefined> {
    if (answer?.res_model !== 'res.users.identitycheck') return answer;
    return this.call<OdooAction>('res.users.identitycheck', 'run_check', [[answer.res_id]], { password: password.reveal() });
  }

  async #post(route: string, params: Record<string, unknown>): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.url}${route}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(this.#cookie ? { Cookie: this.#cookie } : {}) },
        body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new TransportError(`Odoo is not reachable at ${this.url}: ${networkReason(error, this.timeoutMs)}`, this.url);
    }
    const session = /session_id=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
    if (session) this.#cookie = session;
    const text = await response.text();
    let body: { result?: unknown; error?: { data?: { name?: string; message?: string } } };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new TransportError(`${this.url}${route} answered HTTP ${response.status} with something that is not JSON`, this.url, response.status);
    }
    if (body.error) {
      const { name = '', message = '' } = body.error.data ?? {};
      if (name.endsWith('AccessDenied') || /incorrect password/i.test(message)) {
        throw new AuthenticationError(`Odoo refused the login or password of "${this.login}" on ${this.url} while making its API key: check its password`, this.login);
      }
      throw new BusinessRuleError(`${route} failed in Odoo for "${this.login}": ${message || name}`, name);
    }
    return body.result;
  }
}
