import type { Secret } from '../../config/secret';
import { TransportError } from '../errors';
import { networkReason } from '../server';
import { errorFromJson2, type CallSite } from './faults';
import { withoutUndefined, type RpcCall, type RpcTransport } from './transport';

export interface Json2Options {
  url: string;
  db: string;
  /** Shown in errors: the user the API key belongs to. */
  login: string;
  apiKey: Secret;
  timeoutMs: number;
}

/**
 * Odoo 19's JSON-2 API: POST /json/2/<model>/<method> with a bearer API key
 * and named arguments ({ ids, context, ...kwargs }).
 */
export class Json2Transport implements RpcTransport {
  readonly kind = 'json2';
  #uid = 0;

  constructor(private readonly options: Json2Options) {}

  /** An API key has no login step: the user's context says whose it is (uid), which also proves it works (seen on 19). */
  async authenticate(): Promise<number> {
    const context = (await this.call({ model: 'res.users', method: 'context_get' })) as { uid?: number };
    this.#uid = context.uid ?? 0;
    return this.#uid;
  }

  async call({ model, method, ids, kwargs = {}, context }: RpcCall): Promise<unknown> {
    const site: CallSite = { url: this.options.url, model, method, login: this.options.login };
    const endpoint = `${this.options.url}/json/2/${model}/${method}`;
    const body = withoutUndefined({ ...kwargs, ...(ids ? { ids } : {}), ...(context ? { context } : {}) });
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          Authorization: `bearer ${this.options.apiKey.reveal()}`,
          'X-Odoo-Database': this.options.db,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new TransportError(`Odoo is not reachable over JSON-2 at ${this.options.url}: ${networkReason(error, this.options.timeoutMs)}`, this.options.url);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      throw new TransportError(
        `${endpoint} answered HTTP ${response.status} with something that is not JSON: is this Odoo 19 or newer with the "rpc" module?`,
        this.options.url,
        response.status,
      );
    }
    if (!response.ok) throw errorFromJson2(response.status, parsed, site);
    return parsed;
  }
}
