import { parseArgs } from 'node:util';
import { ACTOR_ROLES } from '../../scenarios/actors';
import { buildCatalogue, catalogueAsMarkdown, catalogueAsText } from '../../support/features/catalogue';
import type { Command } from './index';

export const stepsCommand: Command = {
  summary: 'print every step a feature can use, with its parameters and an example',
  usage: 'uat steps [--markdown]',
  run,
};

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { markdown: { type: 'boolean' } }, strict: true });
  const catalogue = buildCatalogue([{ name: 'actor', values: Object.keys(ACTOR_ROLES) }]);
  console.log(values.markdown ? catalogueAsMarkdown(catalogue) : catalogueAsText(catalogue));
  return 0;
}
