import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { endpointSecrets, shownEndpoint } from '../support/config/browser-endpoint';
import { secretsOf } from '../support/evidence/redaction';
import { loadEnvironment, type HarnessEnvironment } from '../support/config/environment';
import { ConfigError, HarnessError } from '../support/config/errors';
import { projectRoot } from '../support/config/sources';
import { browserUseOptions } from '../support/odoo/ui/browser';
import { checkBrowserServer, PLAYWRIGHT_VERSION } from '../support/odoo/ui/remote-browser';
import { startBrowserServer, type BrowserServer } from './support/browser-server';
import { provisionedPassword, ROLE_DEFINITIONS } from '../support/odoo/roles';
import { runCli } from './support/cli';
import { loadRecording, REPLAYED_PASSWORD } from './support/exchanges';
import { replayOdoo } from './support/replay-odoo';
import { scratchDir, validEnvironment, writeEnvFile } from './support/files';
import { besidesMissingModules } from './support/doctor-problems';

const endpointOf = (wsEndpoint: string, extra: Record<string, string> = {}): HarnessEnvironment =>
  loadEnvironment(writeEnvFile(scratchDir(), 'remote', { ...validEnvironment, UAT_BROWSER_WS_ENDPOINT: wsEndpoint, ...extra })).environment;

/** The Playwright one minor above the harness's: a browser server of it refuses this client. */
const [major, minor] = PLAYWRIGHT_VERSION.split('.').map(Number) as [number, number];
const NEXT_MINOR = `${major}.${minor + 1}`;

const versionMismatch = (file: string, endpoint: string) =>
  `${file}: UAT_BROWSER_WS_ENDPOINT ${endpoint}: the browser server runs Playwright ${NEXT_MINOR}, this harness needs ${PLAYWRIGHT_VERSION}; ` +
  `start it with \`npx playwright@${PLAYWRIGHT_VERSION} run-server\``;

