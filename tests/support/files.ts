import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh folder for one test's files, outside the project. */
export function scratchDir(prefix = 'uat-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes a .env file from key/value pairs and returns its path. */
export function writeEnvFile(dir: string, name: string, values: Record<string, string>): string {
  const file = path.join(dir, `${name}.env`);
  writeFileSync(file, Object.entries(values).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  return file;
}

export const validEnvironment = {
  ODOO_URL: 'http://127.0.0.1:8069',
  ODOO_DB: 'uat19',
  ODOO_LOGIN: 'admin',
  ODOO_PASSWORD: 'correct-horse-battery',
  UAT_TEST_TARGET: 'true',
};
