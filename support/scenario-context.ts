/**
 * What one scenario remembers between its steps: "the order", "the delivery",
 * "the backorder". A fresh context per scenario, so parallel scenarios never
 * see each other's records.
 */
export class ScenarioContext {
  readonly #things = new Map<string, unknown>();

  remember<T>(name: string, value: T): T {
    this.#things.set(name, value);
    return value;
  }

  /** The named thing, made by `make` the first time a step asks for it (e.g. a lookup in Odoo). */
  obtain<T>(name: string, make: () => Promise<T>): Promise<T> {
    if (!this.#things.has(name)) this.#things.set(name, make());
    return this.#things.get(name) as Promise<T>;
  }

  /** The named thing, or an error saying that no earlier step produced it. */
  recall<T>(name: string): T {
    if (!this.#things.has(name)) {
      const known = [...this.#things.keys()];
      throw new Error(
        `this scenario has no "${name}" yet: an earlier step must create or find it` +
          (known.length ? ` (it has: ${known.join(', ')})` : ''),
      );
    }
    return this.#things.get(name) as T;
  }
}
