import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { hostname } from 'node:os';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnvironment, RUN_MODES, type RunMode } from '../../support/config/environment';
import { ConfigError, HarnessError } from '../../support/config/errors';
import { combineTags, loadProfile } from '../../support/config/profiles';
import { projectRoot, relativeToRoot } from '../../support/config/sources';
import { assertTestTarget } from '../../support/config/test-target';
import { harnessIdentity } from '../../support/evidence/harness-identity';
import { newRunId, runFolder } from '../../support/evidence/run-folder';
import { parseShard } from '../../support/evidence/shards';
import { resolveFeaturePaths } from '../../support/features/feature-paths';
import { needsOfFeatureFiles, type FeatureNeeds } from '../../support/features/feature-needs';
import { moduleRequirements } from '../../support/features/requirements';
import { unmetNeedProblem } from '../../support/odoo/doctor';
import { unmetNeeds } from '../../support/odoo/target-needs';
import { selectedScenarioIds } from '../../support/features/selection';
import { SuiteCache, suiteDigest } from '../../support/features/run-cache';
import { markFaultsBroken } from '../../support/evidence/fault-status';
import { sealResults } from '../../support/signoff/result-seal';
import { readAllureResults } from '../../support/evidence/allure-results';
import { groupScenarios } from '../../support/evidence/scenarios';
import { missingModules } from '../../support/odoo/capabilities';
import { OdooGateway } from '../../support/odoo/gateway';
import { ApiKeyRing, KEY_LIFETIME_HOURS } from '../../support/odoo/rpc/api-keys';
import { KEPT_KEY_LIFETIME_HOURS, KeptKeys } from '../../support/odoo/rpc/kept-keys';
import { encodeRunIdentities, RUN_IDENTITIES_VARIABLE } from '../../support/odoo/rpc/run-identities';
import { openRunTarget } from '../../support/odoo/recorded-target/stand-in';
import { ensureRoleUsers } from '../../support/odoo/roles';
import { checkBrowserServer } from '../../support/odoo/ui/remote-browser';
import { assertRunnable, assertTagExpression } from './check';
import { chosenEnvironment } from './environment-option';

/** How long the reachability check may take before the run gives up on the URL. */
const REACH_TIMEOUT_MS = 10_000;

