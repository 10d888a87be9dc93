import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config/errors';
import { projectRoot, relativeToRoot } from '../config/sources';
import { SEVERITIES } from '../evidence/scenario-tags';

/**
 * The go/no-go criteria: environments/readiness.criteria.json, versioned with
 * the project so a verdict can always be traced to the rules it applied.
 */
export const defaultCriteriaFile = (root = projectRoot) => path.join(root, 'environments', 'readiness.criteria.json');

/** A scenario's id, an Examples row's (UAT-O2C-010#2), or an outline's, which covers all its rows. */
const scenarioId = z.string().regex(/^UAT-[A-Za-z0-9][A-Za-z0-9-]*(#[1-9]\d*)?$/, 'must be a scenario id such as UAT-O2C-001 (or UAT-O2C-010#2 for one Examples row)');
const percent = z.number({ error: 'must be a number' }).min(0, 'must be from 0 to 100').max(100, 'must be from 0 to 100');
const required = z.string({ error: 'is missing' }).trim().min(1, 'must not be empty');

const waiverSchema = z.strictObject({
  scenario: scenarioId,
  owner: required,
  rationale: required,
  impact: required,
  reviewBy: z.iso.date({ error: 'must be a date such as 2026-12-31' }),
});

const criteriaSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1 (the only criteria format so far)' }),
  minPassRate: z.strictObject({
    default: percent,
    areas: z.record(z.string(), percent).default({}),
  }),
  mustPass: z.array(scenarioId).default([]),
  mustSignOff: z.array(scenarioId).default([]),
  maxFailed: z.partialRecord(z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(', ')}` }), z.number().int().min(0, 'must be 0 or more')).default({}),
  waivers: z.array(waiverSchema).default([]),
});

export type Criteria = z.infer<typeof criteriaSchema>;
export type Waiver = z.infer<typeof waiverSchema>;

export interface LoadedCriteria {
  criteria: Criteria;
  /** As shown in messages and recorded in the verdict. */
  file: string;
  sha256: string;
}

/** Loads and validates the criteria, naming the file and the key of every problem. */
export function loadCriteria(file = defaultCriteriaFile()): LoadedCriteria {
  const shown = relativeToRoot(file);
  if (!existsSync(file)) throw new ConfigError(`${shown}: file not found (it holds the readiness criteria; see README "Reports, sign-off and readiness")`);
  const text = readFileSync(file, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${shown}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = criteriaSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues
        .flatMap((issue) =>
          // An unknown key is named by its full path, like every other problem.
          issue.code === 'unrecognized_keys'
            ? issue.keys.map((key) => `${shown}: ${[...issue.path, key].join('.')} is not a known key (check its spelling)`)
            : [`${shown}: ${issue.path.join('.') || '(top level)'} ${issue.message}`],
        )
        .join('\n'),
    );
  }
  return { criteria: parsed.data, file: shown, sha256: createHash('sha256').update(text).digest('hex') };
}
