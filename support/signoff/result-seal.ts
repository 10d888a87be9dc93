import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunRef } from '../evidence/run-folder';

/** A digest of every file of a run's Allure results, taken when the run ends (run.json's `sealed`). */
export function sealResults(resultsDir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(resultsDir)
      .sort()
      .map((file) => [file, createHash('sha256').update(readFileSync(path.join(resultsDir, file))).digest('hex')]),
  );
}

/** The result files that were edited, added or removed since the run sealed them; none for a run made before runs were sealed. */
export function unsealedResults(run: RunRef, resultsDir: string): string[] {
  const sealed = run.info.sealed;
  if (!sealed || !existsSync(resultsDir)) return [];
  const now = sealResults(resultsDir);
  const names = [...new Set([...Object.keys(sealed), ...Object.keys(now)])].sort();
  return names.flatMap((name) => {
    if (!(name in now)) return [`allure-results/${name} was removed after the run`];
    if (!(name in sealed)) return [`allure-results/${name} was added after the run`];
    return now[name] === sealed[name] ? [] : [`allure-results/${name} was edited after the run`];
  });
}
