import { NO_AREA, passRate, scenariosNamed, type Scenario } from '../evidence/scenarios';
import { SEVERITIES } from '../evidence/scenario-tags';
import type { Criteria, Waiver } from './criteria';
import { describeSignoff, type ScenarioSignoff } from './status';

export type Verdict = 'GO' | 'GO WITH RISK' | 'NO-GO';

/** blocker: makes it NO-GO; risk: accepted by a waiver (GO WITH RISK); note: worth reading, changes nothing. */
export interface Reason {
  level: 'blocker' | 'risk' | 'note';
  scenario?: string;
  message: string;
}

export interface AreaSummary {
  area: string;
  scenarios: number;
  passed: number;
  waived: number;
  passRate: number;
  minPassRate: number;
}

export interface Readiness {
  verdict: Verdict;
  reasons: Reason[];
  areas: AreaSummary[];
}

/** Only "passed" passes: skipped (e.g. a missing module), broken and unknown never do. */
const passed = (s: Scenario) => s.status === 'passed';
/** What counts against "maximum failed by severity": a failed check or a broken scenario. */
const failed = (s: Scenario) => s.status === 'failed' || s.status === 'broken';

/**
 * The go/no-go verdict of a run against the criteria, on a given day (ISO
 * date): a waiver counts until and including its review date.
 */
export function decideReadiness(
  scenarios: Scenario[],
  signoffs: ScenarioSignoff[],
  criteria: Criteria,
  today: string,
  suite?: readonly string[],
  /** What keeps the run itself from standing for the suite (a shard missing from a merged run): each one a blocker. */
  runBlockers: readonly string[] = [],
): Readiness {
  const reasons: Reason[] = runBlockers.map((message) => ({ level: 'blocker', message }));
  // A scenario of the suite that has no result did not run, and did not pass: a partial run is no GO.
  const ran = new Set(scenarios.map((s) => s.id));
  const absent = (suite ?? []).filter((id) => !ran.has(id));
  if (absent.length) {
    reasons.push({ level: 'blocker', message: `${absent.length} scenario(s) of the suite did not run: ${absent.join(', ')}` });
  }
  const isAbsent = (id: string) => absent.some((a) => a === id || a.startsWith(`${id}#`));
  for (const s of scenarios.filter((s) => s.status === 'broken')) {
    reasons.push({ level: 'note', scenario: s.id, message: `${s.id} is broken: a fault, not a business finding (${(s.results.find((r) => r.status === 'broken')?.message ?? '').split('\n')[0]})` });
  }
  const waivers = activeWaivers(criteria.waivers, today, reasons);
  // A waiver for an outline's id covers each of its Examples rows.
  const waiverFor = (s: Scenario) => (s.hasId ? (waivers.get(s.id) ?? (s.outline ? waivers.get(s.outline) : undefined) ?? waivers.get(baseId(s.id))) : undefined);
  const breach = (scenario: string, message: string, waiver = waivers.get(scenario)) => {
    reasons.push(
      waiver
        ? { level: 'risk', scenario, message: `${message}; waived by ${waiver.owner} until ${waiver.reviewBy}: ${waiver.rationale} (impact: ${waiver.impact})` }
        : { level: 'blocker', scenario, message },
    );
  };
  const riskOf = (s: Scenario, message: string) => breach(s.id, message, waiverFor(s));

  if (scenarios.length === 0) reasons.push({ level: 'blocker', message: 'the run has no scenario results' });

  // An id naming a Scenario Outline covers all its Examples rows: each must pass (or be signed off).
  for (const id of criteria.mustPass) {
    const named = scenariosNamed(scenarios, id);
    if (!named.length && !isAbsent(id)) breach(id, `${id} must pass but is not in this run`);
    for (const scenario of named.filter((s) => !passed(s))) {
      const which = scenario.id === id ? id : `${id} (${scenario.id})`;
      breach(id, `${which} must pass but ${scenario.status === 'skipped' ? 'was skipped' : `is ${scenario.status}`}`, waiverFor(scenario) ?? waivers.get(id));
    }
  }

  for (const severity of SEVERITIES) {
    const max = criteria.maxFailed[severity];
    if (max === undefined) continue;
    const failing = scenarios.filter((s) => s.tags.severity === severity && failed(s));
    const counted = failing.filter((s) => !waiverFor(s));
    if (counted.length > max) {
      reasons.push({
        level: 'blocker',
        message: `${counted.length} ${severity} scenario(s) failed, at most ${max} allowed: ${counted.map((s) => s.id).join(', ')}`,
      });
    }
  }

  // A waiver never hides a failure: each one in use is listed as a risk.
  const mustPass = new Set(criteria.mustPass.flatMap((id) => scenariosNamed(scenarios, id).map((s) => s.id)));
  for (const s of scenarios.filter((s) => !passed(s) && waiverFor(s) && !mustPass.has(s.id))) {
    riskOf(s, `${s.id} (${s.tags.severity}) ${s.status === 'skipped' ? 'was skipped' : `is ${s.status}`}`);
  }

  const areas = areaSummaries(scenarios, criteria, waiverFor);
  for (const a of areas) {
    if (a.scenarios === 0) reasons.push({ level: 'blocker', message: `area ${a.area} needs ${a.minPassRate}% passed but no scenario of it ran` });
    else if (a.passRate < a.minPassRate) {
      reasons.push({
        level: 'blocker',
        message: `area ${a.area}: ${a.passRate}% passed (${a.passed} of ${a.scenarios - a.waived}${a.waived ? `, ${a.waived} waived` : ''}), needs ${a.minPassRate}%`,
      });
    }
  }

  const signoffById = new Map(signoffs.map((s) => [s.scenario.id, s]));
  for (const id of criteria.mustSignOff) {
    const named = scenariosNamed(signoffs.map((s) => s.scenario), id);
    if (!named.length && !isAbsent(id)) breach(id, `${id} must be signed off but is not in this run`);
    for (const scenario of named) {
      const signoff = signoffById.get(scenario.id);
      if (!signoff || signoff.state === 'approved') continue;
      const which = scenario.id === id ? id : `${id} (${scenario.id})`;
      breach(id, `${which} must be signed off by ${scenario.tags.owner ?? 'its owner'}: ${describeSignoff(signoff)}`, waiverFor(scenario) ?? waivers.get(id));
    }
  }

  const verdict: Verdict = reasons.some((r) => r.level === 'blocker') ? 'NO-GO' : reasons.some((r) => r.level === 'risk') ? 'GO WITH RISK' : 'GO';
  return { verdict, reasons, areas };
}

