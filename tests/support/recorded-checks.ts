import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../support/config/sources';
import type { NotesSnapshot } from './offline-world';
import type { RecordedCall } from './recorded-calls';

/** The calls the checks of one checkpoint made, Odoo's answers, and what each check said live. */
export interface RecordedCheckpoint {
  flow: string;
  name: string;
  notes: NotesSnapshot;
  calls: RecordedCall[];
  /** Per check: "passed", or the message it failed with. */
  outcomes: Record<string, string>;
}

export interface CheckRecording {
  server: string;
  recordedAt: string;
  checkpoints: RecordedCheckpoint[];
}

export const CHECK_RECORDINGS_DIR = path.join(projectRoot, 'tests', 'recorded', 'checks');

export function checkRecordings(): { file: string; recording: CheckRecording }[] {
  return readdirSync(CHECK_RECORDINGS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, recording: JSON.parse(readFileSync(path.join(CHECK_RECORDINGS_DIR, file), 'utf8')) as CheckRecording }));
}
