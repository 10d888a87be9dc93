import parseTagExpression from '@cucumber/tag-expressions';
import { ACTOR_ROLES, type ActorPhrase } from '../actors';
import type { TargetNeed } from '../odoo/target-needs';
import { loadStepDefinitions, type StepDefinitions } from './load-steps';
import type { FeatureRequirements } from './requirements';
import { requiredModules } from './requirements';
import { StepMatcher } from './step-matcher';
import { parseFeatures, type ParsedFeature } from './suite';

/** What a feature needs of a target: its modules (@requires tags), the roles its actors act as, and its steps' needs. */
export interface FeatureNeeds extends FeatureRequirements {
  roles: string[];
  needs: TargetNeed[];
}

/**
 * Reads each feature's needs off its scenarios' tags and steps: those a tag
 * expression selects (a run's), or all, drafts included (the doctor looks ahead).
 */
export function featureNeeds(features: readonly ParsedFeature[], definitions: StepDefinitions, tags?: string): FeatureNeeds[] {
  const matcher = new StepMatcher(definitions.steps, definitions.parameters);
  const select = tags ? parseTagExpression(tags) : undefined;
  return features.map((feature) => {
    const modules = new Set<string>();
    const roles = new Set<string>();
    const needs = new Set<TargetNeed>();
    for (const scenario of feature.scenarios.filter((s) => !select || select.evaluate(s.tags.map((t) => t.name)))) {
      for (const module of requiredModules(scenario.tags.map((t) => t.name))) modules.add(module);
      for (const step of scenario.steps) {
        const [info] = matcher.matches(step.text);
        for (const need of info?.needs ?? []) needs.add(need);
        for (const role of info?.actsAs ?? []) roles.add(role);
        for (const actor of matcher.actorsIn(step.text)) {
          const role = ACTOR_ROLES[actor as ActorPhrase];
          if (role) roles.add(role);
        }
      }
    }
    return { file: feature.file, modules: [...modules].sort(), roles: [...roles].sort(), needs: [...needs].sort() };
  });
}

/** The needs of feature files, read with the project's step definitions. */
export async function needsOfFeatureFiles(files: readonly string[], tags?: string): Promise<FeatureNeeds[]> {
  return featureNeeds(parseFeatures(files), await loadStepDefinitions(), tags);
}

/** A problem's tail naming the features (files) that need something: "; needed by a.feature, b.feature", or nothing. */
export function neededBy(features: readonly FeatureNeeds[], needs: (feature: FeatureNeeds) => boolean): string {
  const files = features.filter(needs).map((f) => f.file);
  return files.length ? `; needed by ${files.join(', ')}` : '';
}
