import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../config/errors';
import { projectRoot, relativeToRoot } from '../../config/sources';

/** One HTTP request the harness sent to Odoo, and Odoo's answer; secrets in the body are a placeholder. */
export interface TargetExchange {
  path: string;
  body: string;
  status: number;
  contentType: string;
  response: string;
}

/**
 * A live run of the features in rpc mode, kept so that the same features can
 * run again against its answers: the run's pinned namespace and seed make
 * them send the same requests. `sources` are digests of the files whose
 * change would change those requests: a recording older than them is stale.
 */
export interface TargetRecording {
  format: 1;
  server: string;
  transport: string;
  recordedAt: string;
  /** The run tag every namespace of the recorded run was made from. */
  namespaceRun: string;
  seed: number;
  features: string[];
  sources: Record<string, string>;
  exchanges: TargetExchange[];
}

/** Stands in for a secret (a password, a derived role password) in a recorded body. */
export const SECRET_PLACEHOLDER = '[secret]';

export function withoutSecrets(body: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length > 0).reduce((text, secret) => text.split(secret).join(SECRET_PLACEHOLDER), body);
}

/** The files whose content decides what a run of the features sends: the features, the steps and the tasks. */
export function sourceDigests(features: readonly string[], root = projectRoot): Record<string, string> {
  const codeDirs = ['steps', 'scenarios'];
  const code = codeDirs.flatMap((dir) => readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.ts')).map((f) => path.join(root, dir, f)));
  const files = [...features.map((f) => path.resolve(root, f)), ...code].sort();
  return Object.fromEntries(files.map((file) => [relativeToRoot(file, root), createHash('sha256').update(readFileSync(file)).digest('hex')]));
}

/** The files that changed (or appeared, or went) since a recording was made. */
export function staleSources(recording: TargetRecording, root = projectRoot): string[] {
  const now = sourceDigests(recording.features.filter((f) => existsSync(path.resolve(root, f))), root);
  const names = new Set([...Object.keys(now), ...Object.keys(recording.sources)]);
  return [...names].filter((name) => now[name] !== recording.sources[name]).sort();
}

export function loadRecording(file: string): TargetRecording {
  if (!existsSync(file)) throw new ConfigError(`${relativeToRoot(file)}: no recording here (record one with \`uat run --env <live env> --mode rpc --record ${relativeToRoot(file)}\`)`);
  const recording = JSON.parse(readFileSync(file, 'utf8')) as TargetRecording;
  if (recording.format !== 1) throw new ConfigError(`${relativeToRoot(file)}: not a recording of this harness (format ${String(recording.format)})`);
  return recording;
}

export function saveRecording(file: string, recording: TargetRecording): void {
  writeFileSync(file, JSON.stringify(recording, null, 1) + '\n');
}