export async function run(args: string[]): Promise<number> {
  const { values, positionals: featurePaths } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      env: { type: 'string' },
      profile: { type: 'string' },
      tags: { type: 'string' },
      mode: { type: 'string' },
      workers: { type: 'string' },
      shard: { type: 'string' },
      headed: { type: 'boolean' },
      record: { type: 'string' },
    },
    strict: true,
  });
  const envName = chosenEnvironment(values.env);
  if (values.mode && !RUN_MODES.includes(values.mode as RunMode)) {
    throw new ConfigError(`--mode must be one of ${RUN_MODES.join(', ')} (got "${values.mode}")`);
  }
  if (values.workers && !/^[1-9]\d*$/.test(values.workers)) {
    throw new ConfigError(`--workers must be a whole number from 1 (got "${values.workers}")`);
  }
  // One part of a rehearsal split over CI runners: `uat merge` joins the parts' run folders.
  const shard = values.shard ? parseShard(values.shard) : undefined;
  if (shard && values.record) throw new ConfigError('--record makes a recording of the whole run: it cannot be a shard (drop --shard)');
  const { environment: configured, warnings } = loadEnvironment(envName, {
    overrides: {
      ...process.env,
      ...(values.mode ? { UAT_MODE: values.mode } : {}),
      ...(values.headed ? { UAT_HEADLESS: 'false' } : {}),
    },
  });
  for (const warning of warnings) console.warn(`uat: warning: ${warning}`);
  const profile = loadProfile(values.profile ?? process.env.UAT_PROFILE ?? 'default');
  const tags = combineTags(profile.tags, values.tags);
  if (tags) assertTagExpression(tags);
  for (const file of featurePaths) {
    if (!existsSync(file)) throw new ConfigError(`${file}: feature file not found`);
  }
  assertTestTarget(configured, 'run scenarios against');

  // Before anything reaches Odoo: the features it will run must pass `uat check` (steps, tables, tags).
  const features = featurePaths.length ? resolveFeaturePaths(featurePaths, process.cwd()) : resolveFeaturePaths(profile.paths, projectRoot);
  // An unchanged suite (features, steps, profiles, tags) that passed the check before passes it again: not read again.
  const featureList = featurePaths.map((file) => path.relative(projectRoot, path.resolve(file))).join('\n');
  const cache = new SuiteCache(suiteDigest(features, { tags, paths: featureList, profile: profile.name }));
  if (!cache.checked) {
    await assertRunnable(features, tags);
    cache.markChecked();
  }
  // Every worker connects to a browser server the environment names: one that cannot serve the run stops it here.
  const browserServer = await checkBrowserServer(configured);
  if (browserServer) console.log(`uat: ${browserServer}`);

  // A recording in the making or a recorded target stands in for the environment's URL.
  const target = await openRunTarget(configured, { ...(values.record ? { record: path.resolve(values.record) } : {}), features });
  const environment = target.environment;
  // What the run says it ran against: the Odoo, or the recording that stood in for it.
  const shownUrl = configured.recording ? `the recording ${relativeToRoot(configured.recording)}` : configured.odoo.url;
  if (target.banner) console.log(`uat: ${target.banner}`);

  // Identities are handed down by a run to its workers only: a value left in this shell is not this run's.
  delete process.env[RUN_IDENTITIES_VARIABLE];
  // Nor are the specs a value left in this shell points at: the run hands Playwright its own.
  delete process.env.UAT_SPECS_DIR;
  const runId = newRunId(environment.name);
  // On 19+ the run speaks JSON-2 with keys of its own: kept from an earlier run, or made here (and kept, or
  // revoked when it ends with UAT_KEEP_KEYS=false). A recording is made and replayed with the
  // environment's own credentials: it must hold no live key.
  const { url, db, timeoutMs } = environment.odoo;
  const keptKeys = environment.keepApiKeys ? KeptKeys.forDatabase(projectRoot, url, db) : undefined;
  const keyRing = target.recorded ? undefined : new ApiKeyRing({ url, db, timeoutMs, label: runId, ...(keptKeys ? { kept: keptKeys } : {}) });
  // Ctrl-C while the run makes its keys (before the tests take the signal over) still revokes them.
  const stopBeforeTests = () => void (keyRing ? revokeRunKeys(keyRing) : Promise.resolve()).finally(() => process.exit(130));
  process.once('SIGINT', stopBeforeTests);
  process.once('SIGTERM', stopBeforeTests);
  try {
    // Fail once, here, on an unreachable server or refused login, rather than in every scenario.
    const gateway = await OdooGateway.connect(environment, Math.min(environment.odoo.timeoutMs, REACH_TIMEOUT_MS), undefined, keyRing);
    const { server: version, edition } = gateway.capabilities;
    // A setting or right a step takes for granted fails its scenarios, or worse passes them for the wrong reason
    // (a 2-step warehouse "ships" the pick): refused here, before anything is written.
    let needs = cache.needs();
    if (!needs) cache.storeNeeds((needs = await needsOfFeatureFiles(features, tags)));
    await assertNeedsMet(gateway, needs, environment.file);
    // Without UAT_SEED a seed is drawn, printed and kept in run.json, so the run's data can be made again.
    const seed = target.seed ?? environment.seed ?? randomInt(1, 2 ** 31);
    const modules = Object.fromEntries(
      [...new Set(moduleRequirements().flatMap((f) => f.modules))].sort().map((m) => [m, gateway.capabilities.modules.has(m)]),
    );
    const runDir = runFolder(runId);
    mkdirSync(runDir, { recursive: true });
    console.log(
      `uat: run ${runId}: Odoo ${version.serverVersion} ${edition} at ${shownUrl}, database "${environment.odoo.db}", ` +
        `mode ${environment.mode}, profile ${profile.name}${tags ? `, tags "${tags}"` : ''}, seed ${seed}${shard ? `, shard ${shard.index} of ${shard.total}` : ''}`,
    );
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      ...target.childEnv,
      UAT_ENV: envName.endsWith('.env') ? path.resolve(envName) : envName,
      UAT_PROFILE: profile.name,
      UAT_MODE: environment.mode,
      UAT_HEADLESS: String(environment.browser.headless),
      UAT_RUN_ID: runId,
      UAT_RUN_DIR: runDir,
      UAT_RUN_SEED: String(seed),
      UAT_TAGS: values.tags ?? '',
      UAT_PATHS: featureList,
    };
    // run.json is written before the tests and completed after, so a run that dies midway still says what it was.
    const run = {
      runId,
      environment: environment.name,
      odoo: { url: shownUrl, db: environment.odoo.db, version: version.serverVersion, edition },
      mode: environment.mode,
      profile: profile.name,
      tags: tags ?? null,
      seed,
      modules,
      harness: harnessIdentity(),
      host: hostname(),
      ...(shard ? { shard } : {}),
    // The scenarios the profile selects (whatever --tags or paths narrowed this run to): readiness expects a result for each.
    suite: selectedScenarioIds(resolveFeaturePaths(profile.paths, projectRoot), profile.tags),
      started: new Date().toISOString(),
      finished: null as string | null,
      exitCode: null as number | null,
    };
    const writeRun = () => writeFileSync(path.join(runDir, 'run.json'), JSON.stringify(run, null, 2));
    writeRun();
    // The specs are generated before role users are provisioned: nothing is written to Odoo for a run that cannot start.
    const specs = path.join(runDir, 'specs');
    const reused = cache.restoreSpecs(specs);
    const generated = reused ? { code: 0, output: '' } : await runTool('bddgen', [], childEnv, 'pipe');
    if (generated.code === 0 && !reused) cache.storeSpecs(specs);
    if (reused) console.log(`uat: the features, steps and profiles are as when they last passed \`uat check\` (suite ${cache.digest}): their check and specs are reused`);
    if (generated.code !== 0) {
      process.stderr.write(generated.output);
      Object.assign(run, { finished: new Date().toISOString(), exitCode: 4 });
      writeRun();
      throw new HarnessError('the feature files could not be turned into tests (see above); no scenario ran', 4);
    }
    // Role users are provisioned once, before parallel workers need them; a feature the target lacks modules for is skipped, and acts as nobody.
    const roles = new Set(needs.filter((f) => missingModules(gateway.capabilities, f.modules).length === 0).flatMap((f) => f.roles));
    const provisioned = await ensureRoleUsers(gateway, roles);
    for (const { role, action, login } of provisioned) console.log(`uat: role ${role}: ${action} user "${login}"`);
    // Every user the run acts as logs in here, once (with a key made for it on JSON-2), rather than once per worker.
    for (const role of roles) await gateway.as(role);
    childEnv[RUN_IDENTITIES_VARIABLE] = encodeRunIdentities(gateway.identities());
    const made = keyRing?.logins() ?? [];
    const found = keyRing?.keptLogins() ?? [];
    if (found.length) console.log(`uat: JSON-2 with ${found.length} API key(s) kept by an earlier run (${found.join(', ')})`);
    if (made.length) {
      const fate = keptKeys ? `kept in ${relativeToRoot(keptKeys.file)} for later runs, ${KEPT_KEY_LIFETIME_HOURS} hours at most` : 'they are revoked when it ends';
      console.log(`uat: JSON-2 with ${made.length} API key(s) made for this run (${made.join(', ')}); ${fate}`);
    }
    // A recording is made, and replayed, by one worker: identical requests of two scenarios then come in the recorded order.
    const workers = values.record || configured.recording ? ['--workers', '1'] : values.workers ? ['--workers', values.workers] : [];
    process.off('SIGINT', stopBeforeTests);
    process.off('SIGTERM', stopBeforeTests);
    const shardOption = shard ? [`--shard=${shard.index}/${shard.total}`] : [];
    // The run folder keeps its copy of the specs; Playwright runs the cache's, compiled by an earlier run.
    const specsInPlace = cache.specsInPlace();
    const testEnv = specsInPlace ? { ...childEnv, UAT_SPECS_DIR: specsInPlace } : childEnv;
    const tested = await runTool('playwright', ['test', ...workers, ...shardOption], testEnv, 'inherit');
    const broken = existsSync(resultsDir(runDir)) ? markFaultsBroken(resultsDir(runDir)) : [];
    if (broken.length) console.log(`uat: ${broken.length} scenario(s) broken by a fault (not a business finding): ${broken.join('; ')}`);
    const results = existsSync(resultsDir(runDir)) ? resultsDir(runDir) : undefined;
    // An interrupted run names every scenario of its suite that has no result. A shard cannot: it does not
    // know which of the suite's scenarios were its own, so the merged run's readiness names them.
    const notRun = tested.interrupted && !shard ? notRunOf(run.suite, results) : [];
    if (tested.interrupted && shard) console.log(`uat: run ${runId} (shard ${shard.index} of ${shard.total}) was interrupted; readiness of the merged run names the scenarios without a result`);
    else if (tested.interrupted) console.log(`uat: run ${runId} was interrupted; ${notRun.length} scenario(s) did not run${notRun.length ? `: ${notRun.join(', ')}` : ''}`);
    Object.assign(run, {
      finished: new Date().toISOString(),
      exitCode: tested.code,
      ...(tested.interrupted ? { interrupted: true, notRun } : {}),
      ...(results ? { sealed: sealResults(results) } : {}),
    });
    writeRun();
    for (const line of await target.close({ server: version.serverVersion, transport: gateway.admin.transport, seed })) console.log(`uat: ${line}`);
    console.log(`uat: run ${runId} finished with exit code ${tested.code}; results in ${path.relative(process.cwd(), runDir)}`);
    return tested.code;
  } catch (error) {
    // A stand-in server left listening would keep the process alive.
    await target.abort();
    throw error;
  } finally {
    process.off('SIGINT', stopBeforeTests);
    process.off('SIGTERM', stopBeforeTests);
    if (keyRing) await revokeRunKeys(keyRing);
  }
}

