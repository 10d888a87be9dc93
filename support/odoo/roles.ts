import { createHmac } from 'node:crypto';
import type { Credentials, HarnessEnvironment } from '../config/environment';
import { ConfigError } from '../config/errors';
import { AuthenticationError } from './errors';
import { Secret } from '../config/secret';
import { projectRoot } from '../config/sources';
import type { Capabilities } from './capabilities';
import { complaintDeskGroup } from './operations/service';
import type { OdooClient } from './rpc/client';
import { KeptKeys } from './rpc/kept-keys';
import { runKeys } from './rpc/run-identities';
import { x2many } from './rpc/x2many';
import { recordsByXmlId, requireXmlIds } from './xml-ids';

/**
 * The roles the scenarios act as, and the standard Odoo groups each needs.
 * Each role runs with its own user, so segregation of duties is tested too.
 */
export const ROLE_DEFINITIONS: Record<string, { title: string; groups: string[]; groupsOfTarget?: (capabilities: Capabilities) => string[]; modules?: string[] }> = {
  SALES: { title: 'Salesperson', groups: ['sales_team.group_sale_salesman'] },
  // On 19 with the delivery module, a stock user alone cannot open a delivery form: the form reads
  // delivery.zip.prefix, allowed to Contact/Creation among others (seen on live 19).
  WAREHOUSE: { title: 'Warehouse operator', groups: ['stock.group_stock_user', 'base.group_partner_manager'] },
  PURCHASE: { title: 'Buyer', groups: ['purchase.group_purchase_user'] },
  // Raising a customer's credit limit writes res.partner, which Invoicing alone may not (seen on 19).
  CREDIT: { title: 'Credit controller', groups: ['account.group_account_invoice', 'sales_team.group_sale_salesman_all_leads', 'base.group_partner_manager'] },
  // The service agent works at the complaint desk the target has (helpdesk team tickets, or project tasks), and reads orders.
  SERVICE: { title: 'Service agent', groupsOfTarget: (capabilities) => [complaintDeskGroup(capabilities)], groups: ['sales_team.group_sale_salesman_all_leads'] },
  // The cashier sells, refunds, opens and closes the register; setting up a store is the store manager's (group_pos_manager).
  // A role of targets with the Point of Sale only: elsewhere its group does not exist.
  CASHIER: { title: 'Cashier', groups: ['point_of_sale.group_pos_user'], modules: ['point_of_sale'] },
  // A click and collect store's cashier also loads shop orders into the till and settles them (pos_sale):
  // listing and confirming a sale order of any salesperson needs Sales' all-documents user.
  COLLECT_CASHIER: { title: 'Click and collect cashier', groups: ['point_of_sale.group_pos_user', 'sales_team.group_sale_salesman_all_leads'], modules: ['point_of_sale', 'pos_sale'] },
};

/** The roles a target has: those whose modules (if a role names any) are installed on it. */
export function rolesOfTarget(capabilities: Capabilities): string[] {
  return Object.entries(ROLE_DEFINITIONS)
    .filter(([, definition]) => (definition.modules ?? []).every((module) => capabilities.modules.has(module)))
    .map(([role]) => role);
}

/**
 * The apps whose groups are worth listing for the roles (others are noise
 * in a report): those of every group the target's roles need, so the list
 * follows the target (the cashier's Point of Sale, the service agent's
 * helpdesk_mgmt or Project), and base's user types.
 */
export function relevantGroupApps(capabilities: Capabilities): string[] {
  const groups = rolesOfTarget(capabilities).flatMap((role) => roleGroups(capabilities, role));
  return [...new Set(['base', ...groups.map((xmlId) => xmlId.slice(0, xmlId.indexOf('.')))])].sort();
}

export function provisionedLogin(role: string): string {
  return `uat.${role.toLowerCase()}@harness.invalid`;
}

/**
 * The password of a provisioned role user, derived from the set-up user's
 * password: every process of a run computes the same one, and nothing new
 * has to be stored or passed around.
 */
export function provisionedPassword(environment: HarnessEnvironment, role: string): Secret {
  return derivedPassword(environment, `uat-role:${environment.odoo.db}:${role}`);
}

/**
 * The password of the portal buyers the harness makes on this database
 * (one per scenario, archived after it): derived as the role users' are, so
 * every process of a run, and the report built after it, knows it to keep
 * it out of what they show. One for all buyers: a password per login could
 * not be known outside the scenario that made it.
 */
export function portalBuyerPassword(environment: HarnessEnvironment): Secret {
  return derivedPassword(environment, `uat-portal:${environment.odoo.db}`);
}

