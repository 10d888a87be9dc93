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
