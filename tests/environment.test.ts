import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import { loadEnvironment } from '../support/config/environment';
import { ConfigError } from '../support/config/errors';
import { redact } from '../support/config/secret';
import { projectRoot } from '../support/config/sources';
import { scratchDir, validEnvironment, writeEnvFile } from './support/files';

function load(values: Record<string, string>, overrides?: Record<string, string>) {
  const dir = scratchDir();
  writeEnvFile(dir, 'uat', values);
  return loadEnvironment('uat', { dir, root: dir, ...(overrides ? { overrides } : {}) });
}

function problemsOf(values: Record<string, string>): string[] {
  try {
    load(values);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.message.split('\n');
  }
  assert.fail('the environment was accepted');
}

describe('environment files', () => {
  it('loads a valid file with defaults', () => {
    const { environment, warnings } = load(validEnvironment);
    assert.equal(environment.name, 'uat');
    assert.equal(environment.odoo.url, 'http://127.0.0.1:8069');
    assert.equal(environment.odoo.db, 'uat19');
    assert.equal(environment.odoo.admin.login, 'admin');
    assert.equal(environment.odoo.admin.password.reveal(), 'correct-horse-battery');
    assert.equal(environment.odoo.rpc, 'auto');
    assert.equal(environment.mode, 'hybrid');
    assert.equal(environment.testTarget, true);
    assert.equal(environment.seed, undefined);
    assert.deepEqual(warnings, []);
  });

  it('names the file and the key, with the bad value, for an invalid URL', () => {
    assert.deepEqual(problemsOf({ ...validEnvironment, ODOO_URL: 'localhost' }), [
      'uat.env: ODOO_URL must be a URL such as http://localhost:8069 (got "localhost")',
    ]);
  });

  it('reports every problem at once, one per line', () => {
    const problems = problemsOf({ ODOO_URL: 'ftp://x', ODOO_DB: 'db', UAT_MODE: 'fast', UAT_SEED: 'abc' });
    assert.deepEqual(problems.sort(), [
      'uat.env: ODOO_LOGIN is missing or empty',
      'uat.env: ODOO_PASSWORD is missing or empty',
      'uat.env: ODOO_URL must be a URL such as http://localhost:8069 (got "ftp://x")',
      'uat.env: UAT_MODE must be one of hybrid, rpc (got "fast")',
      'uat.env: UAT_SEED must be a whole number (got "abc")',
    ]);
  });

  it('treats an empty value as not set', () => {
    const problems = problemsOf({ ...validEnvironment, ODOO_DB: '' });
    assert.deepEqual(problems, ['uat.env: ODOO_DB is missing or empty']);
    assert.equal(load({ ...validEnvironment, ODOO_API_KEY: '' }).environment.odoo.apiKey, undefined);
  });

  it('never echoes a secret value, even when it is invalid', () => {
    const problems = problemsOf({ ...validEnvironment, ODOO_PASSWORD: '   ', UAT_ROLE_SALES_PASSWORD: 'hunter2' });
    const all = problems.join('\n');
    assert.match(all, /ODOO_PASSWORD is missing or empty/);
    assert.match(all, /UAT_ROLE_SALES_LOGIN is missing \(other UAT_ROLE_SALES_ keys are set\)/);
    assert.doesNotMatch(all, /hunter2/);
  });

  it('keeps passwords out of logs and JSON', () => {
    const { environment } = load({ ...validEnvironment, ODOO_API_KEY: 'key-123', UAT_ROLE_SALES_LOGIN: 'sam', UAT_ROLE_SALES_PASSWORD: 'pw-sales' });
    const dumped = JSON.stringify(environment) + inspect(environment, { depth: 10 }) + String(environment.odoo.admin.password);
    for (const secret of ['correct-horse-battery', 'key-123', 'pw-sales']) assert.ok(!dumped.includes(secret), `${secret} leaked`);
    assert.equal(redact('login failed for pw-sales', [environment.roles.SALES?.password]), 'login failed for [redacted]');
  });

  it('reads role users, including role names with underscores', () => {
    const { environment } = load({
      ...validEnvironment,
      UAT_ROLE_SALES_LOGIN: 'sam',
      UAT_ROLE_SALES_PASSWORD: 'a',
      UAT_ROLE_ACCOUNT_MANAGER_LOGIN: 'ann',
      UAT_ROLE_ACCOUNT_MANAGER_PASSWORD: 'b',
      UAT_ROLE_ACCOUNT_MANAGER_API_KEY: 'k',
    });
    assert.deepEqual(Object.keys(environment.roles).sort(), ['ACCOUNT_MANAGER', 'SALES']);
    assert.equal(environment.roles.ACCOUNT_MANAGER?.login, 'ann');
    assert.equal(environment.roles.ACCOUNT_MANAGER?.apiKey?.reveal(), 'k');
    assert.equal(environment.roles.SALES?.apiKey, undefined);
  });

  it('lets the process environment override a file value, and says so in errors', () => {
    const { environment } = load(validEnvironment, { UAT_MODE: 'rpc', ODOO_PASSWORD: 'from-ci', PATH: '/bin' });
    assert.equal(environment.mode, 'rpc');
    assert.equal(environment.odoo.admin.password.reveal(), 'from-ci');
    assert.throws(() => load(validEnvironment, { UAT_MODE: 'turbo' }), {
      message: 'uat.env (UAT_MODE overridden by the process environment): UAT_MODE must be one of hybrid, rpc (got "turbo")',
    });
  });

  it('warns about unknown harness keys (likely typos) without failing', () => {
    const { environment, warnings } = load({ ...validEnvironment, UAT_TEST_TARGE: 'true', OTHER_KEY: 'x' });
    assert.equal(environment.testTarget, true);
    assert.deepEqual(warnings, ['uat.env: unknown key UAT_TEST_TARGE is ignored (check its spelling)']);
  });

  it('says which file is missing and points at its example', () => {
    const dir = scratchDir();
    writeEnvFile(dir, 'rehearsal.env', { ODOO_URL: 'x' }); // writes rehearsal.env.env: not the example
    assert.throws(() => loadEnvironment('rehearsal', { dir, root: dir }), { message: 'rehearsal.env: file not found' });
    assert.throws(() => loadEnvironment('../etc/passwd', { dir, root: dir }), /environment name "..\/etc\/passwd" is not valid/);
  });

  it('accepts a path to a .env file instead of a name', () => {
    const dir = scratchDir();
    const file = writeEnvFile(dir, 'ci-secrets', validEnvironment);
    assert.equal(loadEnvironment(file).environment.name, 'ci-secrets');
  });

  it('defaults UAT_TEST_TARGET to false and rejects values other than true or false', () => {
    const { UAT_TEST_TARGET: _omitted, ...unmarked } = validEnvironment;
    assert.equal(load(unmarked).environment.testTarget, false);
    assert.deepEqual(problemsOf({ ...validEnvironment, UAT_TEST_TARGET: 'yes' }), [
      'uat.env: UAT_TEST_TARGET must be true or false (got "yes")',
    ]);
  });
});

describe('committed environment examples', () => {
  for (const name of ['local', 'uat', 'rehearsal']) {
    it(`environments/${name}.env.example is valid once its secrets are given`, () => {
      const copy = path.join(scratchDir(), `${name}.env`);
      copyFileSync(path.join(projectRoot, 'environments', `${name}.env.example`), copy);
      const { environment, warnings } = loadEnvironment(copy, { overrides: { ODOO_PASSWORD: 'from-the-secret-store' } });
      assert.deepEqual(warnings, []);
      assert.equal(environment.testTarget, true);
    });
  }
});
