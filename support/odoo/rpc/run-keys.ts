import { Secret } from '../../config/secret';

/**
 * The JSON-2 keys `uat run` made for its users, handed to its workers in
 * this variable of their environment: never written to a file, revoked by
 * the run when it ends.
 */
export const RUN_KEYS_VARIABLE = 'UAT_RUN_API_KEYS';

export function encodeRunKeys(keys: ReadonlyMap<string, Secret>): string {
  return JSON.stringify(Object.fromEntries([...keys].map(([login, key]) => [login, key.reveal()])));
}

let cached: ReadonlyMap<string, Secret> | undefined;

/** login → key, as the run handed them to this process (none outside a run's workers). */
export function runKeys(): ReadonlyMap<string, Secret> {
  if (!cached) {
    const raw = process.env[RUN_KEYS_VARIABLE];
    const parsed = raw ? (JSON.parse(raw) as Record<string, string>) : {};
    cached = new Map(Object.entries(parsed).map(([login, key]) => [login, new Secret(key)]));
  }
  return cached;
}