/** Revokes the run's keys; a key that could not be is named with what to do (it expires by itself within hours). */
async function revokeRunKeys(keyRing: ApiKeyRing): Promise<void> {
  const { revoked, failed } = await keyRing.revokeAll();
  if (revoked.length) console.log(`uat: revoked the run's API keys (${revoked.join(', ')})`);
  for (const failure of failed) console.error(`uat: warning: the API key of ${failure} could not be revoked: remove it in Odoo (Preferences > Account Security), or it expires within ${KEY_LIFETIME_HOURS} hours`);
}

async function assertNeedsMet(gateway: OdooGateway, features: FeatureNeeds[], file: string): Promise<void> {
  const unmet = await unmetNeeds(gateway.admin, gateway.capabilities.profile, new Set(features.flatMap((f) => f.needs)));
  if (unmet.size === 0) return;
  throw new ConfigError(
    [...[...unmet].map(([need, found]) => unmetNeedProblem(need, found, features)), `${file}: the target lacks what the features above take for granted (\`uat doctor\` lists it too): no scenario ran and nothing was written to Odoo`].join('\n'),
  );
}

/** The suite's scenario ids that have no result (or only a skipped one) in the results. */
function notRunOf(suite: string[], results: string | undefined): string[] {
  const ran = new Set(results ? groupScenarios(readAllureResults(results)).filter((s) => s.status !== 'skipped').map((s) => s.id) : []);
  return suite.filter((id) => !ran.has(id));
}

/** Where the run's Allure results are, as the profile's "allure" format names them. */
function resultsDir(runDir: string): string {
  return path.join(runDir, 'allure-results');
}

/** Runs a tool from node_modules/.bin in the project root; "pipe" collects its output for the caller. */
function runTool(
  tool: 'bddgen' | 'playwright',
  args: string[],
  env: NodeJS.ProcessEnv,
  stdio: 'pipe' | 'inherit',
): Promise<{ code: number; output: string; interrupted: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(projectRoot, 'node_modules', '.bin', tool), args, { cwd: projectRoot, env, stdio });
    let output = '';
    let interrupted = false;
    // Ctrl-C (or a pipeline's TERM) stops the tests, not this process: it still completes run.json.
    const forward = (signal: NodeJS.Signals) => {
      interrupted = true;
      child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new HarnessError(`could not start ${tool}: ${error.message} (run npm install)`)));
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code: interrupted ? 130 : (code ?? (signal ? 128 : 1)), output, interrupted });
    });
  });
}
