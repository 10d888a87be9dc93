import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser } from '@playwright/test';
import { projectRoot } from '../support/config/sources';
import { attachScreenshot } from '../support/evidence/attachments';
import { readAllureResults } from '../support/evidence/allure-results';
import { evidenceDigest } from '../support/evidence/evidence-digest';
import { groupScenarios } from '../support/evidence/scenarios';
import type { UiEvidence } from '../support/odoo/ui/evidence-hook';
import { compactScreenshot, FULL_PAGE_LIMIT } from '../support/odoo/ui/screenshot';
import { OdooWebClient } from '../support/odoo/ui/web-client';
import { versionProfile } from '../support/odoo/version-profile';
import { buildSignoffPack } from '../support/signoff/pack/build';
import { sealResults } from '../support/signoff/result-seal';
import { signoffStatus } from '../support/signoff/status';
import { runCli } from './support/cli';
import { scratchDir } from './support/files';
import { copyRecordedRun } from './support/recorded-runs';
import { launchTestBrowser } from './support/ui-fake-web-client';

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const SALE_ORDER = pathToFileURL(path.join(projectRoot, 'tests', 'fixtures', 'ui', 'odoo-sale-order.html')).href;

/** Width and height from a JPEG's start-of-frame segment. */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  for (let at = 2; at + 9 < jpeg.length; at += 2 + jpeg.readUInt16BE(at + 2)) {
    const marker = jpeg[at + 1] as number;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
  }
  throw new Error('no start-of-frame segment in the JPEG');
}

function recordingEvidence() {
  const attached: { name: string; contentType: string; body: Buffer | string }[] = [];
  const evidence: UiEvidence = { step: (_title, body) => body(), attach: async (name, body, contentType) => void attached.push({ name, contentType, body }) };
  return { attached, evidence };
}

/** The recorded run with its one screenshot (UAT-REC-004's login page) replaced by a JPEG. */
function recordedRunWithJpeg(jpeg: Buffer): { run: string; results: string; jpegFile: string } {
  const run = copyRecordedRun('run-a');
  const results = path.join(run, 'allure-results');
  const pngFile = readdirSync(results).find((file) => file.endsWith('.png'));
  assert.ok(pngFile, 'the recorded run has a PNG screenshot');
  const jpegFile = pngFile.replace(/\.png$/, '.jpg');
  writeFileSync(path.join(results, jpegFile), jpeg);
  for (const file of readdirSync(results).filter((f) => f.endsWith('-result.json'))) {
    const text = readFileSync(path.join(results, file), 'utf8');
    writeFileSync(path.join(results, file), text.replaceAll(pngFile, jpegFile).replaceAll('"image/png"', '"image/jpeg"'));
  }
  rmSync(path.join(results, pngFile));
  return { run, results, jpegFile };
}

