import type { BrowserContext, Page } from '@playwright/test';
import { ACTIVITY_TRACKER_SCRIPT } from './activity-tracker';

/**
 * Installs the activity tracker in every page of a context. Call once per
 * context, before its first page opens.
 */
export async function trackActivity(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: ACTIVITY_TRACKER_SCRIPT });
}

/** Animation frames in a row that must all look idle: one request ending often starts the next. */
const QUIET_FRAMES = 2;

/**
 * The idle test, run in the page at every animation frame (plain JavaScript,
 * for the reason given in activity-tracker.ts). Idle is:
 * - the client is ready: the web client's odoo.isReady; on website pages, the
 *   public root is mounted (odoo.__WOWL_DEBUG__) and, where it exists (19), the
 *   interactions service has started: before that, "Add to cart" is a dead link;
 * - no XHR or fetch in flight (the bus's long-lived connection aside);
 * - no blocking overlay (.o_blockUI);
 * all of it for QUIET_FRAMES animation frames in a row.
 */
const IDLE_PREDICATE = String.raw`(({ quietFrames, waitId }) => {
  const activity = window.__uatActivity;
  const odoo = window.odoo;
  let ready = document.readyState === 'complete';
  if (odoo && typeof odoo.isReady === 'boolean') {
    ready = ready && odoo.isReady;
  } else if (odoo && activity) {
    const root = odoo.__WOWL_DEBUG__ && odoo.__WOWL_DEBUG__.root;
    const services = root && root.env && root.env.services;
    const interactions = services && services['public.interactions'];
    if (services && !interactions) activity.frontendReady = true;
    if (interactions && !activity.frontendReady) interactions.isReady.then(() => { activity.frontendReady = true; });
    ready = ready && activity.frontendReady;
  }
  const idle = ready && (!activity || activity.pending === 0) && !document.querySelector('.o_blockUI');
  const quiet = window.__uatQuiet && window.__uatQuiet.waitId === waitId ? window.__uatQuiet : { waitId, frames: 0 };
  quiet.frames = idle ? quiet.frames + 1 : 0;
  window.__uatQuiet = quiet;
  return quiet.frames >= quietFrames;
})`;

/** Waits until Odoo is idle (see IDLE_PREDICATE); no fixed sleep: it returns as soon as the page is. */
export async function waitForOdooIdle(page: Page, timeoutMs: number): Promise<void> {
  lastWaitId += 1;
  // A string is evaluated as an expression, so the call and its argument are part of it.
  const expression = `${IDLE_PREDICATE}(${JSON.stringify({ quietFrames: QUIET_FRAMES, waitId: lastWaitId })})`;
  await page.waitForFunction(expression, undefined, { polling: 'raf', timeout: timeoutMs });
}

let lastWaitId = 0;
