import { ConfigError } from '../config/errors';
import type { OdooClient } from './rpc/client';

/** External ids found, per client: an id names the same record for the whole run. */
const known = new WeakMap<OdooClient, Map<string, number>>();

/**
 * Records behind external ids ("module.name"), in one ir.model.data read
 * for those not asked before; an id the server lacks is simply absent.
 */
export async function recordsByXmlId(client: OdooClient, xmlIds: readonly string[]): Promise<Map<string, number>> {
  const cache = known.get(client) ?? new Map<string, number>();
  known.set(client, cache);
  const unknown = xmlIds.filter((xmlId) => !cache.has(xmlId));
  if (unknown.length) for (const [xmlId, id] of await readXmlIds(client, unknown)) cache.set(xmlId, id);
  return new Map(xmlIds.filter((xmlId) => cache.has(xmlId)).map((xmlId) => [xmlId, cache.get(xmlId) as number]));
}

async function readXmlIds(client: OdooClient, xmlIds: readonly string[]): Promise<Map<string, number>> {
  const split = xmlIds.map((xmlId) => xmlId.split('.') as [string, string]);
  const data = await client.searchRead<{ module: string; name: string; res_id: number }>(
    'ir.model.data',
    [['module', 'in', [...new Set(split.map(([module]) => module))]], ['name', 'in', split.map(([, name]) => name)]],
    ['module', 'name', 'res_id'],
  );
  const found = new Map(data.map((d) => [`${d.module}.${d.name}`, d.res_id]));
  return new Map(xmlIds.filter((xmlId) => found.has(xmlId)).map((xmlId) => [xmlId, found.get(xmlId) as number]));
}

/** Records behind external ids, failing on the first one the server lacks, naming its module. */
export async function requireXmlIds(client: OdooClient, xmlIds: readonly string[]): Promise<number[]> {
  const found = await recordsByXmlId(client, xmlIds);
  return xmlIds.map((xmlId) => {
    const id = found.get(xmlId);
    // A database without the module (e.g. one with only base) is a set-up to fix, not a harness bug.
    if (id === undefined) throw new ConfigError(`${xmlId} does not exist on this Odoo: is the module "${xmlId.split('.')[0]}" installed?`);
    return id;
  });
}

export async function recordByXmlId(client: OdooClient, xmlId: string): Promise<number> {
  const [id] = await requireXmlIds(client, [xmlId]);
  return id as number;
}