/** A port nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function errorOf(promise: Promise<unknown>): Promise<HarnessError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof HarnessError, `expected a HarnessError, got ${String(error)}`);
    return error;
  }
  assert.fail('the browser server was accepted');
}

describe('UAT_BROWSER_WS_ENDPOINT in an environment file', () => {
  it('takes a ws:// or wss:// URL', () => {
    assert.equal(endpointOf('ws://127.0.0.1:3000/').browser.wsEndpoint, 'ws://127.0.0.1:3000/');
    assert.equal(endpointOf('wss://browsers.example.com/playwright?token=abc').browser.wsEndpoint, 'wss://browsers.example.com/playwright?token=abc');
    assert.equal(loadEnvironment(writeEnvFile(scratchDir(), 'local', validEnvironment)).environment.browser.wsEndpoint, undefined);
  });

  it('names the file and the key for anything else, with the token of the value masked', () => {
    const file = writeEnvFile(scratchDir(), 'farm', { ...validEnvironment, UAT_BROWSER_WS_ENDPOINT: 'https://farm.example.com/?token=s3cr3t-t0ken' });
    assert.throws(() => loadEnvironment(file), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(
        error.message,
        `${path.relative(projectRoot, file)}: UAT_BROWSER_WS_ENDPOINT must be a ws:// or wss:// URL of a Playwright browser server, ` +
          'such as ws://browsers.example.com:3000/ (got "https://farm.example.com/?token=[redacted]")',
      );
      return true;
    });
  });

  it('warns that UAT_BROWSER_PATH does not apply beside it', () => {
    const file = writeEnvFile(scratchDir(), 'both', { ...validEnvironment, UAT_BROWSER_WS_ENDPOINT: 'ws://127.0.0.1:3000/', UAT_BROWSER_PATH: '/usr/bin/chromium' });
    assert.deepEqual(loadEnvironment(file).warnings, [
      `${path.relative(projectRoot, file)}: UAT_BROWSER_PATH is ignored: UAT_BROWSER_WS_ENDPOINT names a browser server, which launches its own browser`,
    ]);
  });

  it('is shown with its credentials masked', () => {
    assert.equal(shownEndpoint('wss://user:pass@farm.example.com:443/chromium?token=abc&region=eu'), 'wss://[redacted]@farm.example.com:443/chromium?token=[redacted]&region=[redacted]');
    assert.equal(shownEndpoint('ws://127.0.0.1:3000/'), 'ws://127.0.0.1:3000/');
    // Reports redact them too: Playwright's own error carries the raw URL when the server goes away mid-run.
    assert.deepEqual(endpointSecrets('wss://user:s3cret-pass@farm.example.com/chromium?token=abcdef123456&region=eu'), ['s3cret-pass', 'abcdef123456']);
    assert.deepEqual(endpointSecrets('ws://127.0.0.1:3000/'), []);
    const file = writeEnvFile(scratchDir(), 'farm', { ...validEnvironment, UAT_BROWSER_WS_ENDPOINT: 'wss://farm.example.com/chromium?token=abcdef123456' });
    assert.ok(secretsOf(loadEnvironment(file).environment).some((secret) => secret.reveal() === 'abcdef123456'), "the farm's token is one of the run's secrets");
  });
});

describe("Playwright's use options", () => {
  it('connect to the browser server, passing on headless and slow motion but no local executable or flags', () => {
    const remote = browserUseOptions({ headless: false, slowMoMs: 250, executablePath: '/usr/bin/chromium', wsEndpoint: 'ws://127.0.0.1:3000/' });
    assert.equal(remote.connectOptions?.wsEndpoint, 'ws://127.0.0.1:3000/');
    assert.deepEqual(remote.launchOptions, { headless: false, slowMo: 250 });
  });

  it('launch a local Chromium when no browser server is named', () => {
    const local = browserUseOptions({ headless: true, slowMoMs: 0, executablePath: '/opt/chromium/chrome' });
    assert.equal(local.connectOptions, undefined);
    assert.equal(local.launchOptions.executablePath, '/opt/chromium/chrome');
  });
});

describe('a local `playwright run-server`', () => {
  let server: BrowserServer;
  let newer: BrowserServer;
  let empty: BrowserServer;
  let page: Server;
  let pageUrl: string;
  before(async () => {
    [server, newer, empty] = await Promise.all([
      startBrowserServer(),
      // Playwright's own server code, answering as a release one minor ahead would: no second install needed.
      startBrowserServer({ PW_VERSION_OVERRIDE: `${NEXT_MINOR}.0` }),
      startBrowserServer({ PLAYWRIGHT_BROWSERS_PATH: scratchDir('uat-no-browsers-') }),
    ]);
    page = createHttpServer((_request, response) => response.end('<h1>Order S00042</h1>'));
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(page.address() as { port: number }).port}/`;
  });
  after(async () => {
    await Promise.all([server.close(), newer.close(), empty.close()]);
    page.close();
  });

  it('answers the check with its Chromium', async () => {
    const line = await checkBrowserServer(endpointOf(server.wsEndpoint));
    assert.match(line ?? '', new RegExp(`^browser: Chromium \\d+\\.[\\d.]+ from the browser server at ${server.wsEndpoint} \\(Playwright ${PLAYWRIGHT_VERSION}\\)$`));
    assert.equal(await checkBrowserServer(loadEnvironment(writeEnvFile(scratchDir(), 'local', validEnvironment)).environment), undefined);
  });

  it("serves the workers of the harness's playwright.config.ts: a local page opens and is screenshotted in its browser", async () => {
    const dir = scratchDir();
    const screenshot = path.join(dir, 'page.png');
    // The harness's own config, with a spec of ours in place of the features (ES modules, as the project).
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      path.join(dir, 'remote.config.ts'),
      `import config from ${JSON.stringify(path.join(projectRoot, 'playwright.config.ts'))};\n` +
        `export default { ...config, testDir: ${JSON.stringify(dir)}, reporter: 'line', workers: 1 };\n`,
    );
    writeFileSync(
      path.join(dir, 'remote.spec.ts'),
      `import { expect, test } from ${JSON.stringify(path.join(projectRoot, 'node_modules', '@playwright', 'test', 'index.mjs'))};\n` +
        `test('a local page', async ({ page }) => {\n` +
        `  await page.goto(${JSON.stringify(pageUrl)});\n` +
        `  await expect(page.locator('h1')).toHaveText('Order S00042');\n` +
        `  await page.screenshot({ path: ${JSON.stringify(screenshot)} });\n` +
        `});\n`,
    );
    // A local launch could not start this executable: only the server's browser can pass.
    const env = writeEnvFile(dir, 'remote', { ...validEnvironment, UAT_BROWSER_WS_ENDPOINT: server.wsEndpoint, UAT_BROWSER_PATH: '/nonexistent/chromium' });
    const launchesBefore = launchesIn(server.log());
    const result = await playwrightTest(['test', '-c', path.join(dir, 'remote.config.ts')], { UAT_ENV: env, UAT_RUN_DIR: path.join(dir, 'run') });
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /1 passed/);
    assert.equal(launchesIn(server.log()), launchesBefore + 1, 'the worker connected to the browser server once');
    assert.ok(existsSync(screenshot), 'the screenshot was written');
    assert.deepEqual([...readFileSync(screenshot).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  });

  it('of another Playwright version is refused in one line saying which version to start', async () => {
    const environment = endpointOf(newer.wsEndpoint);
    const error = await errorOf(checkBrowserServer(environment));
    assert.ok(error instanceof ConfigError);
    assert.equal(error.message, versionMismatch(environment.file, newer.wsEndpoint));
  });

  it('of another Playwright version is a problem `uat doctor` names, beside what Odoo answered', async () => {
    const recording = loadRecording('doctor-odoo19-json2.json');
    const values = { ODOO_URL: 'http://unused', ODOO_DB: recording.db, ODOO_LOGIN: 'admin', ODOO_PASSWORD: REPLAYED_PASSWORD, ODOO_API_KEY: 'replayed-api-key', UAT_TEST_TARGET: 'true', UAT_PROVISION_ROLES: 'true' };
    const probe = loadEnvironment(writeEnvFile(scratchDir(), 'probe', values)).environment;
    const odoo = await replayOdoo(recording, [REPLAYED_PASSWORD, values.ODOO_API_KEY, ...Object.keys(ROLE_DEFINITIONS).map((r) => provisionedPassword(probe, r).reveal())], 'lookup');
    try {
      const file = writeEnvFile(scratchDir(), 'doctor', { ...values, ODOO_URL: odoo.url, UAT_BROWSER_WS_ENDPOINT: newer.wsEndpoint });
      const result = await runCli(['doctor', '--env', file]);
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stdout, /Odoo 19\.0/);
      // Its only problem beside features whose modules the recording lacks (their scenarios would be skipped).
      assert.deepEqual(besidesMissingModules(result.stderr), [`uat: ${versionMismatch(path.relative(projectRoot, file), newer.wsEndpoint)}`]);
    } finally {
      await odoo.close();
    }
  });

  it('without browsers of its own is named, with how to install them there', async () => {
    const error = await errorOf(checkBrowserServer(endpointOf(empty.wsEndpoint)));
    assert.match(error.message, new RegExp(`^\\S+remote\\.env: UAT_BROWSER_WS_ENDPOINT ${empty.wsEndpoint}: the browser server has no browser to launch \\(.+chrome-headless-shell is missing there\\): run \`npx playwright@${PLAYWRIGHT_VERSION} install chromium\` on it`));
  });
});

describe('a browser server that is not there', () => {
  it('is named in one line when nothing listens', async () => {
    const endpoint = `ws://127.0.0.1:${await closedPort()}/`;
    const environment = endpointOf(endpoint);
    const error = await errorOf(checkBrowserServer(environment));
    assert.equal(error.exitCode, 3);
    assert.equal(error.message, `${environment.file}: UAT_BROWSER_WS_ENDPOINT: no browser server answers at ${endpoint} (connection refused: is the server running, on this port?)`);
  });

  it('is given up on when it never answers', async () => {
    const silent = createTcpServer(() => {}); // accepts connections, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const endpoint = `ws://127.0.0.1:${(silent.address() as { port: number }).port}/`;
    try {
      const environment = endpointOf(endpoint);
      const error = await errorOf(checkBrowserServer(environment, 500));
      assert.equal(error.message, `${environment.file}: UAT_BROWSER_WS_ENDPOINT: no browser server answers at ${endpoint} (no answer within 0.5 s)`);
    } finally {
      silent.close();
    }
  });

  it('that refuses the token is named without the token', async () => {
    const farm = createHttpServer().on('upgrade', (_request, socket) => socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n'));
    await new Promise<void>((resolve) => farm.listen(0, '127.0.0.1', resolve));
    const endpoint = `ws://127.0.0.1:${(farm.address() as { port: number }).port}/?token=s3cr3t-t0ken`;
    try {
      const environment = endpointOf(endpoint);
      const error = await errorOf(checkBrowserServer(environment));
      assert.equal(error.message, `${environment.file}: UAT_BROWSER_WS_ENDPOINT ${endpoint.replace('s3cr3t-t0ken', '[redacted]')}: the server answered 401 Unauthorized: check the token or credentials the endpoint carries`);
    } finally {
      farm.close();
    }
  });

  it('stops `uat run` before anything reaches Odoo, in one line', async () => {
    const endpoint = `ws://127.0.0.1:${await closedPort()}/`;
    // Odoo is not there either: the browser server is checked first, so its line is the one.
    const file = writeEnvFile(scratchDir(), 'remote', { ...validEnvironment, ODOO_URL: `http://127.0.0.1:${await closedPort()}`, UAT_BROWSER_WS_ENDPOINT: endpoint });
    const result = await runCli(['run', '--env', file, 'features/smoke/environment.feature']);
    assert.equal(result.code, 3, result.stdout + result.stderr);
    assert.equal(result.stderr.trim(), `uat: ${path.relative(projectRoot, file)}: UAT_BROWSER_WS_ENDPOINT: no browser server answers at ${endpoint} (connection refused: is the server running, on this port?)`);
  });
});


const launchesIn = (log: string) => log.match(/engaged launch mode for "chromium"/g)?.length ?? 0;

/** Runs Playwright Test as `uat run` does, without the harness keys of the developer's shell. */
function playwrightTest(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const shell = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(UAT|ODOO)_/.test(key)));
    const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules', '@playwright', 'test', 'cli.js'), ...args], {
      cwd: projectRoot,
      env: { ...shell, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}
