import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';
import type { HarnessEnvironment } from '../../config/environment';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium from calling out of a closed network at every start. */
const QUIET_NETWORK_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Playwright's own Chromium when it is installed, else Debian's; headless
 * unless the environment asks otherwise.
 */
export function chromiumLaunchOptions(
  browser: HarnessEnvironment['browser'] = { headless: true, slowMoMs: 0 },
  playwrightChromium: () => string = () => chromium.executablePath(),
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
