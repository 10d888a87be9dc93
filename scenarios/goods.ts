import type { TransferLine } from '../support/odoo/acts/role-acts';
import type { RecordRef } from '../support/odoo/operations/master-data';
import type { UnitsByProduct } from '../support/scenario-notes';
import type { World } from '../support/world';
import { expectAll } from './expect';

/** A row of an analyst's table: a product by its alias and a number of units. */
export interface GoodsRow {
  product: string;
  quantity: number;
}

/** Units of the scenario's products: what a step does or checks per product. */
export type Goods = TransferLine[];

/** The analyst's rows with each alias resolved to the scenario's product; a product named twice is an error. */
export function goodsOf(world: World, rows: GoodsRow[]): Goods {
  const seen = new Set<string>();
  return rows.map((row) => {
    if (seen.has(row.product)) throw new Error(`${world.where()}: "${row.product}" is named twice in the table: give each product one row`);
    seen.add(row.product);
    return { product: world.notes.products.get(row.product), quantity: row.quantity };
  });
}

/** How the scenario calls a product: its alias in quotes, or Odoo's name. */
export function aliasOf(world: World, product: number): string {
  const alias = world.notes.products.aliasOf((p) => p.id === product);
  return alias ? `"${alias}"` : `product ${product}`;
}

/** The scenario's products among these product ids (others, e.g. a delivery charge or another run's goods, are not its own). */
export function scenarioProducts(world: World, productIds: Iterable<number>): RecordRef[] {
  const ids = new Set(productIds);
  return world.notes.products.all().filter((p) => ids.has(p.id));
}

/**
 * The one product a step that names no product acts on. With several, the
 * step's words are ambiguous: the error names them and the table form to use.
 */
export function theOnlyProduct(world: World, candidates: RecordRef[], where: string, tableForm: string): RecordRef {
  const [only, ...more] = candidates;
  if (only && more.length === 0) return only;
  if (!only) throw new Error(`${world.where()}: ${where} has none of this scenario's products`);
  throw new Error(
    `${world.where()}: the step names no product, and ${where} has ${candidates.length}: ${candidates.map((p) => aliasOf(world, p.id)).join(', ')}. ` +
      `Say how many of each with "${tableForm}" and a | product | quantity | table`,
  );
}

/**
 * Compares units per product with what Odoo shows: every product the step
 * names must have its units, and every other product of the scenario found
 * there must have none (the sentence says exactly what is there).
 */
export function expectUnits(world: World, actual: UnitsByProduct, expected: Goods, what: (product: string) => string): void {
  const named = new Set(expected.map((g) => g.product.id));
  expectAll([
    ...expected.map((g) => ({ what: what(aliasOf(world, g.product.id)), expected: g.quantity, actual: actual.get(g.product.id) ?? 0 })),
    ...scenarioProducts(world, actual.keys())
      .filter((p) => !named.has(p.id))
      .map((p) => ({ what: what(aliasOf(world, p.id)), expected: 0, actual: actual.get(p.id) ?? 0 })),
  ]);
}

/** The total of units over the scenario's products. */
export function totalOf(world: World, units: UnitsByProduct): number {
  return scenarioProducts(world, units.keys()).reduce((sum, p) => sum + (units.get(p.id) ?? 0), 0);
}
