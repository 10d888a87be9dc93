import type { HarnessEnvironment } from '../config/environment';
import { HarnessError } from '../config/errors';
import type { FeatureRequirements } from '../features/requirements';
import { missingModules } from './capabilities';
import { OdooGateway } from './gateway';
import { provisionRoleUser, relevantGroups, roleCredentials, ROLE_DEFINITIONS } from './roles';

export interface DoctorReport {
  /** What was found, one line each, in the order checked. */
  lines: string[];
  /** Each problem on one line, with what to do. */
  problems: string[];
}

/**
 * Checks a target the way QA would before a run: it answers, which Odoo it
 * is, every role logs in with its groups, every feature's modules are
 * installed. Stops early only where nothing after could be checked.
 */
export async function examineTarget(environment: HarnessEnvironment, features: FeatureRequirements[]): Promise<DoctorReport> {
  const lines: string[] = [];
  const problems: string[] = [];
  const gateway = await OdooGateway.connect(environment); // unreachable or refused login: nothing else can be checked
  const { capabilities } = gateway;
  lines.push(
    `Odoo ${capabilities.server.serverVersion} (${capabilities.server.major}, ${capabilities.edition}) at ${environment.odoo.url}, ` +
      `database "${environment.odoo.db}", ${capabilities.modules.size} modules installed`,
  );
  lines.push(`set-up user "${environment.odoo.admin.login}" logged in over ${gateway.admin.transport}`);
  lines.push(environment.testTarget ? 'marked as a test target (UAT_TEST_TARGET=true)' : 'NOT marked as a test target: runs will refuse to write');

  const roles = [...new Set([...Object.keys(ROLE_DEFINITIONS), ...Object.keys(environment.roles)])];
  for (const role of roles) {
    const credentials = roleCredentials(environment, role);
    if (!credentials) {
      problems.push(`role ${role}: no user; set UAT_ROLE_${role}_LOGIN and UAT_ROLE_${role}_PASSWORD in ${environment.file}, or UAT_PROVISION_ROLES=true`);
      continue;
    }
    try {
      if (!environment.roles[role]) {
        if (!environment.testTarget) {
          problems.push(`role ${role}: UAT_PROVISION_ROLES=true, but the target is not marked UAT_TEST_TARGET=true, so no user is created`);
          continue;
        }
        const made = await provisionRoleUser(gateway.admin, capabilities, environment, role);
        lines.push(`role ${role}: ${made.action} user "${made.login}" with ${made.groups.join(', ')}`);
      }
      const client = await gateway.as(role);
      const groups = await relevantGroups(gateway.admin, capabilities, credentials.login);
      lines.push(`role ${role}: "${credentials.login}" logged in over ${client.transport}; groups: ${groups.join('; ') || 'none'}`);
    } catch (error) {
      if (!(error instanceof HarnessError)) throw error;
      problems.push(`role ${role}: ${error.message}`);
    }
  }

  for (const { file, modules } of features) {
    if (modules.length === 0) continue;
    const missing = missingModules(capabilities, modules);
    lines.push(`${file}: needs ${modules.join(', ')}${missing.length ? ` — missing ${missing.join(', ')}` : ' — all installed'}`);
    if (missing.length) problems.push(`${file}: module ${missing.join(', ')} not installed: install it on "${environment.odoo.db}", or its scenarios will be skipped`);
  }
  lines.push(`${gateway.callCount} RPC calls`);
  return { lines, problems };
}
