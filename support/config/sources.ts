import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'dotenv';
import { ConfigError } from './errors';

/** The project root: every relative path the harness prints is relative to it. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function relativeToRoot(file: string, root = projectRoot): string {
  return path.relative(root, file) || file;
}

/** Reads a dotenv file, naming the file (and how to create it) when it is absent. */
export function readDotenvFile(file: string, root = projectRoot): Record<string, string> {
  const shown = relativeToRoot(file, root);
  if (!existsSync(file)) {
    const example = `${shown}.example`;
    const hint = existsSync(`${file}.example`) ? ` (copy ${example} and fill it in)` : '';
    throw new ConfigError(`${shown}: file not found${hint}`);
  }
  return parse(readFileSync(file));
}
