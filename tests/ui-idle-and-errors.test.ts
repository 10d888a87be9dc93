import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from '@playwright/test';
import { ConfigError } from '../support/config/errors';
import { BusinessRuleError } from '../support/odoo/errors';
import { FormView } from '../support/odoo/ui/form-view';
import { trackActivity, waitForOdooIdle } from '../support/odoo/ui/idle';
import type { UiEvidence } from '../support/odoo/ui/evidence-hook';
import { OdooWebClient } from '../support/odoo/ui/web-client';
import { versionProfile } from '../support/odoo/version-profile';
import { launchTestBrowser, startFakeWebClient, type FakeWebClient } from './support/ui-fake-web-client';

// Needs Chromium (CI: apt-get install chromium); no Odoo.
describe('web client driver against a stand-in page', () => {
  let browser: Browser;
  before(async () => (browser = await launchTestBrowser()));
  after(async () => browser?.close());

  async function openForm(fake: FakeWebClient, query = ''): Promise<Page> {
    const context = await browser.newContext();
    await trackActivity(context);
    const page = await context.newPage();
    await page.goto(`${fake.url}/form${query}`);
    return page;
  }

  function recordingEvidence() {
    const steps: string[] = [];
    const attachments: { name: string; contentType: string; body: string }[] = [];
    const evidence: UiEvidence = {
      step: async (title, body) => {
        steps.push(title);
        return body();
      },
      attach: async (name, body, contentType) => {
        attachments.push({ name, contentType, body: typeof body === 'string' ? body : `<${body.length} bytes>` });
      },
    };
    return { steps, attachments, evidence };
  }

  it('waits for the server answer, the follow-up request and the overlay, not a fixed time', async () => {
    const fake = await startFakeWebClient();
    try {
      const page = await openForm(fake);
      await waitForOdooIdle(page, 5_000);
      await page.locator('button[name="action_confirm"]').click();
      let idle = false;
      const waiting = waitForOdooIdle(page, 5_000).then(() => (idle = true));
      await page.locator('.o_blockUI').waitFor({ state: 'attached' });
      assert.equal(idle, false, 'idle while the button call was in flight');
      fake.releaseButton();
      await waiting;
      assert.equal(await page.locator('.o_blockUI').count(), 0);
      // The record reload (a fetch after the XHR) was waited for too.
      assert.equal(await page.locator('[aria-checked="true"]').innerText(), 'Sales Order');
    } finally {
      await fake.close();
    }
  });

  it('clicks a status-bar button by name and records a step with a screenshot', async () => {
    const fake = await startFakeWebClient();
    try {
      const { steps, attachments, evidence } = recordingEvidence();
      const client = new OdooWebClient(await openForm(fake), { baseUrl: fake.url, profile: versionProfile(19), login: 'sam', evidence });
      await client.settle();
      const form = new FormView(client);
      const clicking = form.clickButton('action_confirm');
      fake.releaseButton();
      await clicking;
      assert.equal(await form.status(), 'Sales Order');
      assert.equal(await form.read('name'), 'S00042');
      assert.deepEqual(steps, ['click action_confirm']);
      assert.deepEqual(attachments.map((a) => [a.name, a.contentType]), [['click action_confirm (screenshot)', 'image/jpeg']]);
      assert.equal(client.timings.length, 1);
    } finally {
      await fake.close();
    }
  });

  it('turns the UserError dialog into a BusinessRuleError with Odoo\'s text, and attaches the page', async () => {
    const fake = await startFakeWebClient();
    try {
      const { attachments, evidence } = recordingEvidence();
      const client = new OdooWebClient(await openForm(fake, '?fail=1'), {
        baseUrl: fake.url,
        profile: versionProfile(19),
        login: 'sam',
        evidence,
      });
      await client.settle();
      fake.releaseButton();
      const error = await new FormView(client).clickButton('action_confirm').then(
        () => assert.fail('the UserError was not noticed'),
        (caught: unknown) => caught,
      );
      assert.ok(error instanceof BusinessRuleError, `expected a BusinessRuleError, got ${String(error)}`);
      assert.equal(error.odooMessage, 'Some orders are not in a state requiring confirmation.');
      assert.equal(error.odooException, 'UserError');
      assert.deepEqual(attachments.map((a) => a.name), [
        "click action_confirm failed: Odoo's error",
        'click action_confirm failed: the page',
        'click action_confirm failed (screenshot)',
      ]);
      assert.match(attachments[0]?.body ?? '', /BusinessRuleError: Some orders are not in a state requiring confirmation/);
    } finally {
      await fake.close();
    }
  });

  it('names a server that serves no database to a visitor who is not logged in', async () => {
    const fake = await startFakeWebClient((request) =>
      request.path.startsWith('/shop') ? { status: 404, contentType: 'text/html', body: '<h1>Not Found</h1><p>No database is selected and the requested URL was not found in the server-wide controllers.</p>' } : undefined,
    );
    try {
      const context = await browser.newContext();
      const client = new OdooWebClient(await context.newPage(), { baseUrl: fake.url, profile: versionProfile(19), login: 'shop visitor', evidence: recordingEvidence().evidence });
      await assert.rejects(client.goto('/shop/42'), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /serves no database to a visitor who is not logged in \(\/shop\/42\): it has several databases and no dbfilter/);
        return true;
      });
      await context.close();
    } finally {
      await fake.close();
    }
  });
});

