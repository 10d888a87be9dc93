import OdooAwait from 'odoo-await';
import type { Secret } from '../../config/secret';
import { AuthenticationError, TransportError } from '../errors';
import { errorFromXmlRpcFault, isNoneMarshalFault, type CallSite } from './faults';
import { withoutUndefined, type RpcCall, type RpcTransport } from './transport';

/**
 * Arguments that XML-RPC must send positionally: call_kw reads create's
 * values from args[0] to shape its answer, and before 19 some models name
 * write's argument otherwise (res.company.write(values) on 18).
 */
const POSITIONAL_FIRST: Record<string, string> = { create: 'vals_list', write: 'vals' };

export interface XmlRpcOptions {
  url: string;
  db: string;
  login: string;
  password: Secret;
  timeoutMs: number;
  /** The user id the run already logged this user in as: calls need no login first. */
  knownUid?: number;
}

/**
 * XML-RPC through odoo-await, adding what it lacks: named arguments and a
 * context on every call, undefined values stripped, a time limit, methods
 * that return None treated as success, and Odoo's faults as typed errors.
 */
export class XmlRpcTransport implements RpcTransport {
  readonly kind = 'xmlrpc';
  readonly #odoo: OdooAwait;
  #uid = 0;

  constructor(private readonly options: XmlRpcOptions) {
    this.#odoo = new OdooAwait({
      baseUrl: options.url,
      db: options.db,
      username: options.login,
      password: options.password.reveal(),
    });
    // odoo-await sends its instance's uid with every call (its typings declare it static).
    if (options.knownUid) Object.assign(this.#odoo, { uid: (this.#uid = options.knownUid) });
  }

  async authenticate(): Promise<number> {
    const site = this.#site('res.users', 'authenticate');
    try {
      this.#uid = await this.#withTimeout(this.#odoo.connect() as Promise<number>, site);
    } catch (error) {
      if (typeof error === 'string') {
        // odoo-await rejects with a sentence when Odoo answers uid=false.
        throw new AuthenticationError(
          `Odoo refused login "${this.options.login}" on database "${this.options.db}" at ${this.options.url}: wrong login or password`,
          this.options.login,
        );
      }
      throw this.#translate(error, site);
    }
    return this.#uid;
  }

  async call({ model, method, ids, kwargs = {}, context }: RpcCall): Promise<unknown> {
    if (!this.#uid) await this.authenticate();
    const site = this.#site(model, method);
    // execute_kw unshifts db/uid/password into the array it is given: build a fresh one per call.
    const positional: unknown[] = ids ? [[...ids]] : [];
    const named: Record<string, unknown> = withoutUndefined({ ...kwargs, ...(context ? { context } : {}) });
    const first = POSITIONAL_FIRST[method];
    if (first && first in named) {
      positional.push(named[first]);
      delete named[first];
    }
    try {
      return await this.#withTimeout(this.#odoo.execute_kw(model, method, [positional, named]), site);
    } catch (error) {
      if (isNoneMarshalFault(error as { faultString?: string })) return null;
      throw this.#translate(error, site);
    }
  }

  #site(model: string, method: string): CallSite {
    return { url: this.options.url, model, method, login: this.options.login };
  }

  #translate(error: unknown, site: CallSite): Error {
    if (error instanceof Error && 'faultCode' in error) return errorFromXmlRpcFault(error as never, site);
    if (error instanceof TransportError || error instanceof AuthenticationError) return error;
    const err = error as { code?: string; message?: string };
    const reason =
      err.code === 'ECONNREFUSED'
        ? 'connection refused (is the server running, on this port?)'
        : err.code === 'ENOTFOUND'
          ? 'host name not found'
          : /Unknown XML-RPC tag|Unexpected|Non-whitespace/.test(err.message ?? '')
            ? 'the answer is not XML-RPC (is the "rpc" module installed, and is this the Odoo URL?)'
            : (err.message ?? String(error));
    return new TransportError(`Odoo is not reachable over XML-RPC at ${site.url}: ${reason}`, site.url);
  }

  #withTimeout<T>(promise: Promise<T>, site: CallSite): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new TransportError(`${site.model}.${site.method} got no answer from ${site.url} within ${this.options.timeoutMs / 1000} s`, site.url)),
        this.options.timeoutMs,
      );
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}
