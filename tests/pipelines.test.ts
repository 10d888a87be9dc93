import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { loadEnvironment } from '../support/config/environment';
import { projectRoot } from '../support/config/sources';
import { parseShard } from '../support/evidence/shards';
import { historyDirOf } from '../support/history/store';
import { optionsOfCommand, uatInvocations, type UatInvocation } from './support/cli-options';
import { scratchDir } from './support/files';

const GITHUB = 'pipelines/github-actions/uat-rehearsal.yml';
const GITLAB = 'pipelines/gitlab/uat-rehearsal.gitlab-ci.yml';
const CI_ENV_EXAMPLE = 'environments/ci.env.example';

/** Keys whose values are secrets (as the environment loader and the redaction treat them), and the endpoint a farm's token rides in. */
const SECRET_KEY = /PASSWORD|API_KEY|SECRET|TOKEN|WS_ENDPOINT/;

/** A pipeline file as its CI reads it: one YAML document, no error, no duplicate key. */
function readPipeline(file: string): Record<string, unknown> {
  const document = parseDocument(readFileSync(path.join(projectRoot, file), 'utf8'), { uniqueKeys: true });
  assert.deepEqual([...document.errors, ...document.warnings].map((problem) => problem.message), [], `${file} is valid YAML`);
  const parsed: unknown = document.toJS();
  assert.ok(parsed && typeof parsed === 'object', `${file} holds a mapping`);
  return parsed as Record<string, unknown>;
}

interface GithubStep {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  'continue-on-error'?: boolean;
}
interface GithubJob {
  needs?: string | string[];
  if?: string;
  strategy?: { 'fail-fast'?: boolean; matrix?: { shard?: number[] } };
  steps: GithubStep[];
}
interface GitlabJob {
  stage: string;
  parallel?: number;
  when?: string;
  needs?: { job: string; artifacts?: boolean }[];
  before_script?: string[];
  script: string[];
  artifacts?: { when?: string; paths?: string[] };
  cache?: { key?: unknown; paths?: string[] }[];
}

const github = readPipeline(GITHUB) as { env: Record<string, string>; jobs: Record<'shard' | 'merge' | 'readiness', GithubJob> };
const gitlab = readPipeline(GITLAB) as Record<string, unknown> & { stages: string[]; variables?: Record<string, string> };
const gitlabJob = (name: string) => gitlab[name] as GitlabJob;

const needsOf = (job: GithubJob) => [job.needs ?? []].flat();
const runsOf = (job: GithubJob) => job.steps.flatMap((step) => (step.run ? [step.run] : []));
const usesOf = (job: GithubJob, action: string) => job.steps.filter((step) => step.uses?.startsWith(`${action}@`));
const scriptOf = (job: GitlabJob) => [...(job.before_script ?? []), ...job.script];
const invocationsOf = (scripts: string[]) => scripts.flatMap(uatInvocations);
const only = <T>(items: T[], what: string): T => {
  assert.equal(items.length, 1, `exactly one ${what}`);
  return items[0]!;
};

/** What follows `uat run` in a shard: exit 1 (failed scenarios) passes the job, any other exit fails it. */
const FAILED_SCENARIOS_PASS = '|| [ $? -eq 1 ]';

/** The history folder `uat report` and `uat history` use when no option names one. */
const HISTORY = path.relative(projectRoot, historyDirOf(undefined, {}).dir);

