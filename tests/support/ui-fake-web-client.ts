import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { projectRoot } from '../../support/config/sources';
import { chromiumLaunchOptions } from '../../support/odoo/ui/browser';
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
