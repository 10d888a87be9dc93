import type { ResultStatus, ScenarioResult } from './allure-results';
import type { ScenarioTags } from './scenario-tags';

/**
 * A scenario as sign-off and readiness see it: everything a run executed
 * under one id. Each Examples row of a Scenario Outline is a scenario of its
 * own, with its own id (the outline's id plus `#n`, see support/features/suite.ts).
 */
export interface Scenario {
  /** The id (the `scenario` label, else the @UAT- tag), or feature and title for a scenario that has none (it cannot be signed off). */
  id: string;
  hasId: boolean;
  /** For an Examples row: its outline's id; readiness criteria naming it cover every row. */
  outline?: string;
  title: string;
  tags: ScenarioTags;
  /** The worst status of its results. */
  status: ResultStatus;
  results: ScenarioResult[];
}

/** The scenarios a readiness criterion or waiver naming `id` covers: the one with that id, else every row of the outline with that id. */
export function scenariosNamed(scenarios: readonly Scenario[], id: string): Scenario[] {
  const exact = scenarios.filter((s) => s.hasId && s.id === id);
  return exact.length ? exact : scenarios.filter((s) => s.hasId && (s.outline === id || s.id.startsWith(`${id}#`)));
}

/** Worst first: a scenario with one failed example is failed, one with a skipped example is not passed. */
const SEVERITY_OF_STATUS: ResultStatus[] = ['failed', 'broken', 'unknown', 'skipped', 'passed'];

export function worstStatus(statuses: ResultStatus[]): ResultStatus {
  return SEVERITY_OF_STATUS.find((status) => statuses.includes(status)) ?? 'unknown';
}

export function groupScenarios(results: ScenarioResult[]): Scenario[] {
  const byId = new Map<string, ScenarioResult[]>();
  for (const result of results) {
    const key = result.id ?? result.tags.id ?? `${result.feature} / ${result.title}`;
    byId.set(key, [...(byId.get(key) ?? []), result]);
  }
  return [...byId.entries()]
    .map(([id, group]) => {
      const first = group[0] as ScenarioResult;
      const hasId = (first.id ?? first.tags.id) !== undefined;
      return {
        id,
        hasId,
        ...(first.outline ? { outline: first.outline } : {}),
        title: first.title,
        tags: first.tags,
        status: worstStatus(group.map((r) => r.status)),
        results: group,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/** The area of a scenario without an @area: tag, in readiness and the history alike. */
export const NO_AREA = '(no area)';

/** Percent of `total` that passed, rounded down to a tenth (99.95 is not 100); null for none. */
export const passRate = (passed: number, total: number): number | null => (total === 0 ? null : Math.floor((passed / total) * 1000) / 10);
