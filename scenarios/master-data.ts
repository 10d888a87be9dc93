import { createCustomer, createStorableProduct, mainWarehouse, onHand, setOnHand, type RecordRef } from '../support/odoo/operations/master-data';
import type { World } from '../support/world';

/** Set-up runs over RPC as the set-up user in every mode: it is not what the scenario tests. */

export const productKey = (alias: string) => `product "${alias}"`;
export const customerKey = (alias: string) => `customer "${alias}"`;

export async function haveStorableProduct(
  world: World,
  alias: string,
  unitsOnHand: number,
  options: { price?: number } = {},
): Promise<RecordRef> {
  const admin = world.odoo.admin;
  const product = await createStorableProduct(admin, {
    name: world.data.named(alias),
    price: options.price ?? world.data.price(),
    invoicePolicy: 'delivery',
  });
  if (unitsOnHand > 0) await setOnHand(admin, product.id, (await mainWarehouse(admin)).stockLocation, unitsOnHand);
  world.records.remember(productKey(alias), product);
  return world.records.remember('the product', product);
}

export async function haveCustomer(world: World, alias: string): Promise<RecordRef> {
  const customer = await createCustomer(world.odoo.admin, world.data.customer(alias));
  world.records.remember(customerKey(alias), customer);
  return world.records.remember('the customer', customer);
}

/** Units of a product on hand in the main warehouse. */
export async function unitsOnHand(world: World, product: RecordRef): Promise<number> {
  const admin = world.odoo.admin;
  return onHand(admin, product.id, (await mainWarehouse(admin)).stockLocation);
}
