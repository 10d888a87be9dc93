import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../config/errors';
import { projectRoot, relativeToRoot } from '../config/sources';

/**
 * The sign-off ledger: signoff/ledger.jsonl at the project root, one JSON
 * entry a line, only ever appended to, and meant to be committed. Each entry
 * carries the hash of the one before it (a chain) and the digest of the
 * evidence it signs, so `uat signoff verify` can name any entry that was edited.
 */
export const defaultLedgerFile = (root = projectRoot) => path.join(root, 'signoff', 'ledger.jsonl');

export const DECISIONS = ['approve', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface LedgerEntry {
  seq: number;
  at: string;
  decision: Decision;
  scenario: string;
  title: string;
  owner: string;
  comment: string;
  /** The OS user who recorded the decision. */
  by: string;
  runId: string;
  /** The run folder, relative to the project root when inside it. */
  run: string;
  evidence: string;
  prev: string;
  /** The owner's SSH signature of the entry's unsigned hash (where signoff/allowed_signers asks for one). */
  signature?: string;
  hash: string;
}

export type EntryDraft = Omit<LedgerEntry, 'seq' | 'prev' | 'hash' | 'signature'>;

/** What a signature signs: the hash of the entry without its signature. */
export function unsignedHash(entry: Omit<LedgerEntry, 'hash'> | LedgerEntry): string {
  const { signature: _signature, ...body } = entry as LedgerEntry;
  return entryHash(body);
}

export const GENESIS = `sha256:${'0'.repeat(64)}`;

/** The hash of an entry: SHA-256 over its fields (all but `hash`) in sorted key order. */
export function entryHash(entry: Omit<LedgerEntry, 'hash'> | Record<string, unknown>): string {
  const fields = Object.fromEntries(
    Object.entries(entry)
      .filter(([key]) => key !== 'hash')
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return `sha256:${createHash('sha256').update(JSON.stringify(fields)).digest('hex')}`;
}

export interface LedgerLine {
  line: number;
  text: string;
  entry?: LedgerEntry;
}

/** The ledger's lines, each parsed when it is JSON; a missing ledger is an empty one. */
export function readLedgerLines(file: string): LedgerLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((text, index) => ({ line: index + 1, text }))
    .filter(({ text }) => text.trim() !== '')
    .map(({ line, text }) => {
      try {
        return { line, text, entry: JSON.parse(text) as LedgerEntry };
      } catch {
        return { line, text };
      }
    });
}

/** The entries, for status and readiness; a damaged ledger stops them and points to `verify`. */
export function readLedger(file: string): LedgerEntry[] {
  return readLedgerLines(file).map(({ line, entry }) => {
    if (!entry) throw new HarnessError(`${relativeToRoot(file)}:${line} is not a ledger entry: run \`uat signoff verify\``);
    return entry;
  });
}

/** Appends one entry, chained to the last, signed by `sign` when given; a lock file keeps two sign-offs from taking the same place. */
export function appendEntry(file: string, draft: EntryDraft, sign?: (unsigned: string) => string): LedgerEntry {
  mkdirSync(path.dirname(file), { recursive: true });
  const lock = `${file}.lock`;
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch {
    throw new HarnessError(`${relativeToRoot(lock)} exists: another sign-off is being written; retry, or delete the file if none is`);
  }
  try {
    const last = readLedger(file).at(-1);
    const unsigned = { seq: (last?.seq ?? 0) + 1, ...draft, prev: last?.hash ?? GENESIS };
    const body = sign ? { ...unsigned, signature: sign(entryHash(unsigned)) } : unsigned;
    const entry: LedgerEntry = { ...body, hash: entryHash(body) };
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
    return entry;
  } finally {
    closeSync(fd);
    unlinkSync(lock);
  }
}

/** How an entry is named in messages: "entry 3 (line 3: approve UAT-O2C-001 by order-to-cash)". */
export function describeEntry(line: LedgerLine): string {
  const e = line.entry;
  return e ? `entry ${e.seq} (line ${line.line}: ${e.decision} ${e.scenario} by ${e.owner})` : `line ${line.line}`;
}
