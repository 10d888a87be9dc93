import type { HarnessEnvironment } from '../config/environment';
import { HarnessError } from '../config/errors';
import { neededBy, type FeatureNeeds } from '../features/feature-needs';
import { missingModules } from './capabilities';
import { OdooGateway } from './gateway';
import { ApiKeyRing } from './rpc/api-keys';
import { ensureProvisionedUser, missingRoleGroups, relevantGroups, roleCredentials, rolesOfTarget } from './roles';
import { TARGET_NEEDS, unmetNeeds, type TargetNeed } from './target-needs';

export interface DoctorReport {
  /** What was found, one line each, in the order checked. */
  lines: string[];
  /** Each problem on one line, with what to do. */
  problems: string[];
}

/**
 * Checks a target the way QA would before a run, and predicts what would
 * fail: it answers and is a verified Odoo, every role logs in with its
 * groups, and every feature finds the modules, settings and rights its steps
 * take for granted. Each problem names the features it would fail. Stops
 * early only where nothing after could be checked.
 */
export async function examineTarget(environment: HarnessEnvironment, features: readonly FeatureNeeds[]): Promise<DoctorReport> {
  // On 19+ the doctor speaks JSON-2 as a run does, with keys of its own, revoked before it answers.
  const keyRing = new ApiKeyRing({ url: environment.odoo.url, db: environment.odoo.db, timeoutMs: environment.odoo.timeoutMs, label: `doctor-${Date.now().toString(36)}` });
  let report: DoctorReport | undefined;
  try {
    report = await examineWith(environment, features, keyRing);
    return report;
  } finally {
    const { revoked, failed } = await keyRing.revokeAll();
    if (report && revoked.length) report.lines.push(`API keys made for ${revoked.join(', ')}: revoked`);
    for (const failure of failed) {
      const problem = `the API key of ${failure} could not be revoked: remove it in Odoo (it expires by itself within hours)`;
      // With no report (the check itself failed) the warning still reaches the user.
      if (report) report.problems.push(problem);
      else console.error(`uat: warning: ${problem}`);
    }
  }
}

async function examineWith(environment: HarnessEnvironment, features: readonly FeatureNeeds[], keyRing: ApiKeyRing): Promise<DoctorReport> {
  const lines: string[] = [];
  const problems: string[] = [];
  const gateway = await OdooGateway.connect(environment, environment.odoo.timeoutMs, undefined, keyRing); // unreachable, unverified version or refused login: nothing else can be checked
  const { capabilities } = gateway;
  lines.push(
    `Odoo ${capabilities.server.serverVersion} (${capabilities.server.major}, ${capabilities.edition}) at ${environment.odoo.url}, ` +
      `database "${environment.odoo.db}", ${capabilities.modules.size} modules installed`,
  );
  lines.push(`set-up user "${environment.odoo.admin.login}" logged in over ${gateway.admin.transport}`);
  lines.push(environment.testTarget ? 'marked as a test target (UAT_TEST_TARGET=true)' : 'NOT marked as a test target: runs will refuse to write');

  const roles = [...new Set([...rolesOfTarget(capabilities), ...Object.keys(environment.roles)])];
  for (const role of roles) {
    const usedBy = neededBy(features, (f) => f.roles.includes(role));
    const credentials = roleCredentials(environment, role);
    if (!credentials) {
      problems.push(`role ${role}: no user; set UAT_ROLE_${role}_LOGIN and UAT_ROLE_${role}_PASSWORD in ${environment.file}, or UAT_PROVISION_ROLES=true${usedBy}`);
      continue;
    }
    try {
      if (!environment.roles[role]) {
        if (!environment.testTarget) {
          problems.push(`role ${role}: UAT_PROVISION_ROLES=true, but the target is not marked UAT_TEST_TARGET=true, so no user is created${usedBy}`);
          continue;
        }
        const made = await ensureProvisionedUser(gateway, role);
        lines.push(`role ${role}: ${made.action} user "${made.login}" with ${made.groups.join(', ')}`);
      }
      const client = await gateway.as(role);
      const groups = await relevantGroups(gateway.admin, capabilities, credentials.login);
      lines.push(`role ${role}: "${credentials.login}" logged in over ${client.transport}; groups: ${groups.join('; ') || 'none'}`);
      const missing = await missingRoleGroups(gateway.admin, capabilities, role, credentials.login);
      if (missing.length) problems.push(`role ${role}: "${credentials.login}" lacks ${missing.join(', ')}: add the group${missing.length === 1 ? '' : 's'} to the user${usedBy}`);
    } catch (error) {
      if (!(error instanceof HarnessError)) throw error;
      problems.push(`role ${role}: ${error.message}${usedBy}`);
    }
  }

  for (const { file, modules } of features) {
    if (modules.length === 0) continue;
    const missing = missingModules(capabilities, modules);
    lines.push(`${file}: needs ${modules.join(', ')}${missing.length ? ` — missing ${missing.join(', ')}` : ' — all installed'}`);
    if (missing.length) problems.push(`${file}: module ${missing.join(', ')} not installed: install it on "${environment.odoo.db}", or its scenarios will be skipped`);
  }

  const needs = new Set<TargetNeed>(features.flatMap((f) => f.needs));
  const unmet = await unmetNeeds(gateway.admin, capabilities.profile, needs);
  for (const need of needs) {
    if (!unmet.has(need)) lines.push(`${need}: yes`);
  }
  for (const [need, found] of unmet) problems.push(unmetNeedProblem(need, found, features));
  lines.push(`${gateway.callCount} RPC calls`);
  return { lines, problems };
}

/** One line for a need the target lacks: what is wanted, what Odoo has, and the features it would fail. */
export function unmetNeedProblem(need: TargetNeed, found: string, features: readonly FeatureNeeds[]): string {
  return `${need}: ${found}; wanted: ${TARGET_NEEDS[need]}${neededBy(features, (f) => f.needs.includes(need))}`;
}
