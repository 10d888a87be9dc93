import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { projectRoot } from '../support/config/sources';
import { buildAllureReport, environmentInfo } from '../support/evidence/allure-report';
import { readAllureResults } from '../support/evidence/allure-results';
import type { RunInfo } from '../support/evidence/run-folder';
import { groupScenarios } from '../support/evidence/scenarios';
import { chromiumLaunchOptions } from '../support/odoo/ui/browser';
import { compactScreenshot, SCREENSHOT_QUALITY } from '../support/odoo/ui/screenshot';

/**
 * How big the Allure report of a rehearsal gets, and how long Chromium takes
 * to show its tree of tests, with the screenshots stored as PNG (as the
 * harness did before) and as compact JPEG (support/odoo/ui/screenshot.ts), in
 * the single-file and the multi-file report. Each scenario is the recorded
 * result UAT-REC-004 (tests/recorded/allure/run-a: labels, a redacted record)
 * plus SCREENSHOTS web-client acts, each with a screenshot of a stand-in Odoo
 * sale order form (tests/fixtures/ui/) taken by Chromium at 1280x720. Not a test.
 * Run: npx tsx benchmarks/report-size.ts [--scenarios 300] [--screenshots 7]
 */
function counts(): { scenarios: number; screenshots: number } {
  const positive = (option: string, value: string) => {
    if (!/^[1-9]\d*$/.test(value)) throw new Error(`--${option} must be a whole number above 0 (got "${value}")`);
    return Number(value);
  };
  try {
    // A hybrid headline scenario screenshots 5 to 10 acts (open, fill, confirm, validate, invoice...).
    const { values } = parseArgs({ options: { scenarios: { type: 'string', default: '300' }, screenshots: { type: 'string', default: '7' } }, strict: true });
    return { scenarios: positive('scenarios', values.scenarios), screenshots: positive('screenshots', values.screenshots) };
  } catch (error) {
    console.error(`benchmarks/report-size.ts: ${(error as Error).message}`);
    process.exit(2);
  }
}
const { scenarios: SCENARIOS, screenshots: SCREENSHOTS } = counts();

/** A row of the tree of tests (an epic, or a test): Allure draws it only once the results are loaded. */
const TREE_ROW = '[data-testid="tree-section"], [data-testid="tree-leaf"]';
const TOTAL_SHOWN = '[data-testid="metadata-item-total"] [data-testid="metadata-value"]';
const RENDER_TIMEOUT_MS = 3 * 60_000;
// Renders are timed a few times and the median kept: a busy machine makes single timings jump.
const RENDERS = 3;
const ACTS = ['open the quotation', 'add the order lines', 'confirm the order', 'open the delivery', 'set the quantities done', 'validate the delivery', 'create the invoice'];

const recorded = path.join(projectRoot, 'tests', 'recorded', 'allure', 'run-a');
const templateFile = readdirSync(path.join(recorded, 'allure-results')).find(
  (file) => file.endsWith('-result.json') && readFileSync(path.join(recorded, 'allure-results', file), 'utf8').includes('UAT-REC-004'),
);
if (!templateFile) throw new Error('the recorded result UAT-REC-004 is missing from tests/recorded/allure/run-a');
const template = readFileSync(path.join(recorded, 'allure-results', templateFile), 'utf8');
const info = JSON.parse(readFileSync(path.join(recorded, 'run.json'), 'utf8')) as RunInfo;

interface Format {
  label: string;
  extension: string;
  contentType: string;
  images: Buffer[];
}

interface Measured {
  screenshots: string;
  report: 'single file' | 'multi-file';
  bytes: number;
  buildMs: number;
  renderMs: number | string;
}

