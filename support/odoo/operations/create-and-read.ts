import type { OdooClient } from '../rpc/client';
import type { Specification } from './snapshots';

/**
 * Creates one record and reads fields of it in the same call (web_save on no
 * record creates, as the web client's form does: 17, 18 and 19): what Odoo
 * fills in on create, such as a sequence name, without a read after it.
 */
export async function createAndRead<T extends Record<string, unknown>>(client: OdooClient, model: string, values: Record<string, unknown>, specification: Specification): Promise<T & { id: number }> {
  const [record] = await client.call<(T & { id: number })[]>(model, 'web_save', { ids: [], kwargs: { vals: values, specification } });
  if (!record) throw new Error(`${model}.web_save created no record`);
  return record;
}