/** Every password the harness derives for the users it makes: each provisioned role's and the portal buyers'. */
export function derivedPasswords(environment: HarnessEnvironment): Secret[] {
  return [...Object.keys(ROLE_DEFINITIONS).map((role) => provisionedPassword(environment, role)), portalBuyerPassword(environment)];
}

/** A password every process of a run derives alike from the set-up user's password and what it is for. */
export function derivedPassword(environment: HarnessEnvironment, purpose: string): Secret {
  const digest = createHmac('sha256', environment.odoo.admin.password.reveal()).update(purpose).digest('base64url');
  return new Secret(`Uat-${digest.slice(0, 24)}`);
}

/**
 * Every secret a run may send or show: the set-up user's password and API
 * key, each configured role's password and key, and every password the
 * harness derives (provisioned roles, portal buyers). Kept out of
 * recordings, traces and reports.
 */
export function everySecretOf(environment: HarnessEnvironment): string[] {
  return [
    environment.odoo.admin.password.reveal(),
    environment.odoo.apiKey?.reveal() ?? '',
    ...Object.values(environment.roles).flatMap((r) => [r.password.reveal(), r.apiKey?.reveal() ?? '']),
    ...derivedPasswords(environment).map((password) => password.reveal()),
    ...runKeys().map((key) => key.reveal()),
    ...keptKeysOf(environment).map((key) => key.reveal()),
  ].filter(Boolean);
}

/**
 * The API keys earlier runs kept for this database (KeptKeys) that the
 * environment's passwords open: they stay valid after their run, so they
 * are secrets of every later process too, `uat report` included.
 */
export function keptKeysOf(environment: HarnessEnvironment): Secret[] {
  const passwords = [environment.odoo.admin.password, ...Object.values(environment.roles).map((role) => role.password), ...derivedPasswords(environment)];
  return KeptKeys.forDatabase(projectRoot, environment.odoo.url, environment.odoo.db).openedBy(passwords);
}

/** The credentials a role acts with: from the environment file, else the provisioned user. */
export function roleCredentials(environment: HarnessEnvironment, role: string): Credentials | undefined {
  const configured = environment.roles[role];
  if (configured) return configured;
  if (!environment.provisionRoles) return undefined;
  return { login: provisionedLogin(role), password: provisionedPassword(environment, role) };
}

export interface ProvisionResult {
  role: string;
  login: string;
  action: 'created' | 'updated' | 'unchanged';
  groups: string[];
}

/** Creates (or brings up to date) the user of a role with its standard groups. */
export async function provisionRoleUser(
  admin: OdooClient,
  capabilities: Capabilities,
  environment: HarnessEnvironment,
  role: string,
): Promise<ProvisionResult> {
  const definition = ROLE_DEFINITIONS[role] as { title: string };
  const groups = roleGroups(capabilities, role);
  const groupIds = await requireXmlIds(admin, ['base.group_user', ...groups]);
  const login = provisionedLogin(role);
  const values = {
    name: `UAT ${definition.title}`,
    login,
    email: login,
    password: provisionedPassword(environment, role).reveal(),
    [capabilities.profile.userGroupsField]: [x2many.set(groupIds)],
  };
  const [existing] = await admin.search('res.users', [['login', '=', login]], { context: { active_test: false } });
  if (existing) await admin.write('res.users', [existing], { ...values, active: true });
  else await admin.create('res.users', values, { no_reset_password: true });
  return { role, login, action: existing ? 'updated' : 'created', groups };
}

/** The groups of a user that matter for the harness's roles, as "App / Group" names. */
export async function relevantGroups(admin: OdooClient, capabilities: Capabilities, login: string): Promise<string[]> {
  const field = capabilities.profile.userEffectiveGroupsField;
  const [user] = await admin.searchRead<Record<string, number[]>>('res.users', [['login', '=', login]], [field]);
  if (!user) return [];
  const groupIds = user[field] ?? [];
  const data = await admin.searchRead<{ module: string; res_id: number }>(
    'ir.model.data',
    [['model', '=', 'res.groups'], ['res_id', 'in', groupIds], ['module', 'in', relevantGroupApps(capabilities)]],
    ['module', 'res_id'],
  );
  const relevantIds = [...new Set(data.map((d) => d.res_id))];
  const groups = await admin.read<{ full_name: string }>('res.groups', relevantIds, ['full_name']);
  return groups.map((g) => g.full_name).sort();
}

/** The groups of its role (as xml ids) that a user lacks. */
export async function missingRoleGroups(admin: OdooClient, capabilities: Capabilities, role: string, login: string): Promise<string[]> {
  if (!ROLE_DEFINITIONS[role]) return [];
  const wanted = roleGroups(capabilities, role);
  return (await groupsLacking(admin, capabilities, login, wanted)) ?? wanted;
}

