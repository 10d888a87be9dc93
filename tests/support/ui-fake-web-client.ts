import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContextOptions } from '@playwright/test';
import { projectRoot } from '../../support/config/sources';
import { chromiumLaunchOptions } from '../../support/odoo/ui/browser';
import { trackActivity } from '../../support/odoo/ui/idle';
import { OdooWebClient } from '../../support/odoo/ui/web-client';
import { versionProfile } from '../../support/odoo/version-profile';
import { startFakeOdoo, type FakeRequest, type FakeResponse } from './fake-odoo';

/** A page or answer recorded from a live Odoo, under tests/recorded/ui/. */
const recorded = (name: string) => readFileSync(path.join(projectRoot, 'tests', 'recorded', 'ui', name), 'utf8');

/** Debian's Chromium (or Playwright's), headless: what CI needs installed for the ui-* tests. */
export function launchTestBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

export interface FakeWebClient {
  url: string;
  requests: FakeRequest[];
  /** Lets the held /call_button answer go. */
  releaseButton(): void;
  close(): Promise<void>;
}

/**
 * Serves tests/recorded/ui/form-with-confirm.html, a stand-in for the web
 * client, and holds the answer to its status-bar button until the test
 * releases it: that is how a test proves the driver waits for Odoo. With
 * ?fail=1 the button is answered with a UserError recorded from Odoo 19.
 */
export async function startFakeWebClient(extra: (request: FakeRequest) => FakeResponse | undefined = () => undefined): Promise<FakeWebClient> {
  let releaseButton: () => void = () => undefined;
  const buttonReleased = new Promise<void>((resolve) => (releaseButton = resolve));
  const server = await startFakeOdoo(async (request) => {
    const answer = extra(request);
    if (answer) return answer;
    if (request.path.startsWith('/form')) return { contentType: 'text/html', body: recorded('form-with-confirm.html') };
    if (request.path.startsWith('/web/dataset/call_button/')) {
      await buttonReleased;
      return { body: request.path.includes('fail=1') ? recorded('user-error.json') : '{"jsonrpc":"2.0","id":7,"result":true}' };
    }
    if (request.path.startsWith('/web/')) return { body: '{"jsonrpc":"2.0","id":1,"result":{}}' };
    return { status: 404, contentType: 'text/plain', body: 'not found' };
  });
  return { url: server.url, requests: server.requests, releaseButton, close: server.close };
}

/**
 * A browser and a stand-in server for one describe block's stand-in pages
 * (path prefix → HTML), opened before its tests and closed after them. `open`
 * loads a page in a fresh context with the activity tracker, as the harness's
 * own pages have it, and gives the web client that drives it.
 */
export function standInPages(pages: Record<string, string>) {
  let browser: Browser | undefined;
  let fake: FakeWebClient | undefined;
  before(async () => {
    browser = await launchTestBrowser();
    fake = await startFakeWebClient((request) => {
      const prefix = Object.keys(pages).find((start) => request.path.startsWith(start));
      return prefix ? { contentType: 'text/html', body: pages[prefix] as string } : undefined;
    });
  });
  after(async () => {
    await browser?.close();
    await fake?.close();
  });
  const started = () => {
    if (!browser || !fake) throw new Error('standInPages: used outside the tests of its describe block');
    return { browser, fake };
  };
  return {
    /** The requests the stand-in server has answered so far. */
    get requests(): FakeRequest[] {
      return started().fake.requests;
    },
    async open(pathname: string, as: { major: number; login: string; timeoutMs?: number }, options: BrowserContextOptions = {}) {
      const { browser: opened, fake: server } = started();
      const context = await opened.newContext(options);
      await trackActivity(context);
      const page = await context.newPage();
      await page.goto(`${server.url}${pathname}`);
      const client = new OdooWebClient(page, { baseUrl: server.url, profile: versionProfile(as.major), login: as.login, timeoutMs: as.timeoutMs ?? 5_000 });
      return { context, page, client };
    },
  };
}
