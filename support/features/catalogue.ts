import type { ColumnDescription } from '../data/tables';
import { TARGET_NEEDS } from '../odoo/target-needs';
import type { KnownTags } from './known-tags';
import { StepMatcher } from './step-matcher';
import type { CustomParameter, StepInfo } from './step-registry';
import type { FeatureStep, ParsedFeature } from './suite';

export { anyOfWords } from './phrases';

/** One step an analyst can write, as the catalogue shows it. */
export interface CatalogueEntry {
  keyword: 'Given' | 'When' | 'Then';
  pattern: string;
  /** steps/<file>.steps.ts:line */
  definedAt: string;
  /** Each parameter with what it takes, e.g. `{int} a whole number, e.g. 10`. */
  parameters: string[];
  /** The columns of the table the step takes, if it takes one. */
  table?: ColumnDescription[];
  /** A step of a feature file that uses it, if any; for a table step, its table's header and first row. */
  example?: { text: string; at: string; table?: string[] };
  /** What the step takes for granted on the target, each as `uat doctor` checks it. */
  needs?: string[];
  /** Roles it acts as that its text does not name. */
  actsAs?: readonly string[];
}

const BUILT_IN: Record<string, string> = {
  '{string}': 'text in double quotes, e.g. "Acme"',
  '{int}': 'a whole number, e.g. 10',
  '{float}': 'a number, e.g. 1000 or 12.50',
  '{word}': 'one word',
};

/**
 * The catalogue: every registered step (steps/ imported, see load-steps.ts)
 * with its parameters, its table's columns, and a real example from the
 * feature files, matched the way playwright-bdd matches (Cucumber expressions).
 */