/** The waivers in force today, one per scenario (the one reviewed last); expired ones become notes. */
function activeWaivers(waivers: Waiver[], today: string, reasons: Reason[]): Map<string, Waiver> {
  const active = new Map<string, Waiver>();
  for (const waiver of waivers) {
    if (waiver.reviewBy < today) {
      reasons.push({ level: 'note', scenario: waiver.scenario, message: `the waiver for ${waiver.scenario} by ${waiver.owner} expired on ${waiver.reviewBy} and no longer counts` });
    } else if ((active.get(waiver.scenario)?.reviewBy ?? '') < waiver.reviewBy) {
      active.set(waiver.scenario, waiver);
    }
  }
  return active;
}

function areaSummaries(scenarios: Scenario[], criteria: Criteria, waiverFor: (s: Scenario) => Waiver | undefined): AreaSummary[] {
  const names = new Set([...scenarios.map((s) => s.tags.area ?? NO_AREA), ...Object.keys(criteria.minPassRate.areas)]);
  return [...names].sort().map((area) => {
    const inArea = scenarios.filter((s) => (s.tags.area ?? NO_AREA) === area);
    const waived = inArea.filter((s) => !passed(s) && waiverFor(s)).length;
    const passedCount = inArea.filter(passed).length;
    const counted = inArea.length - waived;
    return {
      area,
      scenarios: inArea.length,
      passed: passedCount,
      waived,
      // An area whose every scenario is waived has nothing against it.
      passRate: passRate(passedCount, counted) ?? 100,
      minPassRate: criteria.minPassRate.areas[area] ?? criteria.minPassRate.default,
    };
  });
}

/** An Examples row's id without its `#n`: the outline's (or its Examples block's) id. */
function baseId(id: string): string {
  return id.replace(/#\d+$/, '');
}
