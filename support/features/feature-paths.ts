import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/errors';
import { projectRoot } from '../config/sources';
import { featureFiles } from './requirements';

/**
 * The feature files named by paths as `uat check`, `uat run` and the
 * profiles in cucumber.json write them: files, folders (every .feature
 * below) and globs such as `features/**\/*.feature`. Relative paths are
 * taken from `base` (the current folder for command-line paths, the project
 * root for profiles). Sorted, each file once.
 */
export function resolveFeaturePaths(paths: readonly string[], base = projectRoot): string[] {
  const files = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(base, given);
    if (/[*?[{]/.test(given)) {
      const matcher = globMatcher(absolute);
      const root = staticPrefix(absolute);
      if (existsSync(root) && statSync(root).isDirectory()) featureFiles(root).filter((f) => matcher.test(f)).forEach((f) => files.add(f));
      continue;
    }
    if (!existsSync(absolute)) throw new ConfigError(`${given}: feature file not found`);
    if (statSync(absolute).isDirectory()) featureFiles(absolute).forEach((f) => files.add(f));
    else files.add(absolute);
  }
  return [...files].sort();
}

/** The folder part of a glob before its first wildcard. */
function staticPrefix(glob: string): string {
  const parts = glob.split(path.sep);
  const first = parts.findIndex((part) => /[*?[{]/.test(part));
  return parts.slice(0, first).join(path.sep) || path.sep;
}

/** `**` any folders (or none), `*` and `?` within one name, `{a,b}` either. */
function globMatcher(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i] as string;
    if (char === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const end = glob.indexOf('}', i);
      source += `(?:${glob.slice(i + 1, end).split(',').map(escape).join('|')})`;
      i = end;
    } else source += escape(char);
  }
  return new RegExp(`^${source}$`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
