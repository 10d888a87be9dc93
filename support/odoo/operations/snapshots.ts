import type { RecordSnapshot } from '../../evidence/record-snapshot';
import type { OdooClient } from '../rpc/client';
import type { VersionProfile } from '../version-profile';
import type { RecordRef } from './master-data';

/** The fields a process owner reads on each kind of record, in the order shown. */
const SNAPSHOT_FIELDS: Record<string, string[]> = {
  'sale.order': ['name', 'state', 'partner_id', 'user_id', 'team_id', 'client_order_ref', 'amount_untaxed', 'amount_total', 'invoice_status', 'delivery_status', 'picking_ids', 'invoice_ids', 'date_order'],
  'stock.picking': ['name', 'state', 'picking_type_id', 'partner_id', 'origin', 'backorder_id', 'location_id', 'location_dest_id', 'scheduled_date', 'date_done'],
  'account.move': ['name', 'move_type', 'state', 'payment_state', 'partner_id', 'invoice_origin', 'reversed_entry_id', 'amount_untaxed', 'amount_total', 'amount_residual', 'invoice_date'],
  'purchase.order': ['name', 'state', 'partner_id', 'origin', 'amount_total', 'receipt_status', 'picking_ids', 'date_approve'],
  'res.partner': ['name', 'email', 'credit_limit', 'use_partner_credit_limit', 'credit', 'total_due'],
  'project.task': ['name', 'stage_id', 'state', 'partner_id', 'sale_order_id', 'project_id', 'user_ids', 'date_last_stage_update'],
  'product.product': ['name', 'default_code', 'qty_available', 'virtual_available', 'list_price', 'invoice_policy'],
  'stock.warehouse': ['name', 'code', 'lot_stock_id', 'resupply_wh_ids'],
};

/** Reads a record's evidence fields (those this Odoo has) and its deep link into the web client. */
export async function snapshotRecord(client: OdooClient, profile: VersionProfile, baseUrl: string, label: string, record: RecordRef): Promise<RecordSnapshot> {
  const wanted = SNAPSHOT_FIELDS[record.model] ?? ['display_name'];
  const existing = await client.fieldNames(record.model);
  const fields = await client.readOne<Record<string, unknown>>(record.model, record.id, wanted.filter((f) => existing.has(f)));
  delete fields.id;
  return {
    label,
    model: record.model,
    id: record.id,
    displayName: record.name,
    url: `${baseUrl}${profile.recordPath(record.model, record.id)}`,
    fields,
  };
}
