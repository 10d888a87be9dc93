import type { Page } from '@playwright/test';

/**
 * How evidence screenshots are stored: JPEG, one pixel per CSS pixel. At
 * quality 60 the 11-14 px text, figures and badges of Odoo 19's lists and
 * forms read as in the PNG, zoomed to 2x too (checked by eye at 1280x720; at
 * 50 halos show round coloured badges), for 55 to 67% of the PNG's bytes
 * (`npx tsx benchmarks/report-size.ts` prints the sizes per quality).
 */
export const SCREENSHOT_QUALITY = 60;
export const SCREENSHOT_CONTENT_TYPE = 'image/jpeg';

/**
 * A full-page capture stops at this box (CSS px from the top left): a long
 * shop page or list would otherwise make one image of several MB.
 */
export const FULL_PAGE_LIMIT = { width: 4000, height: 4000 };

/** A compact screenshot of the page (JPEG, see SCREENSHOT_CONTENT_TYPE): the viewport, or the page up to FULL_PAGE_LIMIT. */
export function compactScreenshot(page: Page, options: { fullPage?: boolean } = {}): Promise<Buffer> {
  const compact = { type: 'jpeg', quality: SCREENSHOT_QUALITY, scale: 'css' } as const;
  // Playwright trims the clip to the page, so a short page is captured whole.
  return page.screenshot(options.fullPage ? { ...compact, fullPage: true, clip: { x: 0, y: 0, ...FULL_PAGE_LIMIT } } : compact);
}
