import type { OdooClient } from '../rpc/client';
import { x2many } from '../rpc/x2many';
import { evidenceOf, fieldsToRead } from './snapshots';

export interface WarehouseRef {
  id: number;
  name: string;
  code: string;
  stockLocation: number;
}

/**
 * A warehouse of the scenario's own, resupplied from another: Odoo makes
 * the resupply route through its inter-warehouse transit location, and grants
 * the multi-warehouse group (seen on 17, 18 and 19). Found by its code or
 * name when it exists (a re-run of the same namespace), else created.
 *
 * The route's rules address the goods to the warehouse's own partner. Odoo
 * puts a new move into any open transfer with the same locations and
 * operation type, and the leg out of the supplier into transit is the same for
 * every warehouse it resupplies; with a partner on the moves, 17, 18 and 19
 * match on it too (stock.move._search_picking_for_assignation_domain), so no
 * other scenario's or run's goods join this warehouse's transfers.
 */
export async function resuppliedWarehouse(
  admin: OdooClient,
  wanted: { name: string; code: string },
  supplier: number,
): Promise<WarehouseRef & { resupplyRoute: number; evidence: Record<string, unknown> }> {
  // Odoo keeps both unique per company: a warehouse with either is this namespace's (made before its code changed, say).
  let [id] = await admin.search('stock.warehouse', ['|', ['code', '=', wanted.code], ['name', '=', wanted.name]]);
  if (id === undefined) {
    const address = await admin.create('res.partner', { name: wanted.name });
    id = await admin.create('stock.warehouse', { name: wanted.name, code: wanted.code, partner_id: address, resupply_wh_ids: [x2many.set([supplier])] });
  }
  // With its evidence fields: the write below changes the route's rules, not the warehouse.
  const warehouse = await admin.readOne<{ name: string; code: string; lot_stock_id: [number, string]; partner_id: [number, string] | false }>(
    'stock.warehouse', id, await fieldsToRead(admin, 'stock.warehouse', ['partner_id']),
  );
  const [route] = await admin.search('stock.route', [['supplied_wh_id', '=', id], ['supplier_wh_id', '=', supplier]]);
  if (route === undefined) throw new Error(`warehouse ${wanted.code} has no resupply route from warehouse ${supplier}`);
  if (!warehouse.partner_id) throw new Error(`warehouse ${wanted.code} has no address, so its transfers could merge with other warehouses'`);
  const rules = await admin.search('stock.rule', [['route_id', '=', route]]);
  await admin.write('stock.rule', rules, { partner_address_id: warehouse.partner_id[0] });
  return { id, name: warehouse.name, code: warehouse.code, stockLocation: warehouse.lot_stock_id[0], resupplyRoute: route, evidence: evidenceOf('stock.warehouse', warehouse) };
}
