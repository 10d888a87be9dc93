import type { Credentials, HarnessEnvironment } from '../../config/environment';
import { ConfigError, HarnessError } from '../../config/errors';
import type { Capabilities } from '../capabilities';
import type { RecordRef } from '../operations/master-data';
import type { OdooClient } from '../rpc/client';
import { portalBuyerPassword } from '../roles';
import { x2many } from '../rpc/x2many';
import { requireXmlIds } from '../xml-ids';

/** The one group a customer's buyer holds: Portal, never Internal User. */
export const PORTAL_GROUP = 'base.group_portal';

/**
 * A customer's buyer with a portal user: a contact of the customer company,
 * logging in to the customer portal with its own user. One per scenario,
 * because a portal user belongs to one contact, and so to one company.
 */
export interface PortalBuyer {
  /** The customer company the buyer buys for. */
  company: RecordRef;
  /** The buyer's contact, a child of the company. */
  contact: RecordRef;
  user: number;
  credentials: Credentials;
}

/** The login of a scenario's portal buyer: from its namespace, so parallel scenarios never share one. */
export function portalBuyerLogin(namespace: string): string {
  return `uat.portal.${namespace.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@harness.invalid`;
}

/**
 * Makes the buyer's contact under the company and its portal user, then
 * reads the user back: it must be a share (portal) user holding no internal
 * group, or the scenario would test an employee's rights, not a customer's.
 */
export async function provisionPortalBuyer(
  admin: OdooClient,
  capabilities: Capabilities,
  environment: HarnessEnvironment,
  buyer: { company: RecordRef; name: string; namespace: string },
): Promise<PortalBuyer> {
  if (!environment.provisionRoles) {
    throw new ConfigError(`${environment.file}: a customer's buyer is a portal user the harness makes for each scenario's customer: set UAT_PROVISION_ROLES=true`);
  }
  const [portalGroup, internalGroup] = await requireXmlIds(admin, [PORTAL_GROUP, 'base.group_user']);
  const login = portalBuyerLogin(buyer.namespace);
  const password = portalBuyerPassword(environment);
  const contact = await admin.create('res.partner', { name: buyer.name, parent_id: buyer.company.id, type: 'contact', email: login });
  const [existing] = await admin.search('res.users', [['login', '=', login]], { context: { active_test: false } });
  const values = { name: buyer.name, login, partner_id: contact, password: password.reveal(), active: true, [capabilities.profile.userGroupsField]: [x2many.set([portalGroup as number])] };
  const user = existing ?? (await admin.create('res.users', values, { no_reset_password: true }));
  if (existing) await admin.write('res.users', [existing], values);
  const groupsField = capabilities.profile.userEffectiveGroupsField;
  const made = await admin.readOne<Record<string, unknown> & { share: boolean }>('res.users', user, ['share', groupsField]);
  const groups = made[groupsField] as number[];
  if (!made.share || groups.includes(internalGroup as number) || !groups.includes(portalGroup as number)) {
    throw new HarnessError(`the portal user "${login}" came out as an internal user (share: ${made.share}, groups ${groups.join(', ')}): a customer's buyer must be a portal user only`);
  }
  return { company: buyer.company, contact: { model: 'res.partner', id: contact, name: buyer.name }, user, credentials: { login, password } };
}

/** Archives the buyer's portal user once its scenario is done: no login the harness made outlives its scenario. */
export async function archivePortalBuyer(admin: OdooClient, buyer: PortalBuyer): Promise<void> {
  await admin.write('res.users', [buyer.user], { active: false });
}
