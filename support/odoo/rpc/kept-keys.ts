import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HarnessError } from '../../config/errors';
import { Secret } from '../../config/secret';

/** How long a kept key lives: under the one day Odoo 19 allows a user without admin rights (res.users.apikeys._check_expiration_date). */
export const KEPT_KEY_LIFETIME_HOURS = 12;

/** A kept key is used by a run only while it has this much life left: a long rehearsal's length, so it cannot expire mid-run. */
export const KEPT_KEY_MIN_LIFE_HOURS = 6;

/** A lock older than this was left by a run that was killed while it made keys (making one takes about a second). */
const STALE_LOCK_MS = 120_000;
const LOCK_WAIT_MS = 180_000;

export interface KeptKey {
  key: Secret;
  /** The key's name in Odoo: what an audit or a clean-up looks for. */
  name: string;
  /** When Odoo stops taking it (ISO, UTC). */
  expires: string;
}

/** A key as the file holds it: sealed with its user's password, so the file alone opens nothing. */
interface SealedKey {
  name: string;
  expires: string;
  iv: string;
  tag: string;
  sealed: string;
}

/**
 * API keys kept on this machine between runs, one file per Odoo database,
 * readable by its owner only. Making a key costs Odoo two password hashes
 * (the login and the identity check, about a second on 19), so a run that
 * finds its users' keys here starts without them. Each key is sealed
 * (AES-256-GCM) with a key derived from its user's password: the file is of
 * no use without the passwords, and a changed password makes a new key (so
 * the new password is checked). The file lives under `.auth/`, which git
 * ignores and no report or artifact includes.
 */
export class KeptKeys {
  constructor(
    readonly file: string,
    private readonly database: string,
  ) {}

  /** The store of one database of one server, under `root`/.auth/api-keys. */
  static forDatabase(root: string, url: string, db: string): KeptKeys {
    const database = `${url}\n${db}`;
    const digest = createHash('sha256').update(database).digest('hex').slice(0, 16);
    return new KeptKeys(path.join(root, '.auth', 'api-keys', `${digest}.json`), database);
  }

  /** The user's kept key, if its password opens it and it still has KEPT_KEY_MIN_LIFE_HOURS to live. */
  usable(login: string, password: Secret, now = Date.now()): KeptKey | undefined {
    const stored = this.#read()[login];
    if (!stored || Date.parse(stored.expires) - now < KEPT_KEY_MIN_LIFE_HOURS * 3_600_000) return undefined;
    const key = this.#open(login, password, stored);
    return key ? { key, name: stored.name, expires: stored.expires } : undefined;
  }

  /** Every kept key one of the passwords opens: what reports must redact (a kept key stays valid after its run). */
  openedBy(passwords: readonly Secret[]): Secret[] {
    return Object.entries(this.#read()).flatMap(([login, stored]) => passwords.map((password) => this.#open(login, password, stored)).filter((key): key is Secret => key !== undefined));
  }

  keep(login: string, password: Secret, kept: KeptKey): void {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#sealingKey(login, password), iv);
    const sealed = Buffer.concat([cipher.update(kept.key.reveal(), 'utf8'), cipher.final()]);
    const entry: SealedKey = { name: kept.name, expires: kept.expires, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), sealed: sealed.toString('base64') };
    const now = Date.now();
    // Expired keys are dropped as the file is written: Odoo no longer takes them.
    const live = Object.entries(this.#read()).filter(([, stored]) => Date.parse(stored.expires) > now);
    this.#write({ ...Object.fromEntries(live), [login]: entry });
  }

  /** Drops a user's key that Odoo no longer takes (revoked, expired, or the database restored from before it). */
  forget(login: string): void {
    const { [login]: dropped, ...others } = this.#read();
    if (dropped) this.#write(others);
  }

  /**
   * Runs `make` alone among the runs of this machine: two runs starting
   * together would each make a key for the same user, and the one whose key
   * the other overwrote would leave it live in Odoo, used by nobody.
   */
  async alone<T>(make: () => Promise<T>): Promise<T> {
    const lock = `${this.file}.lock`;
    mkdirSync(path.dirname(lock), { recursive: true, mode: 0o700 });
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (let wait = 100; ; wait = Math.min(wait * 2, 1_000)) {
      try {
        closeSync(openSync(lock, 'wx', 0o600));
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (Date.now() - lockAge(lock) > STALE_LOCK_MS) rmSync(lock, { force: true });
        else if (Date.now() > deadline) throw new HarnessError(`another run has been making API keys for ${LOCK_WAIT_MS / 1000} s (${lock}): if no run is going, remove that file`);
        else await sleep(wait);
      }
    }
    try {
      return await make();
    } finally {
      rmSync(lock, { force: true });
    }
  }

  #sealingKey(login: string, password: Secret): Buffer {
    return Buffer.from(hkdfSync('sha256', password.reveal(), `${this.database}\n${login}`, 'uat-harness kept API key', 32));
  }

  #open(login: string, password: Secret, stored: SealedKey): Secret | undefined {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#sealingKey(login, password), Buffer.from(stored.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(stored.tag, 'base64'));
      return new Secret(Buffer.concat([decipher.update(Buffer.from(stored.sealed, 'base64')), decipher.final()]).toString('utf8'));
    } catch {
      // Another password than the one that sealed it (changed since), or an entry of an older harness.
      return undefined;
    }
  }

  #read(): Record<string, SealedKey> {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, SealedKey>;
    } catch {
      // None kept yet, or a file cut short by a killed run: keys are made again.
      return {};
    }
  }

  /** Written whole to a private file, then renamed over the old one: a parallel run reads the old or the new, never half. */
  #write(keys: Record<string, SealedKey>): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const partial = `${this.file}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(keys, null, 2), { mode: 0o600 });
    chmodSync(partial, 0o600);
    renameSync(partial, this.file);
  }
}

/** When a lock file was made (now, if it is already gone). */
function lockAge(lock: string): number {
  try {
    return statSync(lock).mtimeMs;
  } catch {
    return Date.now();
  }
}
