import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors';
import { projectRoot, relativeToRoot } from './sources';

/**
 * `cucumber.json` is the profiles file: each named profile says which features
 * run, with which tag expression, into which report formats. Formats use
 * Cucumber's "name:path" notation; paths are relative to the run folder.
 */
export const REPORT_FORMATS = ['allure', 'json', 'junit', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const formatEntry = z.string().refine(
  (entry) => REPORT_FORMATS.includes(entry.split(':')[0] as ReportFormat),
  { message: `must start with one of ${REPORT_FORMATS.join(', ')} (e.g. "junit:junit.xml")` },
);

const profileSchema = z.strictObject({
  paths: z.array(z.string().min(1)).min(1, 'must list at least one feature path'),
  tags: z.string().optional(),
  format: z.array(formatEntry).default(['allure']),
  retries: z.number().int().min(0).default(0),
  workers: z.number().int().min(1).optional(),
});

export interface Profile {
  name: string;
  paths: string[];
  tags?: string;
  formats: { kind: ReportFormat; output?: string }[];
  retries: number;
  workers?: number;
}

export function profilesFile(root = projectRoot): string {
  return path.join(root, 'cucumber.json');
}

/** Loads one profile by name, naming the file, the profile and the key on any problem. */
export function loadProfile(name: string, file = profilesFile()): Profile {
  const shown = relativeToRoot(file);
  if (!existsSync(file)) throw new ConfigError(`${shown}: file not found (it holds the run profiles)`);
  let all: unknown;
  try {
    all = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${shown}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof all !== 'object' || all === null || Array.isArray(all)) {
    throw new ConfigError(`${shown}: must be an object of named profiles`);
  }
  const profiles = all as Record<string, unknown>;
  if (!(name in profiles)) {
    throw new ConfigError(`${shown}: no profile "${name}" (profiles: ${Object.keys(profiles).join(', ') || 'none'})`);
  }
  const parsed = profileSchema.safeParse(profiles[name]);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues
        .map((issue) => `${shown}: profile "${name}" ${issue.path.join('.') || 'value'} ${issue.message}`)
        .join('\n'),
    );
  }
  const { paths, tags, format, retries, workers } = parsed.data;
  return {
    name,
    paths,
    ...(tags ? { tags } : {}),
    formats: format.map((entry) => {
      const [kind, ...rest] = entry.split(':');
      const output = rest.join(':');
      return { kind: kind as ReportFormat, ...(output ? { output } : {}) };
    }),
    retries,
    ...(workers ? { workers } : {}),
  };
}

/** Combines the profile's tag expression with the one given on the command line. */
export function combineTags(...expressions: (string | undefined)[]): string | undefined {
  const present = expressions.map((e) => e?.trim()).filter((e): e is string => !!e);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return present.map((e) => `(${e})`).join(' and ');
}
