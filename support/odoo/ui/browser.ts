import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserType, LaunchOptions, PlaywrightWorkerOptions } from '@playwright/test';
import type { HarnessEnvironment } from '../../config/environment';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium from calling out of a closed network at every start. */
const QUIET_NETWORK_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A worker that cannot reach the browser server fails within this, rather than hanging (the run's preflight checked it). */
const CONNECT_TIMEOUT_MS = 30_000;

/**
 * The browser part of Playwright's `use`: a browser server's when the
 * environment names one (UAT_BROWSER_WS_ENDPOINT), else a Chromium launched here.
 */
export function browserUseOptions(
  browser: HarnessEnvironment['browser'] = { headless: true, slowMoMs: 0 },
): { launchOptions: LaunchOptions; connectOptions?: ConnectOptions } {
  if (!browser.wsEndpoint) return { launchOptions: chromiumLaunchOptions(browser) };
  // The server launches its own browser from these (sent in a header): a local executable or flags mean nothing there.
  return {
    connectOptions: { wsEndpoint: browser.wsEndpoint, timeout: CONNECT_TIMEOUT_MS },
    launchOptions: { headless: browser.headless, slowMo: browser.slowMoMs },
  };
}

type ConnectOptions = NonNullable<PlaywrightWorkerOptions['connectOptions']>;

/**
 * The worker's browser, opened as Playwright's own `browser` fixture opens it:
 * launched with the defaults the worker took from the config's `use`, or the
 * browser server's, which launches from the options sent in its header.
 * Opened only when a scenario first needs a page.
 */
export function openBrowser(browserType: BrowserType, launchOptions: LaunchOptions, connectOptions: ConnectOptions | undefined): Promise<Browser> {
  if (!connectOptions) return browserType.launch();
  return browserType.connect(connectOptions.wsEndpoint, {
    ...connectOptions,
    headers: { 'x-playwright-launch-options': JSON.stringify(launchOptions), ...connectOptions.headers },
  });
}

/**
 * Playwright's own Chromium when it is installed, else Debian's; headless
 * unless the environment asks otherwise.
 */
export function chromiumLaunchOptions(
  browser: HarnessEnvironment['browser'] = { headless: true, slowMoMs: 0 },
  playwrightChromium: () => string = bundledChromiumPath,
): LaunchOptions {
  const executablePath = browser.executablePath ?? bundledOrSystemChromium(playwrightChromium);
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return {
    headless: browser.headless,
    slowMo: browser.slowMoMs,
    ...(executablePath ? { executablePath } : {}),
    args: [...QUIET_NETWORK_FLAGS, ...(runningAsRoot ? ['--no-sandbox'] : [])],
  };
}

/** Where Playwright's own Chromium would be. Playwright is loaded here, when a browser is wanted, not by every `uat` command that imports this file. */
function bundledChromiumPath(): string {
  const { chromium } = createRequire(import.meta.url)('@playwright/test') as typeof import('@playwright/test');
  return chromium.executablePath();
}

function bundledOrSystemChromium(playwrightChromium: () => string): string | undefined {
  let bundled: string | undefined;
  try {
    bundled = playwrightChromium();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return undefined; // Playwright finds its own
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}
