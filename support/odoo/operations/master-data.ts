import type { OdooClient } from '../rpc/client';
import type { VersionProfile } from '../version-profile';

/** A record the harness made or found, with the name Odoo shows for it. */
export interface RecordRef {
  model: string;
  id: number;
  name: string;
}

export interface ProductSpec {
  name: string;
  price: number;
  /** "delivery": invoice what was delivered; "order": what was ordered. */
  invoicePolicy: 'delivery' | 'order';
}

/** A product whose stock Odoo tracks, in the fields of the server's version. */
export async function createStorableProduct(admin: OdooClient, profile: VersionProfile, spec: ProductSpec): Promise<RecordRef> {
  const id = await admin.create('product.product', {
    name: spec.name,
    ...profile.storableProduct,
    list_price: spec.price,
    invoice_policy: spec.invoicePolicy,
  });
  return { model: 'product.product', id, name: spec.name };
}

export async function createCustomer(admin: OdooClient, values: { name: string; email?: string; street?: string; city?: string; zip?: string }): Promise<RecordRef> {
  const id = await admin.create('res.partner', { ...values, customer_rank: 1 });
  return { model: 'res.partner', id, name: values.name };
}

export async function createVendor(admin: OdooClient, name: string): Promise<RecordRef> {
  const id = await admin.create('res.partner', { name, supplier_rank: 1 });
  return { model: 'res.partner', id, name };
}

export interface MainWarehouse {
  id: number;
  stockLocation: number;
  code: string;
}

const mainWarehouses = new WeakMap<OdooClient, Promise<MainWarehouse>>();

/** The main warehouse: the first one by id, read once per client (no run changes it). */
export function mainWarehouse(client: OdooClient): Promise<MainWarehouse> {
  let found = mainWarehouses.get(client);
  if (!found) {
    found = client.searchRead<{ id: number; code: string; lot_stock_id: [number, string] }>('stock.warehouse', [], ['code', 'lot_stock_id'], { limit: 1, order: 'id' }).then(([warehouse]) => {
      if (!warehouse) throw new Error('the database has no warehouse: install Inventory (stock)');
      return { id: warehouse.id, code: warehouse.code, stockLocation: warehouse.lot_stock_id[0] };
    });
    found.catch(() => mainWarehouses.delete(client));
    mainWarehouses.set(client, found);
  }
  return found;
}

/**
 * Sets the on-hand quantity of a product in a location, then reads it back:
 * under parallel load Odoo can retry the quant write after a serialization
 * failure and lose the quantity (seen on 19), so the read-back is the truth.
 */
export async function setOnHand(admin: OdooClient, product: number, location: number, quantity: number): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await admin.create('stock.quant', { product_id: product, location_id: location, inventory_quantity_auto_apply: quantity }, { inventory_mode: true });
    if ((await onHand(admin, product, location)) === quantity) return;
  }
  throw new Error(`could not set the stock of product ${product} to ${quantity} in location ${location} after 3 attempts`);
}

/** Units of a product on hand in a location and its children. */
export async function onHand(client: OdooClient, product: number, location: number): Promise<number> {
  const quants = await client.searchRead<{ quantity: number }>(
    'stock.quant', [['product_id', '=', product], ['location_id', 'child_of', location]], ['quantity'],
  );
  return quants.reduce((sum, q) => sum + q.quantity, 0);
}

/**
 * Units of a product on hand in each of several locations and their
 * children, in one read: a location's quants are those whose location has
 * it on its path.
 */
export async function onHandIn(client: OdooClient, product: number, locations: number[]): Promise<number[]> {
  const { records } = await client.call<{ records: { quantity: number; location_id: { id: number; parent_path: string } }[] }>('stock.quant', 'web_search_read', {
    kwargs: { domain: [['product_id', '=', product], ['location_id', 'child_of', locations]], specification: { quantity: {}, location_id: { fields: { parent_path: {} } } } },
  });
  return locations.map((location) =>
    records.filter((q) => q.location_id.parent_path.split('/').includes(String(location))).reduce((sum, q) => sum + q.quantity, 0),
  );
}
