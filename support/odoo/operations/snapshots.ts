import type { RecordSnapshot } from '../../evidence/record-snapshot';
import type { OdooClient } from '../rpc/client';
import type { VersionProfile } from '../version-profile';
import type { RecordRef } from './master-data';

/** The fields a process owner reads on each kind of record, in the order shown. */
const SNAPSHOT_FIELDS: Record<string, string[]> = {
  'sale.order': ['name', 'state', 'partner_id', 'user_id', 'team_id', 'client_order_ref', 'amount_untaxed', 'amount_total', 'invoice_status', 'delivery_status', 'picking_ids', 'invoice_ids', 'date_order', 'ticket_ids'],
  'stock.picking': ['name', 'state', 'picking_type_id', 'partner_id', 'origin', 'backorder_id', 'location_id', 'location_dest_id', 'scheduled_date', 'date_done'],
  'account.move': ['name', 'move_type', 'state', 'payment_state', 'partner_id', 'invoice_origin', 'reversed_entry_id', 'amount_untaxed', 'amount_total', 'amount_residual', 'invoice_date'],
  'purchase.order': ['name', 'state', 'partner_id', 'origin', 'amount_total', 'receipt_status', 'picking_ids', 'date_approve'],
  'res.partner': ['name', 'email', 'credit_limit', 'use_partner_credit_limit', 'credit', 'total_due'],
  'project.task': ['name', 'stage_id', 'state', 'partner_id', 'sale_order_id', 'project_id', 'user_ids', 'date_last_stage_update'],
  'helpdesk.ticket': ['number', 'name', 'stage_id', 'closed', 'partner_id', 'sale_order_ids', 'team_id', 'user_id', 'closed_date'],
  'product.product': ['name', 'default_code', 'qty_available', 'virtual_available', 'list_price', 'invoice_policy'],
  'stock.warehouse': ['name', 'code', 'lot_stock_id', 'resupply_wh_ids'],
};

/** The evidence fields of a kind of record, in the order shown. */
export function snapshotFields(model: string): string[] {
  return SNAPSHOT_FIELDS[model] ?? ['display_name'];
}

/** A web_read specification: each field to read, with the fields of the records it links to where wanted. */
export type Specification = Record<string, { fields?: Specification }>;

/**
 * What checks read of a record beside what its evidence shows (a line's
 * fields under its x2many). readRecord reads both in one call, the same call
 * the snapshot makes, so a check and the snapshot after it in the same step
 * share one read (the read memo). Fields this Odoo lacks are left out
 * (website_id and transaction_ids need the shop).
 */
const ALSO_CHECKED: Record<string, Specification> = {
  'sale.order': {
    warehouse_id: {}, website_id: {}, transaction_ids: {},
    order_line: { fields: { product_id: {}, product_uom_qty: {}, qty_delivered: {}, qty_invoiced: {}, price_unit: {}, discount: {}, price_subtotal: {} } },
  },
  'account.move': { invoice_line_ids: { fields: { product_id: {}, quantity: {}, display_type: {} } } },
};

const DISPLAY_NAME = { fields: { display_name: {} } };

const fieldTypes = new WeakMap<OdooClient, Map<string, Promise<Map<string, string>>>>();

/** The type of each field a model has on this server, asked once per client and model. */
function typesOf(client: OdooClient, model: string): Promise<Map<string, string>> {
  const models = fieldTypes.get(client) ?? new Map<string, Promise<Map<string, string>>>();
  fieldTypes.set(client, models);
  let types = models.get(model);
  if (!types) {
    types = client
      .call<Record<string, { type: string }>>(model, 'fields_get', { kwargs: { attributes: ['type'] } })
      .then((fields) => new Map(Object.entries(fields).map(([name, field]) => [name, field.type])));
    types.catch(() => models.delete(model));
    models.set(model, types);
  }
  return types;
}

/** The fields of a record to read for its evidence and for the checks named (those this Odoo has). */
export async function fieldsToRead(client: OdooClient, model: string, alsoChecked: string[]): Promise<string[]> {
  const types = await typesOf(client, model);
  return [...snapshotFields(model), ...alsoChecked].filter((f) => types.has(f));
}

/**
 * The web_read specification of a record's evidence fields and of the
 * fields the checks named read (those this Odoo has): a many2one with its
 * name, a check's lines with theirs.
 */
export async function specificationToRead(client: OdooClient, model: string, alsoChecked: Specification = ALSO_CHECKED[model] ?? {}): Promise<Specification> {
  const types = await typesOf(client, model);
  const specification: Specification = {};
  for (const field of [...snapshotFields(model), ...Object.keys(alsoChecked)]) {
    const lines = alsoChecked[field]?.fields;
    if (types.has(field)) specification[field] = lines ? { fields: lines } : types.get(field) === 'many2one' ? DISPLAY_NAME : {};
  }
  return specification;
}

/** A record as web_read gave it, its own many2one fields in read format ([id, name], or false) as snapshots show them. */
export async function inReadFormat<T>(client: OdooClient, model: string, record: Record<string, unknown>): Promise<T> {
  const types = await typesOf(client, model);
  return Object.fromEntries(
    Object.entries(record).map(([field, value]) => {
      const linked = value as { id: number; display_name: string } | false;
      return [field, types.get(field) === 'many2one' ? linked && [linked.id, linked.display_name] : value];
    }),
  ) as T;
}

/**
 * A record's evidence fields and what checks read of it (ALSO_CHECKED), in
 * one web_read: its own fields in read format, the lines under an x2many as
 * web_read gives them.
 */
export async function readRecord<T = Record<string, unknown>>(client: OdooClient, model: string, id: number): Promise<T> {
  const [record] = await client.call<Record<string, unknown>[]>(model, 'web_read', { ids: [id], kwargs: { specification: await specificationToRead(client, model) } });
  if (!record) throw new Error(`${model} ${id} does not exist (or ${client.login} cannot see it)`);
  return inReadFormat<T>(client, model, record);
}

/** The evidence fields out of a record read with more (read format), in the order shown. */
export function evidenceOf(model: string, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(snapshotFields(model).filter((f) => f in values).map((f) => [f, values[f]]));
}

/**
 * A record's snapshot with its deep link into the web client: from fields
 * the step already read at this moment (read format: many2one as [id, name]),
 * else read now.
 */
export async function snapshotRecord(client: OdooClient, profile: VersionProfile, baseUrl: string, label: string, record: RecordRef, read?: Record<string, unknown>): Promise<RecordSnapshot> {
  const fields = evidenceOf(record.model, read ?? (await readRecord<Record<string, unknown>>(client, record.model, record.id)));
  return {
    label,
    model: record.model,
    id: record.id,
    displayName: record.name,
    url: `${baseUrl}${profile.recordPath(record.model, record.id)}`,
    fields,
  };
}
