import { parseArgs } from 'node:util';
import { buildCatalogue, catalogueAsMarkdown, catalogueAsText } from '../../support/features/catalogue';
import { loadKnownTags } from '../../support/features/known-tags';
import { loadStepDefinitions } from '../../support/features/load-steps';
import { featureFiles } from '../../support/features/requirements';
import { parseFeatures } from '../../support/features/suite';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { markdown: { type: 'boolean' } }, strict: true });
  const { steps, parameters } = await loadStepDefinitions();
  const catalogue = buildCatalogue(steps, parameters, parseFeatures(featureFiles()));
  console.log(values.markdown ? catalogueAsMarkdown(catalogue, parameters, loadKnownTags()) : catalogueAsText(catalogue, parameters));
  return 0;
}
