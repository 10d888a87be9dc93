import path from 'node:path';
import { parseArgs } from 'node:util';
import parseTagExpression from '@cucumber/tag-expressions';
import { ConfigError, HarnessError } from '../../support/config/errors';
import { projectRoot } from '../../support/config/sources';
import { checkFeatures, formatProblem, summaryLine, type CheckReport } from '../../support/features/check';
import { resolveFeaturePaths } from '../../support/features/feature-paths';
import { loadKnownTags } from '../../support/features/known-tags';
import { loadStepDefinitions } from '../../support/features/load-steps';
import { featureFiles } from '../../support/features/requirements';
import { parseFeatures } from '../../support/features/suite';

/** The exit code of a check with problems, the same as a run whose features cannot be turned into tests. */
export const CHECK_FAILED = 4;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { tags: { type: 'string' } }, strict: true });
  if (values.tags) assertTagExpression(values.tags);
  const files = positionals.length ? resolveFeaturePaths(positionals, process.cwd()) : featureFiles();
  const report = await checkFiles(files, { ...(values.tags ? { tags: values.tags } : {}), draftsWarn: true });
  for (const problem of report.problems) console.log(formatProblem(problem));
  console.log(summaryLine(report));
  return report.errors ? CHECK_FAILED : 0;
}

/**
 * Checks feature files against the step definitions and the known tags;
 * ids must be unique across them and the project's whole features/ folder.
 */
export async function checkFiles(files: readonly string[], options: { tags?: string; draftsWarn: boolean }): Promise<CheckReport> {
  const { steps, parameters } = await loadStepDefinitions();
  const features = parseFeatures(files);
  const checked = new Set(features.map((f) => f.absolutePath));
  const suite = parseFeatures(featureFiles(path.join(projectRoot, 'features')).filter((f) => !checked.has(path.resolve(f))));
  return checkFeatures(features, { steps, parameters, knownTags: loadKnownTags(), suite, ...options });
}

/**
 * What `uat run` does before anything reaches Odoo: the same check, for the
 * features and tag expression it will run; every scenario it will run must pass.
 */
export async function assertRunnable(files: readonly string[], tags: string | undefined): Promise<CheckReport> {
  const report = await checkFiles(files, { ...(tags ? { tags } : {}), draftsWarn: false });
  if (report.errors) {
    throw new HarnessError(
      [...report.problems.filter((p) => !p.warning).map(formatProblem), `${summaryLine(report, 'the features to run')}; fix them first (\`uat check\` lists them too): no scenario ran and nothing was sent to Odoo`].join('\n'),
      CHECK_FAILED,
    );
  }
  return report;
}

export function assertTagExpression(expression: string): void {
  try {
    parseTagExpression(expression);
  } catch (error) {
    throw new ConfigError(`tag expression "${expression}" is not valid: ${(error as Error).message}`);
  }
}
