import type { OdooClient } from '../rpc/client';
import { x2many } from '../rpc/x2many';

export interface WarehouseRef {
  id: number;
  name: string;
  code: string;
  stockLocation: number;
}

/**
 * A warehouse resupplied from another, found by its code or created: a
 * warehouse cannot be deleted once used, so runs share it (their products
 * differ). Odoo makes the resupply route, through its inter-warehouse
 * transit location, and grants the multi-warehouse group (seen on 18 and 19).
 */
export async function resuppliedWarehouse(admin: OdooClient, name: string, code: string, supplier: number): Promise<WarehouseRef & { resupplyRoute: number }> {
  let [id] = await admin.search('stock.warehouse', [['code', '=', code]]);
  if (id === undefined) id = await admin.create('stock.warehouse', { name, code, resupply_wh_ids: [x2many.set([supplier])] });
  else await admin.write('stock.warehouse', [id], { resupply_wh_ids: [x2many.link(supplier)] });
  const warehouse = await admin.readOne<{ name: string; code: string; lot_stock_id: [number, string] }>('stock.warehouse', id, ['name', 'code', 'lot_stock_id']);
  const [route] = await admin.search('stock.route', [['supplied_wh_id', '=', id], ['supplier_wh_id', '=', supplier]]);
  if (route === undefined) throw new Error(`warehouse ${code} has no resupply route from warehouse ${supplier}`);
  return { id, name: warehouse.name, code: warehouse.code, stockLocation: warehouse.lot_stock_id[0], resupplyRoute: route };
}
