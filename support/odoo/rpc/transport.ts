/**
 * One call to a model method, in the shape both transports understand:
 * record methods get `ids`, model methods (@api.model) get none, and every
 * other argument is named (JSON-2 accepts named arguments only).
 */
export interface RpcCall {
  model: string;
  method: string;
  ids?: readonly number[];
  kwargs?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

export type TransportKind = 'xmlrpc' | 'json2';

export interface RpcTransport {
  readonly kind: TransportKind;
  /** Logs in (where the transport needs to) and returns the user id. */
  authenticate(): Promise<number>;
  call(call: RpcCall): Promise<unknown>;
}

/**
 * Drops undefined values at any depth: node's xmlrpc sends them as empty
 * strings, which Odoo then writes into the field.
 */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(withoutUndefined) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, withoutUndefined(v)]),
    ) as T;
  }
  return value;
}