/**
 * The groups (xml ids) a user does not hold, counting those its groups imply
 * (a Sales / Administrator is a salesperson too); undefined when no user has the login.
 */
async function groupsLacking(admin: OdooClient, capabilities: Capabilities, login: string, wanted: string[]): Promise<string[] | undefined> {
  const field = capabilities.profile.userEffectiveGroupsField;
  const [user] = await admin.searchRead<Record<string, number[]>>('res.users', [['login', '=', login]], [field]);
  if (!user) return undefined;
  const ids = await requireXmlIds(admin, wanted);
  return wanted.filter((_, i) => !(user[field] ?? []).includes(ids[i] as number));
}

/** The standard groups of a role on this target (those its modules call for, and the version's extra ones), as xml ids. */
function roleGroups(capabilities: Capabilities, role: string): string[] {
  const definition = ROLE_DEFINITIONS[role];
  if (!definition) throw new Error(`role ${role} has no standard groups: give its user in UAT_ROLE_${role}_LOGIN/PASSWORD`);
  return [...(definition.groupsOfTarget?.(capabilities) ?? []), ...definition.groups, ...(capabilities.profile.extraRoleGroups[role] ?? [])];
}

/** Whether a provisioned role user exists, is active, has every group of its role, and logs in: then nothing is written. */
async function roleUserWorks(gateway: RoleLogins, role: string): Promise<boolean> {
  const { admin, capabilities } = gateway;
  const lacking = await groupsLacking(admin, capabilities, provisionedLogin(role), ['base.group_user', ...roleGroups(capabilities, role)]);
  if (!lacking || lacking.length) return false;
  // Only a refused login means the user is broken: a timeout or a key Odoo would not make is no reason to rewrite it.
  return gateway.as(role).then(
    () => true,
    (error: unknown) => {
      if (error instanceof AuthenticationError) return false;
      throw error;
    },
  );
}

/** What ensureRoleUsers needs of the gateway. */
interface RoleLogins {
  admin: OdooClient;
  capabilities: Capabilities;
  environment: HarnessEnvironment;
  as(role: string): Promise<OdooClient>;
}

/**
 * Makes the roles a run acts as able to act, writing only what is missing:
 * each user the environment file names must log in (all refusals named at
 * once, before anything is written); a provisioned user that exists with its
 * groups and logs in is left as it is; any other is created or brought up
 * to date. A run never rewrites a role user that works (another run may be
 * using its sessions), and leaves the roles it does not act as alone.
 */
export async function ensureRoleUsers(gateway: RoleLogins, roles: ReadonlySet<string>): Promise<ProvisionResult[]> {
  const { environment } = gateway;
  const problems: string[] = [];
  for (const [role, credentials] of Object.entries(environment.roles).filter(([r]) => roles.has(r))) {
    await gateway.as(role).catch((error: unknown) => problems.push(`role ${role} ("${credentials.login}"): ${(error as Error).message}`));
  }
  if (problems.length) throw new ConfigError([...problems, `${environment.file}: fix the role users above (\`uat doctor\` checks them too): nothing was written to Odoo`].join('\n'));
  if (!environment.provisionRoles) return [];
  const provisionable = rolesOfTarget(gateway.capabilities).filter((r) => !environment.roles[r]);
  const provisioned = provisionable.filter((r) => roles.has(r));
  // Every role's groups in one read, rather than one per role (the same read whichever roles a run acts as).
  if (provisioned.length) await recordsByXmlId(gateway.admin, ['base.group_user', ...provisionable.flatMap((role) => roleGroups(gateway.capabilities, role))]);
  const results: ProvisionResult[] = [];
  for (const role of provisioned) results.push(await ensureProvisionedUser(gateway, role));
  return results;
}

/** The provisioned user of a role, left as it is when it works, else created or brought up to date. */
export async function ensureProvisionedUser(gateway: RoleLogins, role: string): Promise<ProvisionResult> {
  const unchanged: ProvisionResult = { role, login: provisionedLogin(role), action: 'unchanged', groups: roleGroups(gateway.capabilities, role) };
  if (await roleUserWorks(gateway, role)) return unchanged;
  try {
    return await provisionRoleUser(gateway.admin, gateway.capabilities, gateway.environment, role);
  } catch (error) {
    // Two runs starting together on a fresh database both create the user: Odoo refuses the second login ("You can not have two users with the same login!", seen on 19), and the user is there.
    // Whatever refused the create, a user that now works is what the run needs; if the check cannot tell, the refusal is what to report.
    if (await roleUserWorks(gateway, role).catch(() => false)) return unchanged;
    throw error;
  }
}
