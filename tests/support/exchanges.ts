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

/** Stands in for secrets in recorded bodies, so recordings can be committed. */
export const SECRET_PLACEHOLDER = '[secret]';

export function normaliseBody(body: string, secrets: string[]): string {
  return secrets.filter(Boolean).reduce((text, secret) => text.split(secret).join(SECRET_PLACEHOLDER), body);
}

export function loadRecording(file: string): Recording {
  return JSON.parse(readFileSync(path.join(projectRoot, 'tests', 'recorded', 'rpc', file), 'utf8')) as Recording;
}
