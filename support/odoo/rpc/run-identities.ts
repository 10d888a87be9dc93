import { Secret } from '../../config/secret';

/**
 * Who the run's users are once the run has logged them in: each login's user
 * id and, on JSON-2, the key the run made for it. `uat run` hands them to its
 * workers in this variable of their process environment (never a file), so
 * that no worker logs a user in again: a password login costs Odoo a
 * deliberately slow hash each time.
 */
export const RUN_IDENTITIES_VARIABLE = 'UAT_RUN_IDENTITIES';

export interface RunIdentity {
  uid: number;
  apiKey?: Secret;
}

export function encodeRunIdentities(identities: ReadonlyMap<string, RunIdentity>): string {
  return JSON.stringify(Object.fromEntries([...identities].map(([login, { uid, apiKey }]) => [login, { uid, ...(apiKey ? { apiKey: apiKey.reveal() } : {}) }])));
}

let cached: ReadonlyMap<string, RunIdentity> | undefined;

/** login → identity, as the run handed them to this process (none outside a run's workers). */
export function runIdentities(): ReadonlyMap<string, RunIdentity> {
  if (!cached) {
    const raw = process.env[RUN_IDENTITIES_VARIABLE];
    const parsed = raw ? (JSON.parse(raw) as Record<string, { uid: number; apiKey?: string }>) : {};
    cached = new Map(Object.entries(parsed).map(([login, { uid, apiKey }]) => [login, { uid, ...(apiKey ? { apiKey: new Secret(apiKey) } : {}) }]));
  }
  return cached;
}

/** The keys among the run's identities: secrets to keep out of every trace and report. */
export function runKeys(): Secret[] {
  return [...runIdentities().values()].flatMap((identity) => (identity.apiKey ? [identity.apiKey] : []));
}
