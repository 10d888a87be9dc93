import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../../support/config/sources';
import { chromiumLaunchOptions } from '../../support/odoo/ui/browser';
import { scratchDir } from './files';

export interface BrowserServer {
  wsEndpoint: string;
  /** What the server printed so far (with DEBUG=pw:server: one line per connection and browser launch). */
  log(): string;
  close(): Promise<void>;
}

/**
 * Starts `npx playwright run-server` on a free local port, as a team would on
 * its browser machine. Where Playwright's own Chromium is not installed (no
 * browser download works here), the server's browser folder maps Playwright's
 * headless shell to the Chromium the harness launches locally (Debian's), so
 * the server launches that one. `env` goes to the server, e.g. a
 * PLAYWRIGHT_BROWSERS_PATH with no browser in it.
 */
export async function startBrowserServer(env: Record<string, string> = {}): Promise<BrowserServer> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules', '@playwright', 'test', 'cli.js'), 'run-server', '--port', '0', '--host', '127.0.0.1'], {
    cwd: projectRoot,
    env: { ...process.env, DEBUG: 'pw:server', ...browsersOfThisMachine(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const wsEndpoint = await new Promise<string>((resolve, reject) => {
    const listening = () => {
      const endpoint = /^Listening on (ws:\/\/\S+)$/m.exec(output)?.[1];
      if (endpoint) resolve(endpoint);
    };
    child.stdout.on('data', listening);
    child.once('exit', (code) => reject(new Error(`playwright run-server exited with ${code} before listening:\n${output}`)));
  });
  return { wsEndpoint, log: () => output, close: () => stop(child) };
}

/**
 * Stops the server with an interrupt, as Ctrl-C would: while a browser it launched is open, Playwright's
 * TERM handler only closes the browsers and leaves the server up.
 */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const stuck = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(stuck);
      resolve();
    });
    child.kill('SIGINT');
  });
}

/** PLAYWRIGHT_BROWSERS_PATH for the server: none when Playwright's Chromium is installed, else a folder linking to the local one. */
function browsersOfThisMachine(): Record<string, string> {
  const local = chromiumLaunchOptions().executablePath;
  if (!local) return {};
  const playwrightCore = path.dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const { browsers } = JSON.parse(readFileSync(path.join(playwrightCore, 'browsers.json'), 'utf8')) as { browsers: { name: string; revision: string }[] };
  const revision = browsers.find((browser) => browser.name === 'chromium-headless-shell')?.revision;
  if (!revision) throw new Error(`${playwrightCore}/browsers.json names no chromium-headless-shell`);
  // Playwright's layout of a headless shell on Linux (its registry's EXECUTABLE_PATHS).
  const platform = process.arch === 'arm64' ? 'linux-arm64' : 'linux64';
  const root = scratchDir('uat-browsers-');
  const folder = path.join(root, `chromium_headless_shell-${revision}`, `chrome-headless-shell-${platform}`);
  mkdirSync(folder, { recursive: true });
  symlinkSync(local, path.join(folder, 'chrome-headless-shell'));
  return { PLAYWRIGHT_BROWSERS_PATH: root };
}
