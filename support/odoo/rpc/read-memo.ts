/**
 * What Odoo answered to reads since the harness last changed anything: a
 * check and the evidence snapshot that look at the same record at the same
 * moment share one read. Any write through any client of the run, any act in
 * the web client, and the start of each step forget every answer, so a read
 * never sees Odoo as it was before something the scenario did.
 */
export class ReadMemo {
  readonly #answers = new Map<string, Promise<unknown>>();

  /** The answer to a read, asked of Odoo only if not asked since the last change; each caller gets its own copy. */
  async answer<T>(key: string, read: () => Promise<T>): Promise<T> {
    let answer = this.#answers.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = read();
      this.#answers.set(key, answer);
      const asked = answer;
      // A failed read is not remembered; a newer answer under the same key stays.
      asked.catch(() => this.#answers.get(key) === asked && this.#answers.delete(key));
    }
    return structuredClone(await answer);
  }

  forget(): void {
    this.#answers.clear();
  }
}

/** The same acts, each forgetting the memo's answers once done: the web client changes Odoo behind RPC's back. */
export function forgettingAfterEach<T extends object>(acts: T, memo: ReadMemo): T {
  return Object.fromEntries(
    Object.entries(acts).map(([name, value]) => [
      name,
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await (value as (...a: unknown[]) => Promise<unknown>).apply(acts, args);
            } finally {
              memo.forget();
            }
          }
        : value,
    ]),
  ) as T;
}
