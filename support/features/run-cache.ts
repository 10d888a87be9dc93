import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/sources';
import type { FeatureNeeds } from './feature-needs';

/** What `uat check` and bddgen read besides the features: the step files and what they import, the profiles, the tags, the config, the installed packages. */
const SOURCES = ['steps', 'support', 'cucumber.json', 'uat.tags.json', 'playwright.config.ts', 'package-lock.json'];

/** Cached suites kept; older ones are removed. */
const KEPT = 10;

function filesUnder(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => filesUnder(path.join(entry, name)));
}

/**
 * A digest of everything the check and the generated specs depend on: the
 * feature files run, the tag expression and feature paths the specs are made
 * for, and every source of SOURCES. The same digest gives the same check and the same specs.
 */
export function suiteDigest(features: readonly string[], selection: { tags: string | undefined; paths: string; profile: string }, root = projectRoot): string {
  const hash = createHash('sha256').update(JSON.stringify(selection));
  for (const file of [...features.map((f) => path.resolve(f)), ...SOURCES.flatMap((s) => filesUnder(path.join(root, s)))]) {
    hash.update(`\n${path.relative(root, file)}\n`).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 24);
}

/**
 * Work a run did before for the same suite (a passed `uat check`, the
 * features' needs, the specs bddgen made), kept under reports/.cache/<digest>/, so an unchanged suite
 * starts without doing it again.
 */
export class SuiteCache {
  readonly #dir: string;

  constructor(
    readonly digest: string,
    root = projectRoot,
  ) {
    this.#dir = path.join(root, 'reports', '.cache', digest);
  }

  get checked(): boolean {
    return existsSync(path.join(this.#dir, 'checked'));
  }

  markChecked(): void {
    mkdirSync(this.#dir, { recursive: true });
    writeFileSync(path.join(this.#dir, 'checked'), new Date().toISOString());
    this.#prune();
  }

  /** What the suite's features need of a target, as read off their steps the last time; undefined when not kept. */
  needs(): FeatureNeeds[] | undefined {
    const file = path.join(this.#dir, 'needs.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FeatureNeeds[]) : undefined;
  }

  /** Keeps the features' needs: reading them loads every step file, which is most of a run's start-up. */
  storeNeeds(needs: readonly FeatureNeeds[]): void {
    mkdirSync(this.#dir, { recursive: true });
    const file = path.join(this.#dir, 'needs.json');
    writeFileSync(`${file}.${process.pid}`, JSON.stringify(needs));
    renameSync(`${file}.${process.pid}`, file);
  }

  /** Copies the cached specs into a run's specs folder; false when there are none. Specs import the steps by a path relative to reports/runs/<id>/specs, the same in every run. */
  restoreSpecs(into: string): boolean {
    const specs = path.join(this.#dir, 'specs');
    if (!existsSync(path.join(this.#dir, 'specs-complete'))) return false;
    cpSync(specs, into, { recursive: true });
    return true;
  }

  /**
   * The kept specs, for Playwright to run in place (undefined when there are none). Their path
   * is the same in every run of the suite, so Playwright compiles them once, not at every run. Using them
   * marks the suite as the newest, so other suites' runs do not prune them while this run needs them.
   */
  specsInPlace(): string | undefined {
    if (!existsSync(path.join(this.#dir, 'specs-complete'))) return undefined;
    const now = new Date();
    utimesSync(this.#dir, now, now);
    return path.join(this.#dir, 'specs');
  }

  /** Keeps a run's specs for the next run of the suite; parallel runs of one suite make the same specs, and the first one kept stays. */
  storeSpecs(from: string): void {
    const specs = path.join(this.#dir, 'specs');
    if (existsSync(path.join(this.#dir, 'specs-complete'))) return;
    const copy = `${specs}.${process.pid}`;
    mkdirSync(this.#dir, { recursive: true });
    cpSync(from, copy, { recursive: true });
    try {
      renameSync(copy, specs);
    } catch {
      rmSync(copy, { recursive: true, force: true }); // another run kept them first
    }
    // Written last: a run that dies while copying leaves no half cache behind.
    writeFileSync(path.join(this.#dir, 'specs-complete'), new Date().toISOString());
    this.#prune();
  }

  #prune(): void {
    const parent = path.dirname(this.#dir);
    const entries = readdirSync(parent).map((name) => ({ name, time: statSync(path.join(parent, name)).mtimeMs }));
    for (const { name } of entries.sort((a, b) => b.time - a.time).slice(KEPT)) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}
