import type { Scenario } from '../evidence/scenarios';
import type { LedgerEntry } from './ledger';

/**
 * Where a scenario of a run stands: approved or rejected for exactly this
 * evidence, stale (decided for other evidence, e.g. an earlier run), pending
 * (never decided), or unsignable (it has no @UAT- id to sign).
 */
export type SignoffState = 'approved' | 'rejected' | 'stale' | 'pending' | 'unsignable';

export interface ScenarioSignoff {
  scenario: Scenario;
  digest: string;
  state: SignoffState;
  /** The decision behind the state: the one for this evidence, else the latest for the scenario. */
  entry?: LedgerEntry;
}

export function signoffStatus(scenarios: Scenario[], digestOf: (scenario: Scenario) => string, ledger: LedgerEntry[]): ScenarioSignoff[] {
  const byScenario = new Map<string, LedgerEntry[]>();
  for (const entry of ledger) byScenario.set(entry.scenario, [...(byScenario.get(entry.scenario) ?? []), entry]);
  return scenarios.map((scenario) => {
    const digest = digestOf(scenario);
    if (!scenario.hasId) return { scenario, digest, state: 'unsignable' };
    const entries = byScenario.get(scenario.id) ?? [];
    const current = entries.filter((entry) => entry.evidence === digest).at(-1);
    if (current) return { scenario, digest, state: current.decision === 'approve' ? 'approved' : 'rejected', entry: current };
    const latest = entries.at(-1);
    return latest ? { scenario, digest, state: 'stale', entry: latest } : { scenario, digest, state: 'pending' };
  });
}

/** One line a person reads: "approved by order-to-cash on 2026-11-26: looks right". */
export function describeSignoff({ state, entry }: ScenarioSignoff): string {
  const day = entry?.at.slice(0, 10);
  switch (state) {
    case 'approved':
    case 'rejected':
      return `${state} by ${entry?.owner} on ${day}: ${entry?.comment}`;
    case 'stale':
      return `stale: ${entry?.decision === 'approve' ? 'approved' : 'rejected'} on ${day} for the evidence of run ${entry?.runId}, which differs from this run's`;
    case 'pending':
      return 'pending: no decision yet';
    case 'unsignable':
      return 'cannot be signed off: the scenario has no @UAT- id tag';
  }
}
