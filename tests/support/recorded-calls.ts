import type { RpcCall, RpcTransport, TransportKind } from '../../support/odoo/rpc/transport';

/** One RPC call and what Odoo answered, as recorded from a live server. */
export interface RecordedCall {
  call: Omit<RpcCall, 'context'>;
  result?: unknown;
  error?: { name: string; message: string };
}

/** A call's identity for replay: model, method, ids and arguments (the context is the harness's own). */
export function callKey(call: Omit<RpcCall, 'context'>): string {
  return JSON.stringify([call.model, call.method, call.ids ?? null, call.kwargs ?? null]);
}

/** Passes calls to a live transport and keeps each with its answer while `recording` is on. */
export class RecordingTransport implements RpcTransport {
  recording = false;
  calls: RecordedCall[] = [];

  constructor(private readonly inner: RpcTransport) {}

  get kind(): TransportKind {
    return this.inner.kind;
  }

  authenticate(): Promise<number> {
    return this.inner.authenticate();
  }

  async call(call: RpcCall): Promise<unknown> {
    const recorded: RecordedCall = { call: { model: call.model, method: call.method, ...(call.ids ? { ids: call.ids } : {}), ...(call.kwargs ? { kwargs: call.kwargs } : {}) } };
    try {
      recorded.result = await this.inner.call(call);
      return recorded.result;
    } catch (error) {
      recorded.error = { name: (error as Error).name, message: (error as Error).message };
      throw error;
    } finally {
      if (this.recording) this.calls.push(recorded);
    }
  }
}

/**
 * Answers calls from a recording, by identity, any number of times. A call
 * the recording does not hold fails naming it, so a drift is a clear
 * failure, never a silent pass.
 */
export class ReplayTransport implements RpcTransport {
  readonly kind: TransportKind = 'xmlrpc';
  readonly #answers = new Map<string, RecordedCall>();

  constructor(calls: RecordedCall[]) {
    for (const recorded of calls) this.#answers.set(callKey(recorded.call), recorded);
  }

  async authenticate(): Promise<number> {
    return 2;
  }

  async call(call: RpcCall): Promise<unknown> {
    const recorded = this.#answers.get(callKey(call));
    if (!recorded) throw new Error(`unrecorded call ${callKey(call)}: re-record with tests/recorder/record-checks.ts`);
    if (recorded.error) throw Object.assign(new Error(recorded.error.message), { name: recorded.error.name });
    return structuredClone(recorded.result);
  }
}