describe(`${GITHUB} (GitHub Actions)`, () => {
  const { shard, merge, readiness } = github.jobs;

  it('has a shard matrix, a merge job after it and a readiness gate after that', () => {
    assert.ok(shard && merge && readiness, `jobs: ${Object.keys(github.jobs).join(', ')}`);
    assert.deepEqual(needsOf(merge), ['shard']);
    assert.match(merge.if ?? '', /!cancelled\(\)|always\(\)/, 'the merge runs when a shard failed');
    assert.deepEqual(needsOf(readiness), ['merge']);
    assert.match(readiness.if ?? '', /!cancelled\(\) && needs\.merge\.result == 'success'/, 'the gate decides after a failed shard too (GitHub would skip it)');
    assert.equal(shard.strategy?.['fail-fast'], false, 'one failing shard does not cancel the others');
  });

  it('runs every shard of the total its --shard names, each a valid I/N', () => {
    const run = only(invocationsOf(runsOf(shard)).filter((i) => i.command === 'run'), 'uat run');
    const total = Number(/--shard \$\{\{ matrix\.shard \}\}\/(\d+)\b/.exec(run.line)?.[1]);
    const indices = shard.strategy?.matrix?.shard ?? [];
    assert.deepEqual(indices, Array.from({ length: total }, (_, i) => i + 1), `matrix.shard against --shard .../${total}`);
    for (const index of indices) {
      const given = /--shard (\S+)/.exec(run.line.replace('${{ matrix.shard }}', String(index)))?.[1] ?? '';
      assert.deepEqual(parseShard(given), { index, total });
    }
    assert.ok(runsOf(shard).includes(`${run.line} ${FAILED_SCENARIOS_PASS}`), 'failed scenarios are for readiness; other exits fail the shard');
  });

  it('uploads every artifact even when its job fails, the shard run folders among them', () => {
    const uploads = Object.values(github.jobs).flatMap((job) => usesOf(job, 'actions/upload-artifact'));
    assert.ok(uploads.length >= 4);
    for (const upload of uploads) assert.equal(upload.if, 'always()', `${upload.with?.name}: if: always()`);
    assert.equal(only(usesOf(shard, 'actions/upload-artifact'), 'shard upload').with?.path, 'reports/runs/');
  });

  it('merges the shard artifacts it downloads, reports and records the history, kept in a cache', () => {
    const shardArtifact = only(usesOf(shard, 'actions/upload-artifact'), 'shard upload').with?.name ?? '';
    const download = only(usesOf(merge, 'actions/download-artifact'), 'download');
    assert.equal(shardArtifact.replace('${{ matrix.shard }}', '*'), download.with?.pattern);
    const used = invocationsOf(runsOf(merge));
    assert.deepEqual(used.map((i) => i.command), ['merge', 'report', 'history']);
    assert.equal(used[0]?.line, `npx uat merge ${download.with?.path}`);
    const restore = only(usesOf(merge, 'actions/cache/restore'), 'history restore');
    const save = only(usesOf(merge, 'actions/cache/save'), 'history save');
    assert.equal(restore.with?.path, HISTORY);
    assert.equal(save.with?.path, HISTORY);
    assert.equal(save.with?.key, restore.with?.key);
    const steps = merge.steps.map((step) => step.uses?.split('@')[0] ?? step.run);
    assert.ok(steps.indexOf('actions/cache/restore') < steps.indexOf('npx uat report --run latest'), 'the history is restored before the report records the run');
    const uploaded = usesOf(merge, 'actions/upload-artifact').map((upload) => upload.with?.path);
    assert.ok(uploaded.includes('reports/runs/*/allure-report/') && uploaded.includes('reports/runs/*/signoff-pack/'), uploaded.join(', '));
  });

  it('gates on readiness: its exit code is the job’s', () => {
    const step = only(readiness.steps.filter((s) => s.run?.includes('npx uat readiness')), 'readiness step');
    assert.equal(step.run, 'npx uat readiness --run latest');
    assert.equal(step['continue-on-error'], undefined);
    const merged = usesOf(merge, 'actions/upload-artifact').find((upload) => upload.with?.path === 'reports/runs/');
    assert.equal(only(usesOf(readiness, 'actions/download-artifact'), 'download').with?.name, merged?.with?.name, 'the gate judges the merged run');
  });

  it('takes passwords and keys from secrets and every other value from variables, never a literal', () => {
    assert.ok(Object.keys(github.env).length > 0);
    for (const [key, value] of Object.entries(github.env)) {
      assert.equal(value, `\${{ ${SECRET_KEY.test(key) ? 'secrets' : 'vars'}.${key} }}`, key);
    }
    for (const [name, job] of Object.entries(github.jobs)) assert.equal((job as { env?: unknown }).env, undefined, `${name} sets no env of its own`);
  });
});

