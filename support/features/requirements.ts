import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot, relativeToRoot } from '../config/sources';

/** The Odoo modules a feature file asks for with `@requires:<module>` tags. */
export interface FeatureRequirements {
  file: string;
  modules: string[];
}

const REQUIRES_TAG = /@requires:([\w.-]+)/g;

export function featureFiles(dir = path.join(projectRoot, 'features')): string[] {
  return readdirSync(dir)
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? featureFiles(full) : entry.endsWith('.feature') ? [full] : [];
    })
    .sort();
}

/** Reads the tag lines of each feature (feature, rule and scenario level alike). */
export function moduleRequirements(files = featureFiles()): FeatureRequirements[] {
  return files.map((file) => {
    const modules = new Set<string>();
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const trimmed = line.trim();
      if (!trimmed.startsWith('@')) continue;
      for (const match of trimmed.matchAll(REQUIRES_TAG)) modules.add(match[1] as string);
    }
    return { file: relativeToRoot(file), modules: [...modules].sort() };
  });
}

/** The modules named by `@requires:` among a scenario's tags. */
export function requiredModules(tags: readonly string[]): string[] {
  return tags.filter((t) => t.startsWith('@requires:')).map((t) => t.slice('@requires:'.length));
}