// Needs Chromium (CI: apt-get install chromium); no Odoo.
describe('compact screenshots', () => {
  let browser: Browser;
  let jpeg: Buffer;
  before(async () => {
    browser = await launchTestBrowser();
    const page = await browser.newPage();
    await page.goto(`${SALE_ORDER}?lines=3`);
    jpeg = await compactScreenshot(page);
    await page.close();
  });
  after(async () => browser?.close());

  it("attaches each act's screenshot as a JPEG of one pixel per CSS pixel, well under the PNG's size", async () => {
    const context = await browser.newContext({ deviceScaleFactor: 2 });
    try {
      const page = await context.newPage();
      await page.goto(`${SALE_ORDER}?lines=6`);
      const { attached, evidence } = recordingEvidence();
      const client = new OdooWebClient(page, { baseUrl: 'http://odoo.test', profile: versionProfile(19), login: 'sam', evidence });
      await client.act('look at the order', async () => undefined);
      assert.deepEqual(attached.map((a) => [a.name, a.contentType]), [['look at the order (screenshot)', 'image/jpeg']]);
      const body = attached[0]?.body as Buffer;
      assert.ok(body.subarray(0, 3).equals(JPEG_MAGIC), 'JPEG bytes');
      assert.deepEqual(jpegSize(body), { width: 1280, height: 720 }, 'not the 2560x1440 device pixels');
      const png = await page.screenshot({ scale: 'css' });
      assert.ok(body.length < png.length * 0.75, `JPEG ${body.length} bytes against PNG ${png.length}`);
    } finally {
      await context.close();
    }
  });

  it("keeps a failed act's full-page screenshot within FULL_PAGE_LIMIT, and a short page whole", async () => {
    const page = await browser.newPage();
    try {
      const { attached, evidence } = recordingEvidence();
      const client = new OdooWebClient(page, { baseUrl: 'http://odoo.test', profile: versionProfile(19), login: 'sam', evidence });
      const screenshotOfFailure = async () => {
        attached.length = 0;
        await assert.rejects(client.act('open the list', async () => Promise.reject(new Error('no such list'))), /no such list/);
        const screenshot = attached.find((a) => a.name === 'open the list failed (screenshot)');
        assert.equal(screenshot?.contentType, 'image/jpeg');
        return jpegSize(screenshot.body as Buffer);
      };
      await page.setContent('<div style="height:9000px;background:linear-gradient(#fff,#714b67)">a long shop page</div>');
      assert.deepEqual(await screenshotOfFailure(), { width: 1280, height: FULL_PAGE_LIMIT.height });
      await page.setContent('<p>a short page</p>');
      assert.deepEqual(await screenshotOfFailure(), { width: 1280, height: 720 });
    } finally {
      await page.close();
    }
  });

  it('attaches a JPEG as image/jpeg and refuses bytes that are no image, naming the screenshot', async () => {
    const attached: { name: string; body?: unknown; contentType?: string }[] = [];
    const testInfo = { attach: async (name: string, options: { body?: unknown; contentType?: string } = {}) => void attached.push({ name, ...options }) };
    await attachScreenshot(testInfo, 'the order', jpeg);
    assert.deepEqual(attached, [{ name: 'the order', body: jpeg, contentType: 'image/jpeg' }]);
    await assert.rejects(attachScreenshot(testInfo, 'the invoice', Buffer.from('<html>')), /the screenshot "the invoice" is neither a JPEG nor a PNG \(its bytes start with 3c68746d6c3e\)/);
  });

  it('shows a JPEG in the sign-off pack, and binds sign-offs to its bytes', () => {
    const { results, jpegFile } = recordedRunWithJpeg(jpeg);
    const scenarios = groupScenarios(readAllureResults(results));
    const out = path.join(scratchDir(), 'pack');
    buildSignoffPack({ run: { runId: 'x' }, resultsDir: results, signoffs: signoffStatus(scenarios, () => 'd', []), outputDir: out, secrets: [] });
    const page = readFileSync(path.join(out, 'fulfillment.html'), 'utf8');
    assert.match(page, new RegExp(`<img class="screenshot" loading="lazy" src="evidence/${jpegFile}" alt="the login page">`));
    assert.ok(readFileSync(path.join(out, 'evidence', jpegFile)).equals(jpeg), 'the JPEG is copied beside the page');
    const scenario = scenarios.find((s) => s.id === 'UAT-REC-004');
    assert.ok(scenario);
    const before = evidenceDigest(scenario, results);
    writeFileSync(path.join(results, jpegFile), Buffer.concat([jpeg, Buffer.from([0])]));
    assert.notEqual(evidenceDigest(scenario, results), before, 'one byte more in the JPEG changes the digest');
  });

  it('uat report --multi-file writes the report as a folder to serve, with the JPEG as a file of its own', async () => {
    const { run, jpegFile } = recordedRunWithJpeg(jpeg);
    const results = path.join(run, 'allure-results');
    const info = JSON.parse(readFileSync(path.join(run, 'run.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(run, 'run.json'), JSON.stringify({ ...info, sealed: sealResults(results) }));
    const result = await runCli(['report', '--run', run, '--ledger', path.join(run, '..', 'ledger.jsonl'), '--multi-file']);
    assert.equal(result.code, 0, result.stderr);
    const report = path.join(run, 'allure-report');
    assert.ok(existsSync(path.join(report, 'index.html')));
    assert.ok(readdirSync(report).some((file) => /^app-.*\.js$/.test(file)), 'the app is a script beside the page');
    assert.equal(readdirSync(path.join(report, 'data', 'test-results')).length, 4, 'one data file per scenario');
    const attachments = readdirSync(path.join(report, 'data', 'attachments'));
    const copied = attachments.filter((file) => file.endsWith('.jpg')).map((file) => readFileSync(path.join(report, 'data', 'attachments', file)));
    assert.ok(copied.some((file) => file.equals(jpeg)), `the JPEG among ${attachments.join(', ')}`);
    assert.doesNotMatch(readFileSync(path.join(report, 'index.html'), 'utf8'), /data\/attachments/, 'nothing embedded in the page');
    const shown = path.relative(projectRoot, report);
    assert.ok(result.stdout.includes(`Allure report  ${shown}/ (multi-file: open it with npx allure open ${shown})`), result.stdout);
    assert.ok(existsSync(path.join(run, 'signoff-pack', 'evidence', jpegFile)), 'the pack shows the JPEG too');
  });

  it('uat report names --multi-file when the single file passes 50 MB', async () => {
    // 40 MB of screenshot bytes, a third more once embedded as base64.
    const { run, jpegFile } = recordedRunWithJpeg(Buffer.concat([jpeg, Buffer.alloc(40e6, 7)]));
    const result = await runCli(['report', '--run', run, '--ledger', path.join(run, '..', 'ledger.jsonl')]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /uat: the report is 5\d MB, too big to mail and slow to open: --multi-file builds one that loads each scenario when shown/);
    assert.ok(existsSync(path.join(run, 'signoff-pack', 'evidence', jpegFile)));
  });
});