const kb = (bytes: number) => `${Math.round(bytes / 1e3)} KB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const seconds = (ms: number | string) => (typeof ms === 'number' ? `${(ms / 1000).toFixed(2)} s` : ms);

/** One act as allure-playwright records it: the Gherkin step, the driver's step, the attachment. */
function actStep(act: string, source: string, contentType: string, at: number) {
  const leaf = { name: `${act} (screenshot)`, status: 'passed', stage: 'finished', steps: [], parameters: [], start: at, stop: at, attachments: [{ name: `${act} (screenshot)`, source, type: contentType }] };
  const driver = { ...leaf, name: act, attachments: [], steps: [leaf] };
  return { ...driver, name: `When the salesperson ${act}`, steps: [driver] };
}

/** Writes SCENARIOS results, spread over five owners, each with its SCREENSHOTS acts. */
function writeResults(resultsDir: string, format: Format): void {
  mkdirSync(resultsDir, { recursive: true });
  const owners = ['order-to-cash', 'fulfillment', 'customer-service', 'procure-to-pay', 'finance'];
  const recordedSources = [...template.matchAll(/"source":"([^"]+)"/g)].map((m) => m[1] as string);
  for (let i = 0; i < SCENARIOS; i++) {
    const owner = owners[i % owners.length] as string;
    let text = template
      .replaceAll('UAT-REC-004', `UAT-BEN-${String(i).padStart(4, '0')}`)
      .replaceAll('fulfillment', owner)
      .replace(/"uuid":"[^"]+"/, `"uuid":"${randomUUID()}"`)
      .replace(/"historyId":"[^"]+"/, `"historyId":"bench-${i}"`);
    for (const source of recordedSources) {
      const copy = `${randomUUID()}-attachment${path.extname(source)}`;
      writeFileSync(path.join(resultsDir, copy), readFileSync(path.join(recorded, 'allure-results', source)));
      text = text.replaceAll(source, copy);
    }
    const result = JSON.parse(text) as { start: number; steps: unknown[]; testCaseId: string; fullName: string };
    // Allure 3 counts results of one test case and full name as retries of one test.
    result.testCaseId = `bench-${i}`;
    result.fullName = `${result.fullName} #${i}`;
    for (let k = 0; k < SCREENSHOTS; k++) {
      const source = `${randomUUID()}-attachment${format.extension}`;
      writeFileSync(path.join(resultsDir, source), format.images[k] as Buffer);
      result.steps.push(actStep(ACTS[k % ACTS.length] as string, source, format.contentType, result.start + k));
    }
    writeFileSync(path.join(resultsDir, `${randomUUID()}-result.json`), JSON.stringify(result));
  }
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml' };

/** The multi-file report fetches its data, which Chromium refuses from file://: a static server, as `npx allure open` is. */
async function serveFolder(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** From navigation to the first row of the tree of tests on screen, in a fresh context (nothing cached). */
async function firstRender(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  // Allure's page loads Google Analytics when it can: not from a benchmark.
  await context.route(/googletagmanager\.com/, (route) => route.abort());
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('crash', () => errors.push('the page crashed'));
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: RENDER_TIMEOUT_MS });
    await page.locator(TREE_ROW).first().waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS }).catch((error: Error) => {
      throw new Error(errors.length ? `the page failed: ${errors.join('; ')}` : error.message);
    });
    const elapsed = performance.now() - started;
    const total = await page.locator(TOTAL_SHOWN).first().innerText();
    if (Number(total) !== SCENARIOS) throw new Error(`the report at ${url} shows ${total} tests, not ${SCENARIOS}`);
    return elapsed;
  } finally {
    await context.close();
  }
}

async function medianRender(browser: Browser, url: string): Promise<number> {
  const timings: number[] = [];
  for (let i = 0; i < RENDERS; i++) timings.push(await firstRender(browser, url));
  return timings.sort((a, b) => a - b)[Math.floor(RENDERS / 2)] as number;
}

async function screenshotsOfStandIn(page: Page): Promise<{ png: Buffer[]; jpeg: Buffer[] }> {
  const standIn = pathToFileURL(path.join(projectRoot, 'tests', 'fixtures', 'ui', 'odoo-sale-order.html'));
  const png: Buffer[] = [];
  const jpeg: Buffer[] = [];
  for (let k = 0; k < SCREENSHOTS; k++) {
    standIn.search = `?order=S${String(1000 + k).padStart(5, '0')}&lines=${3 + (k % 5)}&seed=${k + 1}&state=${k < 2 ? 'draft' : 'sale'}`;
    await page.goto(standIn.href);
    png.push(await page.screenshot());
    jpeg.push(await compactScreenshot(page));
  }
  return { png, jpeg };
}

