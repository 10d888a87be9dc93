import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../support/config/sources';
import { resolveFeaturePaths } from '../support/features/feature-paths';
import { parseFeatures } from '../support/features/suite';
import { loadEnvironment } from '../support/config/environment';
import { loadRecording, SECRET_PLACEHOLDER, staleSources } from '../support/odoo/recorded-target/recording';
import { everySecretOf } from '../support/odoo/roles';
import { runCli } from './support/cli';

/**
 * The recorded targets: the shipped business features, run end to end in
 * rpc mode against answers recorded from live Odoo 19 and 18, with no Odoo.
 */
const targets = readdirSync(path.join(projectRoot, 'tests', 'recorded', 'targets'))
  .filter((f) => /^odoo\d+\.json$/.test(f))
  .map((file) => ({ file, env: `recorded-${file.replace(/^odoo(\d+)\.json$/, '$1')}`, recording: loadRecording(path.join(projectRoot, 'tests', 'recorded', 'targets', file)) }));

describe('recorded targets', () => {
  it('are there for Odoo 19 and 18', () => {
    assert.deepEqual(targets.map((t) => t.env).sort(), ['recorded-18', 'recorded-19']);
  });

  for (const { file, env, recording } of targets) {
    describe(`${env} (${file}, Odoo ${recording.server})`, () => {
      it('is not older than the features and steps it serves (re-record it when they change)', () => {
        assert.deepEqual(staleSources(recording), [], `re-record: npx uat run --env <live ${recording.server} env> --mode rpc --record tests/recorded/targets/${file}`);
      });

      it('holds no password, key or session', () => {
        for (const exchange of recording.exchanges) {
          // XML-RPC sends the password as the third parameter of every call; it must be the placeholder.
          const third = /<methodName>(?:execute_kw|authenticate|login)<\/methodName><params>(?:<param>.*?<\/param>){2}<param><value><string>([^<]*)<\/string>/s.exec(exchange.body);
          if (third) assert.equal(third[1], SECRET_PLACEHOLDER, `${exchange.path}: a password in the recording`);
          assert.doesNotMatch(exchange.body, /"password":\s*"(?!\[secret\])[^"]+"|bearer |session_id=/i, `${exchange.path}: a credential in a request`);
          assert.doesNotMatch(exchange.response, /session_id=|"api_key":\s*"[^"]/i, `${exchange.path}: a credential in an answer`);
        }
      });

      it('runs every shipped feature in rpc mode and passes, saying the answers are recorded', async () => {
        const result = await runCli(['run', '--env', env]);
        const output = result.stdout + result.stderr;
        assert.equal(result.code, 0, output.slice(-3000));
        assert.match(output, new RegExp(`the answers come from a recording of Odoo ${recording.server.replace(/[.+]/g, '\\$&')}`));
        assert.doesNotMatch(output, /\b\d+ (failed|flaky)\b/);
        // The customer portal's scenarios act with a web session, which a recording does not hold: they alone are skipped (support/odoo/portal/recorded-targets.ts).
        const portal = parseFeatures(resolveFeaturePaths(['features/**/*.feature'])).flatMap((f) => f.scenarios).filter((s) => s.tags.some((t) => t.name === '@requires:portal')).length;
        assert.equal(Number(/\b(\d+) skipped\b/.exec(output)?.[1] ?? 0), portal, "the portal's scenarios, and no other, are skipped");
        const ran = Number(/Running (\d+) tests?/.exec(output)?.[1]);
        assert.ok(ran > 20, `every shipped feature ran (${ran} scenarios)`);
        assert.match(output, new RegExp(`\\b${ran - portal} passed\\b`));
      });
    });
  }

  it('fails a scenario whose requests drift from the recording, naming the request and the nearest recorded one', async () => {
    const result = await runCli(['run', '--env', 'recorded-19', 'tests/fixtures/features/drift/wholesale-eleven-ordered.feature']);
    const output = result.stdout + result.stderr;
    assert.notEqual(result.code, 0);
    assert.match(output, /1 failed/);
    assert.match(output, /holds no answer to \/json\/2\/product\.product\/create .*; the nearest recorded request was .*Pallet racking kit/);

    // The failed run's folder, its Allure report and its sign-off pack hold none of the run's secrets.
    const runId = /uat: run (\S+):/.exec(output)?.[1] as string;
    assert.equal((await runCli(['report', '--run', runId])).code, 0);
    const environment = loadEnvironment('recorded-19').environment;
    const secrets = everySecretOf(environment);
    assert.ok(secrets.length >= 7, 'the password, the API key and every role password');
    const leaks = filesUnder(path.join(projectRoot, 'reports', 'runs', runId)).flatMap((file) => {
      const text = readFileSync(file, 'latin1');
      return secrets.filter((secret) => text.includes(secret) || text.includes(Buffer.from(secret).toString('base64'))).map(() => path.basename(file));
    });
    assert.deepEqual(leaks, [], 'no secret in the run folder, the report or the pack');
    assert.ok(filesUnder(path.join(projectRoot, 'reports', 'runs', runId)).some((f) => f.endsWith(path.join('allure-report', 'index.html'))));
  });

  it('completes run.json when Ctrl-C stops a run, naming every scenario that did not run', async () => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'uat.js'), 'run', '--env', 'recorded-19'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let pressed = false;
    const code = await new Promise<number>((resolve) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        // A couple of scenarios in, the user presses Ctrl-C, once.
        if (!pressed && (output.match(/✓/g) ?? []).length >= 2) {
          pressed = true;
          child.kill('SIGINT');
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('close', (exit) => resolve(exit ?? -1));
    });
    assert.equal(code, 130, output.slice(-2000));
    const runId = /uat: run (\S+):/.exec(output)?.[1] as string;
    const run = JSON.parse(readFileSync(path.join(projectRoot, 'reports', 'runs', runId, 'run.json'), 'utf8'));
    assert.equal(run.interrupted, true);
    assert.equal(run.exitCode, 130);
    assert.ok(run.finished, 'the run says when it ended');
    assert.ok(run.notRun.length > 0 && run.notRun.length < run.suite.length, `some scenarios ran, the rest are named: ${run.notRun.join(', ')}`);
    assert.match(output, new RegExp(`was interrupted; ${run.notRun.length} scenario\\(s\\) did not run: UAT-`));
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}
