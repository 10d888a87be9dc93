import { createRequire } from 'node:module';
import { shownEndpoint } from '../../config/browser-endpoint';
import type { HarnessEnvironment } from '../../config/environment';
import { ConfigError, HarnessError } from '../../config/errors';
import { browserUseOptions } from './browser';

/** The Playwright this harness speaks; a browser server refuses a client of another major.minor. */
export const PLAYWRIGHT_VERSION = (createRequire(import.meta.url)('@playwright/test/package.json') as { version: string }).version;

/** Exit code of a target that cannot be reached, as for an unreachable Odoo. */
const UNREACHABLE = 3;

/**
 * When the environment names a browser server (UAT_BROWSER_WS_ENDPOINT),
 * connects to it once as a run's workers will, so that an unreachable server,
 * another Playwright version or a server without browsers stops the run here,
 * in one line, rather than in every worker. Returns a line saying what answered,
 * or undefined when the environment launches its browser locally.
 */
export async function checkBrowserServer(environment: HarnessEnvironment, timeoutMs?: number): Promise<string | undefined> {
  // Playwright is loaded only for a browser server: most runs launch their browser in the workers, and `uat` starts faster without it.
  if (!environment.browser.wsEndpoint) return undefined;
  const { connectOptions, launchOptions } = browserUseOptions(environment.browser);
  if (!connectOptions) return undefined;
  const { chromium } = await import('@playwright/test');
  // As long as a worker would wait for it, unless a test asks for less.
  const limitMs = timeoutMs ?? connectOptions.timeout ?? 0;
  try {
    // Headless or not and slow motion travel in this header, as Playwright Test sends them: a headed run
    // against a server with no display fails here too.
    const browser = await chromium.connect(connectOptions.wsEndpoint, {
      timeout: limitMs,
      headers: { 'x-playwright-launch-options': JSON.stringify(launchOptions) },
    });
    const version = browser.version();
    await browser.close();
    return `browser: Chromium ${version} from the browser server at ${shownEndpoint(connectOptions.wsEndpoint)} (Playwright ${PLAYWRIGHT_VERSION})`;
  } catch (error) {
    throw browserServerError(environment.file, connectOptions.wsEndpoint, error, limitMs);
  }
}

/** Turns Playwright's connect failure (a message with a call log) into the one line a person can act on. */
function browserServerError(file: string, endpoint: string, error: unknown, timeoutMs: number): HarnessError {
  const shown = shownEndpoint(endpoint);
  const message = (error instanceof Error ? error.message : String(error))
    .split('\nCall log:')[0]!
    .replace(/^browserType\.connect: /, '')
    .split(endpoint)
    .join(shown);
  const key = `${file}: UAT_BROWSER_WS_ENDPOINT`;
  // A run-server of another major.minor answers the upgrade with 428 and its version in an ASCII box.
  const serverVersion = /428 Precondition Required[\s\S]*server version: v(\d+\.\d+)/.exec(message)?.[1];
  if (serverVersion) {
    return new ConfigError(
      `${key} ${shown}: the browser server runs Playwright ${serverVersion}, this harness needs ${PLAYWRIGHT_VERSION}; ` +
        `start it with \`npx playwright@${PLAYWRIGHT_VERSION} run-server\``,
    );
  }
  const unreachable = unreachableReason(message, timeoutMs);
  if (unreachable) return new HarnessError(`${key}: no browser server answers at ${shown} (${unreachable})`, UNREACHABLE);
  const status = /^WebSocket error: \S+ (\d{3}\b.*)$/m.exec(message)?.[1];
  if (status) {
    const hint = /^40[13]/.test(status) ? 'check the token or credentials the endpoint carries' : 'is it a Playwright browser server, at this path?';
    return new ConfigError(`${key} ${shown}: the server answered ${status}: ${hint}`);
  }
  const missingBrowser = /Executable doesn't exist at (\S+)/.exec(message)?.[1];
  if (missingBrowser) {
    return new ConfigError(
      `${key} ${shown}: the browser server has no browser to launch (${missingBrowser} is missing there): ` +
        `run \`npx playwright@${PLAYWRIGHT_VERSION} install chromium\` on it, or run it from the mcr.microsoft.com/playwright:v${PLAYWRIGHT_VERSION}-noble image`,
    );
  }
  return new HarnessError(`${key} ${shown}: the browser server failed: ${message.split('\n')[0]}`);
}

function unreachableReason(message: string, timeoutMs: number): string | undefined {
  if (/ECONNREFUSED/.test(message)) return 'connection refused: is the server running, on this port?';
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) return 'host name not found';
  if (/Timeout \d+ms exceeded/.test(message)) return `no answer within ${timeoutMs / 1000} s`;
  if (/ECONNRESET|socket hang up/.test(message)) return 'connection reset by the server';
  return undefined;
}