describe(`${GITLAB} (GitLab CI)`, () => {
  const shard = gitlabJob('uat-shard');
  const merge = gitlabJob('uat-merge');
  const readiness = gitlabJob('uat-readiness');

  it('has stages in order: the parallel shards, the merge after them, the readiness gate last', () => {
    const stage = (job: GitlabJob) => gitlab.stages.indexOf(job.stage);
    assert.ok(stage(shard) >= 0 && stage(shard) < stage(merge) && stage(merge) < stage(readiness), gitlab.stages.join(' < '));
    assert.deepEqual(merge.needs, [{ job: 'uat-shard', artifacts: true }]);
    assert.equal(merge.when, 'always', 'the merge runs when a shard failed');
    assert.deepEqual(readiness.needs, [{ job: 'uat-merge', artifacts: true }]);
  });

  it('runs shard CI_NODE_INDEX of CI_NODE_TOTAL over parallel: N, each a valid I/N', () => {
    assert.ok(Number.isInteger(shard.parallel) && (shard.parallel ?? 0) > 1, `parallel: ${shard.parallel}`);
    const run = only(invocationsOf(scriptOf(shard)).filter((i) => i.command === 'run'), 'uat run');
    assert.match(run.line, /--shard "\$CI_NODE_INDEX\/\$CI_NODE_TOTAL"/);
    const total = shard.parallel ?? 0;
    for (let index = 1; index <= total; index++) assert.deepEqual(parseShard(`${index}/${total}`), { index, total });
    assert.ok(shard.script.includes(`${run.line} ${FAILED_SCENARIOS_PASS}`), 'failed scenarios are for readiness; other exits fail the shard');
  });

  it('keeps every artifact even when its job fails: shard run folders, the merged run, the verdict', () => {
    for (const job of [shard, merge, readiness]) assert.equal(job.artifacts?.when, 'always');
    assert.deepEqual(shard.artifacts?.paths, ['reports/runs/']);
    assert.deepEqual(merge.artifacts?.paths, ['reports/runs/']);
  });

  it('merges the shards, reports and records the history, kept in a cache, then gates on readiness', () => {
    assert.deepEqual(invocationsOf(merge.script).map((i) => i.command), ['merge', 'report', 'history']);
    assert.ok(merge.cache?.some((cache) => cache.paths?.includes(`${HISTORY}/`)), `a cache of ${HISTORY}/`);
    assert.ok(merge.script.indexOf('mkdir shards && mv reports/runs/* shards/') < merge.script.findIndex((line) => line.startsWith('npx uat merge shards')), 'the shards are moved aside before the merge, so `latest` is the merged run');
    assert.deepEqual(readiness.script, ['npx uat readiness --run latest']);
  });

  it('sets no harness key in the file: values and secrets come from CI/CD variables', () => {
    for (const key of Object.keys(gitlab.variables ?? {})) assert.doesNotMatch(key, /^(ODOO|UAT)_/);
    for (const [name, job] of Object.entries(gitlab)) {
      const variables = (job as { variables?: Record<string, string> } | undefined)?.variables;
      if (name !== 'variables' && variables) for (const key of Object.keys(variables)) assert.doesNotMatch(key, /^(ODOO|UAT)_/, `${name}: ${key}`);
    }
  });
});

