import type { OdooClient } from './rpc/client';
import type { VersionProfile } from './version-profile';
import { recordsByXmlId } from './xml-ids';

/**
 * What a step takes for granted on the target and does not set up itself:
 * a setting of the main warehouse, or a right of the set-up user. `uat
 * doctor` and a run's preflight check the needs of the features they are
 * given, so that a target that passes does not fail a scenario on set-up.
 */
export const TARGET_NEEDS = {
  // With 2 or 3 steps the first transfer out is a pick, and the delivery (or the resupply) waits on it (seen on 17: 0 units reached the regional warehouse).
  'one-step deliveries': 'the main warehouse delivers in one step (Outgoing Shipments: 1 step, delivery_steps "ship_only")',
  'one-step receipts': 'the main warehouse receives in one step (Incoming Shipments: 1 step, reception_steps "one_step")',
  'credit limits': 'the set-up user may turn on credit limits (write on res.company: Administration / Access Rights)',
  'stock adjustments': 'the set-up user may create products and set their stock (create on product.product, and Inventory / Administrator: Odoo applies stock counts for it only)',
  'reordering rules': 'the set-up user may create reordering rules and vendor prices (create on stock.warehouse.orderpoint and product.supplierinfo)',
  'a regional warehouse': 'the set-up user may create a warehouse (create on stock.warehouse: Inventory / Administrator)',
} as const;

export type TargetNeed = keyof typeof TARGET_NEEDS;

/** The set-up user's rights a need asks for, as Odoo's access rights (model, operation). */
const RIGHTS: Partial<Record<TargetNeed, Array<[model: string, operation: 'create' | 'write']>>> = {
  'credit limits': [['res.company', 'write']],
  'stock adjustments': [['product.product', 'create']],
  'reordering rules': [['stock.warehouse.orderpoint', 'create'], ['product.supplierinfo', 'create']],
  'a regional warehouse': [['stock.warehouse', 'create']],
};

/** The set-up user's groups a need asks for (inventory_quantity is a field of stock.group_stock_manager only: seen in 17, 18 and 19's stock_quant.py). */
const GROUPS: Partial<Record<TargetNeed, string[]>> = {
  'stock adjustments': ['stock.group_stock_manager'],
};

/**
 * The needs the target lacks, each with what Odoo has instead; one read of
 * the main warehouse, one of the set-up user's groups, and one access check
 * per right, however many needs.
 */
export async function unmetNeeds(admin: OdooClient, profile: VersionProfile, needs: ReadonlySet<TargetNeed>): Promise<Map<TargetNeed, string>> {
  const unmet = new Map<TargetNeed, string>();
  const wantedGroups = [...needs].flatMap((need) => GROUPS[need] ?? []);
  const held = new Set<number>();
  if (wantedGroups.length) {
    const field = profile.userEffectiveGroupsField;
    const [user] = await admin.read<Record<string, number[]>>('res.users', [await admin.uid()], [field]);
    for (const id of user?.[field] ?? []) held.add(id);
  }
  const groupIds = wantedGroups.length ? await recordsByXmlId(admin, wantedGroups) : new Map<string, number>();
  if (needs.has('one-step deliveries') || needs.has('one-step receipts')) {
    const [warehouse] = await admin.searchRead<{ name: string; delivery_steps: string; reception_steps: string }>(
      'stock.warehouse', [], ['name', 'delivery_steps', 'reception_steps'], { limit: 1, order: 'id' },
    );
    if (!warehouse) {
      for (const need of ['one-step deliveries', 'one-step receipts'] as const) if (needs.has(need)) unmet.set(need, 'the database has no warehouse (install Inventory)');
    } else {
      if (needs.has('one-step deliveries') && warehouse.delivery_steps !== 'ship_only') unmet.set('one-step deliveries', `warehouse "${warehouse.name}" delivers in "${warehouse.delivery_steps}"`);
      if (needs.has('one-step receipts') && warehouse.reception_steps !== 'one_step') unmet.set('one-step receipts', `warehouse "${warehouse.name}" receives in "${warehouse.reception_steps}"`);
    }
  }
  for (const need of needs) {
    const denied: string[] = [];
    for (const [model, operation] of RIGHTS[need] ?? []) {
      const allowed = await admin.call<boolean>(model, 'check_access_rights', { kwargs: { operation, raise_exception: false } });
      if (!allowed) denied.push(`may not ${operation} on ${model}`);
    }
    for (const group of GROUPS[need] ?? []) {
      const id = groupIds.get(group);
      if (id === undefined || !held.has(id)) denied.push(`is not in ${group}`);
    }
    if (denied.length) unmet.set(need, `"${admin.login}" ${denied.join(' and ')}`);
  }
  return unmet;
}
