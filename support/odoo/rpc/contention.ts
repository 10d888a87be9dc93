import { OdooServerError } from '../errors';

/**
 * A wait forced by another user of the same database: Odoo gave up on a
 * lock or a serialization conflict after its own retries, or a scheduled job
 * was running for someone else. Each is logged and kept for the scenario's
 * evidence, so a slow or flaky rehearsal shows where runs got in each other's way.
 */
export interface ContentionWait {
  /** What was held up, e.g. "stock.picking.button_validate" or "Odoo's job Payment: Post-process transactions". */
  what: string;
  /** Why, in Odoo's words. */
  reason: string;
  /** The attempt that follows the wait (2 is the first retry). */
  attempt: number;
  waitedMs: number;
}

export function describeWait(wait: ContentionWait): string {
  return `${wait.what} was held up by another user of the database (${wait.reason}); attempt ${wait.attempt} after ${wait.waitedMs} ms`;
}

/** The waits of one worker's clients since the last scenario took them. */
export class ContentionLog {
  #waits: ContentionWait[] = [];

  note(wait: ContentionWait): void {
    this.#waits.push(wait);
    console.log(`uat: ${describeWait(wait)}`);
  }

  /** The waits noted so far, and a fresh start. */
  take(): ContentionWait[] {
    const waits = this.#waits;
    this.#waits = [];
    return waits;
  }
}

/** Exceptions Odoo raises once its own retries of a concurrent update are used up (odoo/service/model.py, 17 to 19). */
const CONCURRENCY_EXCEPTIONS = new Set(['SerializationFailure', 'LockNotAvailable', 'DeadlockDetected', 'TransactionRollbackError', 'ConcurrencyError']);

/** Whether an error is Odoo's concurrency failure: the request's transaction was rolled back whole, so sending it again is safe. */
export function isConcurrencyFailure(error: unknown): error is OdooServerError {
  return error instanceof OdooServerError && CONCURRENCY_EXCEPTIONS.has(error.odooException.split('.').pop() ?? '');
}

/** Tries after Odoo's own five: the first and two retries. */
export const CONCURRENCY_ATTEMPTS = 3;

/** Waits that grow, with jitter so that two runs that collided do not collide again in step. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.round(Math.min(4000, 500 * 2 ** (attempt - 1)) * (0.75 + random() / 2));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