describe('both pipelines', () => {
  // The script lines of each job, in order.
  const pipelines: [string, string[][]][] = [
    [GITHUB, Object.values(github.jobs).map(runsOf)],
    [GITLAB, ['uat-shard', 'uat-merge', 'uat-readiness'].map((name) => scriptOf(gitlabJob(name)))],
  ];

  for (const [file, jobs] of pipelines) {
    it(`${file}: names no password, key or token outside a comment but as a CI secret`, () => {
      const lines = readFileSync(path.join(projectRoot, file), 'utf8').split('\n').filter((line) => !/^\s*#/.test(line));
      const literal = lines.filter((line) => /(PASSWORD|API_KEY|SECRET|TOKEN|WS_ENDPOINT)\w*\s*[:=]\s*(?!\$\{\{ secrets\.)\S/.test(line));
      assert.deepEqual(literal, []);
    });

    it(`${file}: every \`npx uat\` command and option is one the CLI on disk has`, async () => {
      const used = invocationsOf(jobs.flat());
      assert.deepEqual([...new Set(used.map((i) => i.command))].sort(), ['history', 'merge', 'readiness', 'report', 'run']);
      for (const invocation of used) assertKnown(invocation);
    });

    it(`${file}: the environment is ${CI_ENV_EXAMPLE}, copied in each job before a command loads it`, () => {
      for (const invocation of invocationsOf(jobs.flat()).filter((i) => i.options.includes('env'))) assert.match(invocation.line, /--env ci$|--env ci /);
      // uat run loads it by --env; uat report loads the run's environment to redact its secrets from the pack.
      for (const script of jobs.filter((lines) => lines.some(loadsEnvironment))) {
        const copy = script.indexOf(`cp ${CI_ENV_EXAMPLE} environments/ci.env`);
        assert.ok(copy >= 0 && copy < script.findIndex(loadsEnvironment), `copied before: ${script.join('; ')}`);
      }
    });
  }

  it(`${CI_ENV_EXAMPLE} holds no server and no secret, and loads with the values the workflow gives`, () => {
    const text = readFileSync(path.join(projectRoot, CI_ENV_EXAMPLE), 'utf8');
    const values = Object.fromEntries(text.split('\n').filter((line) => /^[A-Z]/.test(line)).map((line) => line.split('=') as [string, string]));
    for (const key of ['ODOO_URL', 'ODOO_DB', 'UAT_TEST_TARGET', ...Object.keys(values).filter((k) => SECRET_KEY.test(k))]) assert.equal(values[key], '', `${key} is empty`);
    const copy = path.join(scratchDir(), 'ci.env');
    copyFileSync(path.join(projectRoot, CI_ENV_EXAMPLE), copy);
    // What CI would put in the process environment, one made-up value per key of the workflow.
    const given = Object.fromEntries(Object.keys(github.env).map((key) => [key, ciValue(key)]));
    const { environment, warnings } = loadEnvironment(copy, { overrides: given });
    assert.deepEqual(warnings, [], 'every key the workflow gives is one the harness knows');
    assert.equal(environment.testTarget, true);
    assert.deepEqual(Object.keys(environment.roles).sort(), ['CREDIT', 'PURCHASE', 'SALES', 'SERVICE', 'WAREHOUSE']);
  });
});

const loadsEnvironment = (line: string) => /npx uat (run|report) /.test(line);

function assertKnown({ line, command, options }: UatInvocation): void {
  const known = optionsOfCommand(command);
  assert.ok(known, `${line}: uat has no command "${command}"`);
  for (const option of options) assert.ok(known.has(option), `${line}: uat ${command} has no option --${option} (it has ${[...known].map((o) => `--${o}`).join(', ') || 'none'})`);
}

function ciValue(key: string): string {
  if (key === 'ODOO_URL') return 'https://odoo-rehearsal.example.com';
  if (key === 'UAT_TEST_TARGET') return 'true';
  if (key === 'UAT_PROVISION_ROLES') return 'false';
  return `${key.toLowerCase()}-from-ci`;
}
