/**
 * Checks that read like the business rule they verify: "the units delivered
 * on order S00042: expected 6, Odoo has 4".
 */
export class ScenarioCheckFailed extends Error {
  override name = 'ScenarioCheckFailed';
}

export function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new ScenarioCheckFailed(`${what}: expected ${String(expected)}, Odoo has ${String(actual)}`);
}

export function expectThat(condition: boolean, what: string): void {
  if (!condition) throw new ScenarioCheckFailed(what);
}

/** One comparison of a check that looks at several things at once (e.g. one per product). */
export interface Comparison {
  what: string;
  expected: number | string;
  actual: number | string;
}

/** Fails naming every comparison that does not hold, not only the first. */
export function expectAll(comparisons: Comparison[]): void {
  const wrong = comparisons.filter((c) => c.actual !== c.expected);
  if (wrong.length) throw new ScenarioCheckFailed(wrong.map((c) => `${c.what}: expected ${c.expected}, Odoo has ${c.actual}`).join('\n'));
}
