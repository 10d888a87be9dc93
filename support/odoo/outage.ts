import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TransportError } from './errors';

/** How long the run waits for Odoo to answer reads again before it gives up on it. */
const DEFAULT_BUDGET_MS = 60_000;
const MAX_PAUSE_MS = 10_000;

/** The words that mark a scenario the run did not start because Odoo was gone (readiness counts it as not run). */
export const NOT_RUN = 'not run:';

/**
 * What a run does when Odoo stops answering: reads are retried, with pauses
 * that grow, for a bounded time; if Odoo is still gone, the outage is noted
 * in the run folder, so every worker stops calling it and each remaining
 * scenario ends at once as not run, instead of each one timing out.
 * Writes are never retried: Odoo may have done them.
 */
export class OutageWatch {
  constructor(
    private readonly file: string | undefined,
    private readonly url: string,
    private readonly budgetMs = DEFAULT_BUDGET_MS,
  ) {}

  static forRun(runDir: string | undefined, url: string): OutageWatch {
    return new OutageWatch(runDir ? path.join(runDir, 'odoo-outage.json') : undefined, url);
  }

  /** When this run found Odoo gone, and how, if it did. */
  outage(): { since: string; reason: string } | undefined {
    if (!this.file || !existsSync(this.file)) return undefined;
    return JSON.parse(readFileSync(this.file, 'utf8')) as { since: string; reason: string };
  }

  /** Fails at once when the run already gave up on Odoo. */
  assertAnswering(): void {
    const outage = this.outage();
    if (outage) throw new TransportError(`${NOT_RUN} Odoo at ${this.url} stopped answering at ${outage.since} (${outage.reason}); the run no longer calls it`, this.url);
  }

  async call<T>(work: () => Promise<T>, retryable: boolean): Promise<T> {
    this.assertAnswering();
    const started = Date.now();
    for (let pause = 1_000; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        if (!retryable || Date.now() - started + pause > this.budgetMs) {
          this.#note(error.message);
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  #note(reason: string): void {
    if (this.file && !existsSync(this.file)) writeFileSync(this.file, JSON.stringify({ since: new Date().toISOString(), reason }));
  }
}
