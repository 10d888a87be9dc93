import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runsRoot } from '../support/evidence/run-folder';
import { runCli } from './support/cli';
import { loadEnvironment } from '../support/config/environment';
import { provisionedPassword, ROLE_DEFINITIONS } from '../support/odoo/roles';
import { loadRecording, REPLAYED_PASSWORD } from './support/exchanges';
import { replayOdoo } from './support/replay-odoo';
import { scratchDir, validEnvironment, writeEnvFile } from './support/files';

const fixture = (name: string) => path.join('tests', 'fixtures', 'features', name);

describe('uat run', () => {
  let odoo: Awaited<ReturnType<typeof replayOdoo>>;
  let dir: string;
  // A target that answers like the recorded Odoo 19 did to `uat doctor`: the run's
  // preflight (login, capabilities, role users) is a subset of those requests.
  const recording = loadRecording('doctor-odoo19-json2.json');
  const replayed = { ODOO_API_KEY: 'replayed-api-key', ODOO_PASSWORD: REPLAYED_PASSWORD, ODOO_DB: recording.db, UAT_PROVISION_ROLES: 'true' };
  before(async () => {
    dir = scratchDir();
    const probe = loadEnvironment(writeEnvFile(dir, 'probe', { ...validEnvironment, ...replayed })).environment;
    const secrets = [REPLAYED_PASSWORD, replayed.ODOO_API_KEY, ...Object.keys(ROLE_DEFINITIONS).map((r) => provisionedPassword(probe, r).reveal())];
    odoo = await replayOdoo(recording, secrets, 'lookup');
  });
  after(() => odoo.close());

  it('reports a broken environment file by file and key, and exits non-zero', async () => {
    const file = writeEnvFile(dir, 'broken', { ...validEnvironment, ODOO_URL: 'localhost' });
    const result = await runCli(['run', '--env', file]);
    assert.equal(result.code, 2);
    assert.equal(result.stderr.trim(), 'uat: broken.env: ODOO_URL must be a URL such as http://localhost:8069 (got "localhost")'.replace('broken.env', path.relative(process.cwd(), file)));
  });

  it('refuses a target not marked UAT_TEST_TARGET=true before sending anything', async () => {
    const file = writeEnvFile(dir, 'unmarked', { ...validEnvironment, ODOO_URL: odoo.url, UAT_TEST_TARGET: 'false' });
    const before = odoo.requests.length;
    const result = await runCli(['run', '--env', file]);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /UAT_TEST_TARGET is not "true", so the harness refuses to run scenarios against database "uat19"/);
    assert.equal(odoo.requests.length, before, 'no request reached Odoo');
  });

  it('fails in one line naming the URL when nothing listens there', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const file = writeEnvFile(dir, 'down', { ...validEnvironment, ODOO_URL: url });
    const result = await runCli(['run', '--env', file]);
    assert.equal(result.code, 3);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr, new RegExp(`^uat: Odoo is not reachable at ${url}: connection refused`));
  });

  it('gives up on a URL that never answers, naming it and its time limit', async () => {
    const silent = createServer(() => {}); // accepts connections, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    try {
      const file = writeEnvFile(dir, 'silent', { ...validEnvironment, ODOO_URL: url });
      const result = await runCli(['run', '--env', file]);
      assert.equal(result.code, 3);
      // The message is the time limit's own: without it the run would wait on the silent server until the test's timeout.
      assert.match(result.stderr.trim(), new RegExp(`^uat: Odoo is not reachable at ${url}: no answer within 10 s$`));
    } finally {
      silent.close();
    }
  });

  it('checks the features before anything reaches Odoo: an undefined step stops the run, naming the step and its file:line', async () => {
    const file = writeEnvFile(dir, 'fake', { ...validEnvironment, ...replayed, ODOO_URL: odoo.url });
    const before = odoo.requests.length;
    const result = await runCli(['run', '--env', file, fixture('undefined-step.feature')]);
    assert.equal(result.code, 4);
    assert.match(result.stderr, /^uat: tests\/fixtures\/features\/undefined-step\.feature:5: undefined step 'the moon is made of green cheese'/m);
    assert.match(result.stderr, /^uat: the features to run: 1 feature, 1 scenario, \d+ problems; fix them first .*: no scenario ran and nothing was sent to Odoo$/m);
    assert.doesNotMatch(result.stdout, /passed|Running \d+ test|uat: run /);
    assert.equal(odoo.requests.length, before, 'no request reached Odoo');
  });

  it('fails on a malformed feature file, naming it', async () => {
    const file = writeEnvFile(dir, 'fake', { ...validEnvironment, ...replayed, ODOO_URL: odoo.url });
    const result = await runCli(['run', '--env', file, fixture('malformed.feature')]);
    assert.equal(result.code, 4);
    assert.match(result.stderr, /tests\/fixtures\/features\/malformed\.feature/);
    assert.match(result.stderr, /\(5:\d+\)/, 'names the line');
  });

  it('rejects an invalid tag expression and an unknown option', async () => {
    const file = writeEnvFile(dir, 'fake', { ...validEnvironment, ...replayed, ODOO_URL: odoo.url });
    const tags = await runCli(['run', '--env', file, '--tags', '@a and']);
    assert.equal(tags.code, 2);
    assert.match(tags.stderr, /tag expression "\(not @wip\) and \(@a and\)" is not valid/);
    const option = await runCli(['run', '--env', file, '--colour']);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /Unknown option '--colour'/);
  });

  it('runs the smoke feature end to end and writes its reports into the run folder', async () => {
    const file = writeEnvFile(dir, 'fake', { ...validEnvironment, ...replayed, ODOO_URL: odoo.url });
    // A specs folder left in the shell is not this run's.
    const result = await runCli(['run', '--env', file, '--profile', 'smoke'], { UAT_SPECS_DIR: path.join(dir, 'left-in-the-shell') });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    // Playwright runs the suite cache's specs, at the path where it compiled them in an earlier run.
    assert.match(result.stdout, /reports\/\.cache\/[0-9a-f]{24}\/specs\/features\/smoke\/environment\.feature\.spec\.js/);
    assert.ok(!existsSync(path.join(dir, 'left-in-the-shell')));
    assert.match(result.stdout, /uat: run (\S+): Odoo 19\.0 community at http:\/\/127\.0\.0\.1:\d+, database "uat", mode hybrid, profile smoke/);
    // The smoke feature acts as no role: the run leaves every role user alone.
    assert.doesNotMatch(result.stdout, /uat: role /);
    assert.ok(!odoo.requests.some((r) => /res\.users\/write|<string>res\.users<\/string><\/value><\/param><param><value><string>write</.test(`${r.path} ${r.body}`)), 'no role user was rewritten');
    assert.match(result.stdout, /1 passed/);
    const runId = /uat: run (\S+):/.exec(result.stdout)?.[1] ?? '';
    const runDir = path.join(runsRoot(), runId);
    const run = JSON.parse(readFileSync(path.join(runDir, 'run.json'), 'utf8'));
    assert.equal(run.exitCode, 0);
    assert.equal(run.profile, 'smoke');
    assert.ok(existsSync(path.join(runDir, 'junit.xml')));
    assert.ok(readdirSync(path.join(runDir, 'allure-results')).some((f) => f.endsWith('-result.json')));
    assert.ok(existsSync(path.join(runDir, 'specs', 'features', 'smoke', 'environment.feature.spec.js')), 'the run folder keeps the specs it ran');
    assert.deepEqual(odoo.mismatches, []);
  });
});

/** A port on which nothing listens: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
