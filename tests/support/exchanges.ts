import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../support/config/sources';

/** One HTTP request to Odoo and its answer, as recorded from a live server. */
export interface Exchange {
  label: string;
  request: { path: string; body: string };
  response: { status: number; contentType: string; body: string };
}

export interface Recording {
  server: string;
  db: string;
  transport: string;
  /** The namespace the recorded records were named with; replays reuse it so requests match. */
  namespace: string;
  recordedAt: string;
  exchanges: Exchange[];
}

/** Secrets in recorded bodies become the recorded target's placeholder, so recordings can be committed. */
export { SECRET_PLACEHOLDER, withoutSecrets as normaliseBody } from '../../support/odoo/recorded-target/recording';

/**
 * The set-up user's password in replays. Recordings are made with a password
 * unlike the login, so the login stays readable in them and only the
 * password becomes the placeholder.
 */
export const REPLAYED_PASSWORD = 'replayed-password';

export function loadRecording(file: string): Recording {
  return JSON.parse(readFileSync(path.join(projectRoot, 'tests', 'recorded', 'rpc', file), 'utf8')) as Recording;
}