/** One screenshot at other JPEG qualities, for choosing SCREENSHOT_QUALITY again. */
async function qualitySweep(page: Page): Promise<string> {
  const sizes: string[] = [];
  for (const quality of [50, 60, 70, 80, 90]) sizes.push(`q${quality} ${kb((await page.screenshot({ type: 'jpeg', quality })).length)}`);
  return sizes.join(', ');
}

async function measure(browser: Browser, workDir: string, format: Format): Promise<Measured[]> {
  const runDir = path.join(workDir, format.extension.slice(1));
  const resultsDir = path.join(runDir, 'allure-results');
  writeResults(resultsDir, format);
  const environment = environmentInfo(info, groupScenarios(readAllureResults(resultsDir)));
  const measured: Measured[] = [];
  for (const singleFile of [true, false]) {
    const outputDir = path.join(runDir, singleFile ? 'single' : 'multi');
    const started = performance.now();
    try {
      const index = await buildAllureReport({ resultsDir, outputDir, name: 'benchmark', environment, singleFile });
      const buildMs = performance.now() - started;
      const bytes = singleFile ? statSync(index).size : folderBytes(outputDir);
      const server = singleFile ? undefined : await serveFolder(outputDir);
      const renderMs = await medianRender(browser, server?.url ?? pathToFileURL(index).href).catch((error: Error) => `failed: ${error.message.split('\n')[0]}`);
      await server?.close();
      measured.push({ screenshots: format.label, report: singleFile ? 'single file' : 'multi-file', bytes, buildMs, renderMs });
    } catch (error) {
      measured.push({ screenshots: format.label, report: singleFile ? 'single file' : 'multi-file', bytes: 0, buildMs: performance.now() - started, renderMs: `build failed: ${(error as Error).message.split('\n')[0]}` });
    }
    rmSync(outputDir, { recursive: true, force: true });
  }
  rmSync(runDir, { recursive: true, force: true });
  return measured;
}

const loadAtStart = loadavg()[0] as number;
const browser = await chromium.launch(chromiumLaunchOptions());
const workDir = mkdtempSync(path.join(tmpdir(), 'uat-report-size-'));
try {
  const page = await browser.newPage();
  const { png, jpeg } = await screenshotsOfStandIn(page);
  const sweep = await qualitySweep(page);
  await page.close();
  const formats: Format[] = [
    { label: 'PNG', extension: '.png', contentType: 'image/png', images: png },
    { label: `JPEG q${SCREENSHOT_QUALITY}`, extension: '.jpg', contentType: 'image/jpeg', images: jpeg },
  ];
  const rows: Measured[] = [];
  for (const format of formats) rows.push(...(await measure(browser, workDir, format)));

  const average = (images: Buffer[]) => images.reduce((sum, image) => sum + image.length, 0) / images.length;
  console.log(`${SCENARIOS} scenarios, ${SCREENSHOTS} screenshots each (1280x720, a stand-in Odoo sale order form), Chromium ${browser.version()}`);
  console.log(`one screenshot: PNG ${kb(average(png))}, JPEG q${SCREENSHOT_QUALITY} ${kb(average(jpeg))} on average; JPEG of the last at ${sweep}`);
  const table = [['screenshots', 'report', 'size', 'per scenario', 'build', 'first render'], ...rows.map((row) => [
    row.screenshots, row.report, mb(row.bytes), kb(row.bytes / SCENARIOS), seconds(row.buildMs), seconds(row.renderMs),
  ])];
  const widths = (table[0] as string[]).map((_, column) => Math.max(...table.map((cells) => (cells[column] as string).length)));
  for (const cells of table) console.log(cells.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd());
  console.log(`first render: median of ${RENDERS}, from navigation until the first row of the tree of tests is on screen (multi-file: served over http)`);
  console.log(`load average while measuring: ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]?.toFixed(1)} at the end, on ${cpus().length} cores`);
} finally {
  await browser.close();
  rmSync(workDir, { recursive: true, force: true });
}