export function buildCatalogue(steps: readonly StepInfo[], parameters: readonly CustomParameter[], features: readonly ParsedFeature[]): CatalogueEntry[] {
  const matcher = new StepMatcher(steps, parameters);
  const examples = new Map<StepInfo, { step: FeatureStep; at: string; draft: boolean }>();
  const seen = new Set<string>();
  for (const feature of features) {
    for (const scenario of feature.scenarios) {
      for (const step of scenario.steps) {
        const key = `${feature.file}:${step.line}:${step.text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const [only, ...others] = matcher.matches(step.text);
        if (!only || others.length) continue;
        const known = examples.get(only);
        // A finished scenario is a better example than a draft.
        if (!known || (known.draft && !scenario.draft)) examples.set(only, { step, at: `${feature.file}:${step.line}`, draft: scenario.draft });
      }
    }
  }
  const describe = (token: string) => {
    const own = parameters.find((c) => `{${c.name}}` === token);
    return own ? `${token} one of the ${own.name}s listed above` : `${token} ${BUILT_IN[token] ?? ''}`.trim();
  };
  return steps.map((info): CatalogueEntry => {
    const example = examples.get(info);
    return {
      keyword: info.keyword,
      pattern: info.pattern,
      definedAt: info.definedAt,
      parameters: [...new Set(info.pattern.match(/\{\w*\}/g) ?? [])].map(describe),
      ...(info.table ? { table: info.table.columns } : {}),
      ...(info.needs?.length ? { needs: info.needs.map((need) => `${need}: ${TARGET_NEEDS[need]}`) } : {}),
      ...(info.actsAs?.length ? { actsAs: info.actsAs } : {}),
      ...(example
        ? {
            example: {
              text: `${example.step.type ?? info.keyword} ${example.step.text}`,
              at: example.at,
              ...(example.step.table ? { table: tableLines(example.step.table.header, example.step.table.rows[0]) } : {}),
            },
          }
        : {}),
    };
  });
}

/** The header and first row of a table, aligned as a feature file writes them. */
function tableLines(header: string[], first: string[] | undefined): string[] {
  const rows = first ? [header, first] : [header];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => `| ${header.map((_, i) => (r[i] ?? '').padEnd(widths[i] ?? 0)).join(' | ')} |`);
}

const columnText = (c: ColumnDescription) => `${c.name} (${c.type}${c.required ? '' : ', optional'})`;

export function catalogueAsText(entries: CatalogueEntry[], parameters: readonly CustomParameter[]): string {
  const own = parameters.map((p) => `{${p.name}} is one of: ${p.values.join(', ')}`);
  const steps = entries.map((e) =>
    [
      `${e.keyword} ${e.pattern}`,
      ...(e.parameters.length ? [`  parameters: ${e.parameters.join('; ')}`] : []),
      ...(e.table ? [`  table:      ${e.table.map(columnText).join(', ')}`] : []),
      ...(e.needs ?? []).map((need) => `  needs:      ${need}`),
      ...(e.actsAs ? [`  acts as:    ${e.actsAs.join(', ')}`] : []),
      `  example:    ${e.example ? `${e.example.text}   (${e.example.at})` : '(no feature uses it yet)'}`,
      ...(e.example?.table ?? []).map((line) => `                ${line}`),
    ].join('\n'),
  );
  return [...own, '', ...steps.flatMap((s) => [s, ''])].join('\n').trimEnd();
}

export function catalogueAsMarkdown(entries: CatalogueEntry[], parameters: readonly CustomParameter[], tags: KnownTags): string {
  const byFile = new Map<string, CatalogueEntry[]>();
  for (const entry of entries) {
    const area = entry.definedAt.replace(/^steps\/(.+)\.steps\.ts:\d+$/, '$1');
    byFile.set(area, [...(byFile.get(area) ?? []), entry]);
  }
  const sections = [...byFile].map(([area, list]) =>
    [
      `## ${area}`,
      '',
      ...list.flatMap((e) => [
        `- **${e.keyword}** \`${e.pattern}\``,
        ...(e.parameters.length ? [`  - parameters: ${e.parameters.join('; ')}`] : []),
        ...(e.table ? [`  - table columns: ${e.table.map((c) => `\`${c.name}\` (${c.type}${c.required ? ', required' : ', optional'})`).join(', ')}`] : []),
        ...(e.needs ?? []).map((need) => `  - needs ${need}`),
        ...(e.actsAs ? [`  - acts as ${e.actsAs.join(', ')}`] : []),
        `  - example: ${e.example ? `\`${e.example.text}\` (${e.example.at})` : 'none yet'}`,
        ...(e.example?.table ? ['', '    ```gherkin', ...e.example.table.map((line) => `    ${line}`), '    ```', ''] : []),
      ]),
      '',
    ].join('\n'),
  );
  const list = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(', ');
  return [
    '# Step catalogue',
    '',
    'Every step a feature file can use, generated by `npx uat steps --markdown` from `steps/`.',
    'Write `And` or `But` in place of the keyword to continue the previous step. Names in',
    'quotes are your own aliases: the harness creates the record and adds the run\'s namespace.',
    '',
    '`npx uat check` checks your feature files against this catalogue without an Odoo: every',
    'problem at once, each as `file:line: message`. Tag a scenario `@wip` while it is a draft:',
    'runs leave it out, and `uat check` reports its problems as warnings that do not fail.',
    '',
    '## Tags',
    '',
    'Each scenario needs an id `@UAT-...` (unique across the suite; the feature\'s id serves',
    'when the feature has one scenario; each Examples row of an outline gets the outline\'s id',
    'plus `#1`, `#2`, ... unless its Examples block has an id of its own) and one tag of each:',
    '',
    `- \`@owner:\` ${list(tags.owner)}`,
    `- \`@area:\` ${list(tags.area)}`,
    `- \`@channel:\` ${list(tags.channel)}`,
    `- \`@severity:\` ${list(tags.severity)}`,
    '',
    'A project adds owners, areas and channels in `uat.tags.json`.',
    '',
    '## Parameters',
    '',
    ...parameters.map((p) => `- \`{${p.name}}\`: ${list(p.values)}`),
    ...Object.entries(BUILT_IN).map(([token, meaning]) => `- \`${token}\`: ${meaning}`),
    '',
    ...sections,
  ].join('\n');
}
