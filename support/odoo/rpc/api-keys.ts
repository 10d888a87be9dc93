import { Secret } from '../../config/secret';
import { AuthenticationError, BusinessRuleError, TransportError } from '../errors';
import { networkReason } from '../server';

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
}

interface IssuedKey {
  login: string;
  key: Secret;
  name: string;
  session: WebSession;
  password: Secret;
}

/**
 * Short-lived JSON-2 API keys, made through the web session of each user
 * from its password (Odoo 19 makes a user confirm its password before a key
 * is made: res.users.identitycheck) and revoked the same way. The keys live
 * in memory only, with the session and password that revoke them.
 */
export class ApiKeyRing {
  readonly #issued = new Map<string, IssuedKey>();
  /** Keys being made: a second ask for the same user waits for the first rather than making another key. */
  readonly #making = new Map<string, Promise<Secret>>();

  constructor(private readonly options: KeyRingOptions) {}

  /** The key of a user: made on first ask, then the same one. */
  keyFor(login: string, password: Secret): Promise<Secret> {
    const known = this.#issued.get(login);
    if (known) return Promise.resolve(known.key);
    let making = this.#making.get(login);
    if (!making) {
      making = this.#make(login, password).finally(() => this.#making.delete(login));
      this.#making.set(login, making);
    }
    return making;
  }

  async #make(login: string, password: Secret): Promise<Secret> {
    const session = new WebSession(this.options.url, this.options.timeoutMs, login);
    await session.authenticate(this.options.db, password);
    const name = `${KEY_NAME_PREFIX} ${this.options.label} ${login}`;
    const expires = new Date(Date.now() + KEY_LIFETIME_HOURS * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const wizard = await session.call<number>('res.users.apikeys.description', 'create', [{ name, duration: '-1', expiration_date: expires }]);
    const shown = await session.confirmed(await session.call<OdooAction>('res.users.apikeys.description', 'make_key', [[wizard]]), password);
    const value = shown?.context?.default_key;
    if (typeof value !== 'string' || !value) throw new TransportError(`${this.options.url} made no API key for "${login}" (no key in its answer)`, this.options.url);
    const key = new Secret(value);
    this.#issued.set(login, { login, key, name, session, password });
    return key;
  }

  /** The users a key was made for (the keys themselves reach workers through the gateway's identities). */
  logins(): string[] {
    return [...this.#issued.keys()];
  }

  /** Revokes every key made, each through its user's session; says which could not be. */
  async revokeAll(): Promise<{ revoked: string[]; failed: string[] }> {
    const revoked: string[] = [];
    const failed: string[] = [];
    for (const issued of this.#issued.values()) {
      try {
        const ids = await issued.session.call<number[]>('res.users.apikeys', 'search', [[['name', '=', issued.name]]]);
        if (ids.length) await issued.session.confirmed(await issued.session.call<OdooAction>('res.users.apikeys', 'remove', [ids]), issued.password);
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
