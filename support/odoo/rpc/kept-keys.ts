import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Secret } from '../../config/secret';

/** How long a kept key lives: under the one day Odoo 19 allows a user without admin rights (res.users.apikeys._check_expiration_date). */
export const KEPT_KEY_LIFETIME_HOURS = 12;

/** A kept key is used by a run only while it has this much life left: a long rehearsal's length, so it cannot expire mid-run. */
export const KEPT_KEY_MIN_LIFE_HOURS = 6;

export interface KeptKey {
  key: Secret;
  /** The key's name in Odoo: what removes it. */
  name: string;
  /** When Odoo stops taking it (ISO, UTC). */
  expires: string;
}

interface StoredKey {
  key: string;
  name: string;
  expires: string;
}

/**
 * API keys kept on this machine between runs, one file per Odoo database,
 * readable by its owner only. Making a key costs Odoo two password hashes
 * (the login and the identity check, about a second on 19), so a run that
 * finds its users' keys here starts without them. The file lives under
 * `.auth/`, which git ignores and no report or artifact includes.
 */
export class KeptKeys {
  constructor(readonly file: string) {}

  /** The store of one database of one server, under `root`/.auth/api-keys. */
  static forDatabase(root: string, url: string, db: string): KeptKeys {
    const digest = createHash('sha256').update(`${url}\n${db}`).digest('hex').slice(0, 16);
    return new KeptKeys(path.join(root, '.auth', 'api-keys', `${digest}.json`));
  }

  /** The user's kept key if it still has KEPT_KEY_MIN_LIFE_HOURS to live. */
  usable(login: string, now = Date.now()): KeptKey | undefined {
    const stored = this.#read()[login];
    if (!stored || Date.parse(stored.expires) - now < KEPT_KEY_MIN_LIFE_HOURS * 3_600_000) return undefined;
    return { key: new Secret(stored.key), name: stored.name, expires: stored.expires };
  }

  keep(login: string, kept: KeptKey): void {
    this.#write({ ...this.#read(), [login]: { key: kept.key.reveal(), name: kept.name, expires: kept.expires } });
  }

  /** Drops a user's key that Odoo no longer takes (revoked, expired, or the database restored from before it). */
  forget(login: string): void {
    const { [login]: dropped, ...others } = this.#read();
    if (dropped) this.#write(others);
  }

  #read(): Record<string, StoredKey> {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, StoredKey>;
    } catch {
      // None kept yet, or a file cut short by a killed run: keys are made again.
      return {};
    }
  }

  /** Written whole to a private file, then renamed over the old one: a parallel run reads the old or the new, never half. */
  #write(keys: Record<string, StoredKey>): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const partial = `${this.file}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(keys, null, 2), { mode: 0o600 });
    chmodSync(partial, 0o600);
    renameSync(partial, this.file);
  }
}
