import type { ResultStatus, ScenarioResult } from './allure-results';
import type { ScenarioTags } from './scenario-tags';

/**
 * A scenario as sign-off and readiness see it: everything a run executed
 * under one @UAT- id (a Scenario Outline runs once per example row).
 */
export interface Scenario {
  /** The @UAT- id, or the title for a scenario that has none (it cannot be signed off). */
  id: string;
  hasId: boolean;
  title: string;
  tags: ScenarioTags;
  /** The worst status of its results. */
  status: ResultStatus;
  results: ScenarioResult[];
}

/** Worst first: a scenario with one failed example is failed, one with a skipped example is not passed. */
const SEVERITY_OF_STATUS: ResultStatus[] = ['failed', 'broken', 'unknown', 'skipped', 'passed'];

export function worstStatus(statuses: ResultStatus[]): ResultStatus {
  return SEVERITY_OF_STATUS.find((status) => statuses.includes(status)) ?? 'unknown';
}

export function groupScenarios(results: ScenarioResult[]): Scenario[] {
  const byId = new Map<string, ScenarioResult[]>();
  for (const result of results) {
    const key = result.tags.id ?? `${result.feature} / ${result.title}`;
    byId.set(key, [...(byId.get(key) ?? []), result]);
  }
  return [...byId.entries()]
    .map(([id, group]) => {
      const first = group[0] as ScenarioResult;
      return {
        id,
        hasId: first.tags.id !== undefined,
        title: first.title,
        tags: first.tags,
        status: worstStatus(group.map((r) => r.status)),
        results: group,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}
