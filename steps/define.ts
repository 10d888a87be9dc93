import type { DataTable } from 'playwright-bdd';
import type { RowOf, TableSpec } from '../support/data/tables';
import { registerStep, type StepKeyword } from '../support/features/step-registry';
import type { Role } from '../support/actors';
import type { TargetNeed } from '../support/odoo/target-needs';
import { Given as bddGiven, Then as bddThen, When as bddWhen } from '../support/fixtures';
import type { World } from '../support/world';

/**
 * Given/When/Then as the step files write them: playwright-bdd's, plus an
 * entry in the step registry (for the catalogue and `uat check`). A step
 * that takes a table names its spec; its body then gets the table's rows,
 * typed and checked, as `table` beside the fixtures (in place of the raw
 * DataTable as last argument). A step that takes something for granted on
 * the target says so in `needs`, and one that acts as a role its text does
 * not name, in `actsAs`. The call keeps
 * Cucumber's shape, so editors that read step files still find the pattern.
 */
type BddStep = typeof bddWhen;
type StepBody = Extract<Parameters<BddStep>[1], (...args: never[]) => unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- step arguments are typed by each body's own annotations, as in playwright-bdd
type TableStepBody<Row> = (fixtures: { uat: World; table: Row[] }, ...args: any[]) => Promise<void>;

type Needs = { needs?: readonly TargetNeed[]; actsAs?: readonly Role[] };

function define(keyword: StepKeyword, bdd: BddStep) {
  function step(pattern: string, body: StepBody): void;
  function step(pattern: string, options: Needs & { table?: undefined }, body: StepBody): void;
  function step<S extends TableSpec>(pattern: string, options: Needs & { table: S }, body: TableStepBody<S extends TableSpec<infer C> ? RowOf<C> : never>): void;
  function step(pattern: string, optionsOrBody: StepBody | (Needs & { table?: TableSpec }), body?: StepBody | TableStepBody<never>): void {
    if (typeof optionsOrBody === 'function') {
      registerStep({ keyword, pattern });
      bdd(pattern, optionsOrBody);
      return;
    }
    const { table, needs, actsAs } = optionsOrBody;
    const declared = { ...(needs ? { needs } : {}), ...(actsAs ? { actsAs } : {}) };
    if (!table) {
      registerStep({ keyword, pattern, ...declared });
      bdd(pattern, body as StepBody);
      return;
    }
    const tableBody = body as TableStepBody<unknown>;
    registerStep({ keyword, pattern, table, ...declared });
    const run = async (uat: World, args: unknown[]) => {
      const raw = args.pop() as DataTable;
      await tableBody({ uat, table: table.parse(raw.hashes(), uat.where()) }, ...args);
    };
    bdd(pattern, tableStepWithArity(pattern, run));
  }
  return step;
}

/**
 * playwright-bdd checks that a step function takes as many arguments as its
 * pattern has parameters (plus the table and the fixtures), and reads the
 * fixtures it needs from the first one's destructuring: so the wrapper is
 * written out per arity.
 */
function tableStepWithArity(pattern: string, run: (uat: World, args: unknown[]) => Promise<void>) {
  const parameters = (pattern.match(/\{\w*\}/g) ?? []).length;
  switch (parameters) {
    case 0:
      return async ({ uat }: { uat: World }, table: unknown) => run(uat, [table]);
    case 1:
      return async ({ uat }: { uat: World }, a: unknown, table: unknown) => run(uat, [a, table]);
    case 2:
      return async ({ uat }: { uat: World }, a: unknown, b: unknown, table: unknown) => run(uat, [a, b, table]);
    case 3:
      return async ({ uat }: { uat: World }, a: unknown, b: unknown, c: unknown, table: unknown) => run(uat, [a, b, c, table]);
    default:
      throw new Error(`steps/: "${pattern}" has ${parameters} parameters and a table; a table step takes at most 3`);
  }
}

export const Given = define('Given', bddGiven);
export const When = define('When', bddWhen);
export const Then = define('Then', bddThen);
