import type { OdooClient } from './rpc/client';
import type { ServerVersion } from './server';
import type { VersionProfile } from './version-profile';

export type Edition = 'community' | 'enterprise';

/** What the target Odoo is and has, detected once per run. */
export interface Capabilities {
  server: ServerVersion;
  /** Told by the installed modules: a Community build can report "18.0+e". */
  edition: Edition;
  modules: ReadonlySet<string>;
  profile: VersionProfile;
}

/** The module every Enterprise database has installed. */
const ENTERPRISE_MARKER = 'web_enterprise';

export async function detectCapabilities(server: ServerVersion, profile: VersionProfile, client: OdooClient): Promise<Capabilities> {
  const installed = await client.searchRead<{ name: string }>(
    'ir.module.module',
    [['state', 'in', ['installed', 'to upgrade']]],
    ['name'],
  );
  const modules = new Set(installed.map((m) => m.name));
  return {
    server,
    edition: modules.has(ENTERPRISE_MARKER) ? 'enterprise' : 'community',
    modules,
    profile,
  };
}

/** The modules of a list that are not installed. */
export function missingModules(capabilities: Capabilities, required: Iterable<string>): string[] {
  return [...required].filter((name) => !capabilities.modules.has(name));
}
