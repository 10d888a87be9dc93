import { createHash } from 'node:crypto';

/**
 * Every record a run creates carries a namespace in its name or reference:
 * the run's tag plus the scenario's, so parallel runs (and parallel
 * scenarios of one run) never collide, and a record in Odoo can be traced
 * back to the run and scenario that made it.
 */
export function scenarioNamespace(runId: string, scenarioId: string): string {
  return `UAT-${shortHash(runId, 5)}-${shortHash(scenarioId, 4)}`;
}

export function shortHash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('base64url').replace(/[-_]/g, 'x').slice(0, length).toUpperCase();
}

/** A 32-bit number from a text, to seed faker per scenario. */
export function seedFrom(...parts: (string | number)[]): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0);
}
