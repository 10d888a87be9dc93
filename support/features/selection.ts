import parseTagExpression from '@cucumber/tag-expressions';
import { parseFeatures } from './suite';

/**
 * The ids of the scenarios a set of features and a tag expression select:
 * what a profile's run must have results for (drafts are left out by the
 * profiles' own "not @wip").
 */
export function selectedScenarioIds(files: readonly string[], tags: string | undefined): string[] {
  const select = tags ? parseTagExpression(tags) : undefined;
  return parseFeatures(files)
    .flatMap((feature) => feature.scenarios)
    .filter((scenario) => !select || select.evaluate(scenario.tags.map((t) => t.name)))
    .flatMap((scenario) => (scenario.id ? [scenario.id] : []))
    .sort();
}
