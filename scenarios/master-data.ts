import { createCustomer, createStorableProduct, mainWarehouse, onHand, setOnHand, type RecordRef } from '../support/odoo/operations/master-data';
import type { World } from '../support/world';

/** Set-up runs over RPC as the set-up user in every mode: it is not what the scenario tests. */

export interface ProductRow {
  product: string;
  'on hand': number;
  price?: number;
}

export async function haveStorableProduct(world: World, alias: string, unitsOnHand: number, options: { price?: number } = {}): Promise<RecordRef> {
  const admin = world.odoo.admin;
  const product = await createStorableProduct(admin, world.odoo.capabilities.profile, {
    name: world.data.named(alias),
    price: options.price ?? world.data.price(),
    invoicePolicy: 'delivery',
  });
  if (unitsOnHand > 0) await setOnHand(admin, product.id, (await mainWarehouse(admin)).stockLocation, unitsOnHand);
  return world.notes.products.add(alias, product);
}

export async function haveStorableProducts(world: World, rows: ProductRow[]): Promise<void> {
  for (const row of rows) await haveStorableProduct(world, row.product, row['on hand'], row.price === undefined ? {} : { price: row.price });
}

export async function haveCustomer(world: World, alias: string): Promise<RecordRef> {
  return world.notes.customers.add(alias, await createCustomer(world.odoo.admin, world.data.customer(alias)));
}

/** Units of a product on hand in the main warehouse. */
export async function unitsOnHand(world: World, product: RecordRef): Promise<number> {
  const admin = world.odoo.admin;
  return onHand(admin, product.id, (await mainWarehouse(admin)).stockLocation);
}
