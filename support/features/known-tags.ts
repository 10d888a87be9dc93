import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config/errors';
import { projectRoot, relativeToRoot } from '../config/sources';
import { SEVERITIES } from '../evidence/scenario-tags';

/** The metadata tags every scenario carries, each with a value from a known list. */
export const TAG_KEYS = ['owner', 'area', 'channel', 'severity'] as const;
export type TagKey = (typeof TAG_KEYS)[number];

export type KnownTags = Record<TagKey, readonly string[]>;

/** What the harness knows without a project file; `uat.tags.json` adds to owner, area and channel. */
export const DEFAULT_TAGS: KnownTags = {
  owner: ['order-to-cash', 'procure-to-pay', 'warehouse', 'finance', 'customer-service', 'master-data'],
  area: ['order-to-cash', 'procure-to-pay', 'warehouse-operations', 'finance', 'customer-service', 'platform'],
  channel: ['wholesale', 'retail', 'ecommerce', 'telesales', 'field-sales', 'partner', 'internal', 'all'],
  severity: SEVERITIES,
};

const values = z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case words joined by "-", e.g. "returns"')).optional();
const projectTags = z.strictObject({ owner: values, area: values, channel: values });

export const tagsFile = (root = projectRoot) => path.join(root, 'uat.tags.json');

/** The known values: the defaults plus those of `uat.tags.json` when the project has one. */
export function loadKnownTags(file = tagsFile()): KnownTags {
  if (!existsSync(file)) return DEFAULT_TAGS;
  const shown = relativeToRoot(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${shown}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = projectTags.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues
        .flatMap((issue) =>
          issue.code === 'unrecognized_keys'
            ? issue.keys.map((key) => `${shown}: ${key} is not a key it may have (owner, area, channel; severities are Allure's own)`)
            : [`${shown}: ${issue.path.join('.') || '(top level)'} ${issue.message}`],
        )
        .join('\n'),
    );
  }
  const add = (key: 'owner' | 'area' | 'channel') => [...new Set([...DEFAULT_TAGS[key], ...(parsed.data[key] ?? [])])];
  return { owner: add('owner'), area: add('area'), channel: add('channel'), severity: DEFAULT_TAGS.severity };
}
