import type { OutageWatch } from '../outage';
import { backoffMs, CONCURRENCY_ATTEMPTS, ContentionLog, isConcurrencyFailure, sleep, type ContentionWait } from './contention';
import type { ReadMemo } from './read-memo';
import type { RpcCall, RpcTransport, TransportKind } from './transport';

/** Methods that only read: they pass even where the environment forbids writes. */
const READ_ONLY_METHODS = new Set([
  'read',
  'search',
  'search_read',
  'search_count',
  'fields_get',
  'name_search',
  'read_group',
  'formatted_read_group',
  'web_read',
  'web_search_read',
  'context_get',
  'has_group',
  'has_access',
  'check_access_rights',
  'default_get',
  'get_views',
  'authenticate',
]);

export type Domain = unknown[];
export type Values = Record<string, unknown>;
export type Context = Record<string, unknown>;

export interface CallOptions {
  ids?: readonly number[];
  kwargs?: Record<string, unknown>;
  context?: Context;
}

export interface SearchOptions {
  limit?: number;
  order?: string;
  context?: Context;
}

export interface ClientOptions {
  transport: RpcTransport;
  login: string;
  /** Throws when the environment is not a test target; called before any method that may write. */
  assertWritable: () => void;
  /** Merged under every call's own context (e.g. lang, tz). */
  baseContext?: Context;
  /** Retries reads while Odoo is briefly gone, and stops calling it once the run gave up on it. */
  outage?: OutageWatch;
  /** The user id the run already logged this user in as: no login again. */
  knownUid?: number;
  /** Shared by the run's clients: reads answered since the last change. */
  memo?: ReadMemo;
  /** Where waits forced by other users of the database are noted, for the scenario's evidence. */
  contention?: ContentionLog;
}

/** Reads whose answers a memo may share (a login, or a method's defaults, are not the record's state). */
const MEMOISED_METHODS = new Set(['read', 'search_read', 'search', 'search_count', 'read_group', 'formatted_read_group', 'web_read', 'web_search_read']);

/**
 * The harness's view of one Odoo user over RPC: any method on any model, a
 * context on every call, typed errors from the transport, a write guard, and a
 * count of calls for the run's statistics.
 */
export class OdooClient {
  #calls = 0;
  #uid: number | undefined;
  readonly #fieldNames = new Map<string, Promise<Set<string>>>();
  readonly #contention: ContentionLog;

  constructor(private readonly options: ClientOptions) {
    this.#uid = options.knownUid;
    this.#contention = options.contention ?? new ContentionLog();
  }

  get login(): string {
    return this.options.login;
  }

  get transport(): TransportKind {
    return this.options.transport.kind;
  }

  /** RPC calls made so far through this client. */
  get callCount(): number {
    return this.#calls;
  }

  /** Logs in once; later calls reuse the session. */
  async uid(): Promise<number> {
    if (this.#uid === undefined) {
      this.#calls += 1;
      this.#uid = await this.options.transport.authenticate();
    }
    return this.#uid;
  }

  /** Calls any public method; record methods get `ids`, model methods none. */
  async call<T = unknown>(model: string, method: string, options: CallOptions = {}): Promise<T> {
    const reads = READ_ONLY_METHODS.has(method);
    if (!reads) this.options.assertWritable();
    const context = { ...this.options.baseContext, ...options.context };
    const call: RpcCall = {
      model,
      method,
      ...(options.ids ? { ids: options.ids } : {}),
      ...(options.kwargs ? { kwargs: options.kwargs } : {}),
      ...(Object.keys(context).length ? { context } : {}),
    };
    const sendOnce = () => {
      this.#calls += 1;
      const sent = () => this.options.transport.call(call);
      return (this.options.outage ? this.options.outage.call(sent, reads) : sent()) as Promise<T>;
    };
    const send = () => this.#retryingConcurrencyFailures(`${model}.${method}`, sendOnce);
    const { memo } = this.options;
    if (!memo) return send();
    if (MEMOISED_METHODS.has(method)) return memo.answer(`${this.login}\n${JSON.stringify(call)}`, send);
    if (reads) return send();
    // A change: what was read before it is gone, and so is what was read while it ran.
    memo.forget();
    try {
      return await send();
    } finally {
      memo.forget();
    }
  }

  /** Notes a wait that another user of the database forced on this client's caller (a busy scheduled job, say). */
  noteContention(wait: ContentionWait): void {
    this.#contention.note(wait);
  }

  /**
   * Sends a call again when Odoo gave up on a concurrent update after its own
   * retries: it rolled the whole request back, so nothing is done twice.
   */
  async #retryingConcurrencyFailures<T>(what: string, send: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await send();
      } catch (error) {
        if (!isConcurrencyFailure(error) || attempt === CONCURRENCY_ATTEMPTS) throw error;
        const waitedMs = backoffMs(attempt);
        this.noteContention({ what, reason: error.odooException, attempt: attempt + 1, waitedMs });
        await sleep(waitedMs);
      }
    }
  }

  read<T = Values>(model: string, ids: readonly number[], fields: string[], context?: Context): Promise<T[]> {
    return this.call<T[]>(model, 'read', { ids, kwargs: { fields }, ...(context ? { context } : {}) });
  }

  /** Reads one record, failing with the model and id when it is gone. */
  async readOne<T = Values>(model: string, id: number, fields: string[], context?: Context): Promise<T> {
    const [record] = await this.read<T>(model, [id], fields, context);
    if (!record) throw new Error(`${model} ${id} does not exist (or ${this.login} cannot see it)`);
    return record;
  }

  searchRead<T = Values>(model: string, domain: Domain, fields: string[], options: SearchOptions = {}): Promise<T[]> {
    const { context, ...rest } = options;
    return this.call<T[]>(model, 'search_read', { kwargs: { domain, fields, ...rest }, ...(context ? { context } : {}) });
  }

  search(model: string, domain: Domain, options: SearchOptions = {}): Promise<number[]> {
    const { context, ...rest } = options;
    return this.call<number[]>(model, 'search', { kwargs: { domain, ...rest }, ...(context ? { context } : {}) });
  }

  searchCount(model: string, domain: Domain, context?: Context): Promise<number> {
    return this.call<number>(model, 'search_count', { kwargs: { domain }, ...(context ? { context } : {}) });
  }

  /** Creates one record and returns its id. */
  async create(model: string, values: Values, context?: Context): Promise<number> {
    const ids = await this.call<number[] | number>(model, 'create', { kwargs: { vals_list: [values] }, ...(context ? { context } : {}) });
    const id = Array.isArray(ids) ? ids[0] : ids;
    if (typeof id !== 'number') throw new Error(`${model}.create returned no id`);
    return id;
  }

  /** The fields a model has on this server, asked once per model. */
  fieldNames(model: string): Promise<Set<string>> {
    let names = this.#fieldNames.get(model);
    if (!names) {
      names = this.call<Record<string, unknown>>(model, 'fields_get', { kwargs: { attributes: ['type'] } }).then((fields) => new Set(Object.keys(fields)));
      names.catch(() => this.#fieldNames.delete(model));
      this.#fieldNames.set(model, names);
    }
    return names;
  }

  async write(model: string, ids: readonly number[], values: Values, context?: Context): Promise<void> {
    await this.call(model, 'write', { ids, kwargs: { vals: values }, ...(context ? { context } : {}) });
  }
}
