import { devices, type BrowserContextOptions } from '@playwright/test';

/** The screen a role works on in the web client: the office's desktop, or a field rep's tablet. */
export type Screen = 'desktop' | 'tablet';

/** Odoo's small-screen layout is for viewports narrower than this (SIZES.MD's min-width in web/static/src/core/ui/ui_service.js, 17 to 19). */
export const ODOO_SMALL_SCREEN_BELOW_PX = 768;

/**
 * The tablet: a Galaxy Tab S4 held upright (712 x 1138 CSS px, touch, a
 * mobile Chrome). 712 px is below Odoo's breakpoint, so the web client lays
 * it out for small screens as a field rep sees it: lists as cards, a form's
 * lines as cards edited in a dialog. An iPad (768 px and up) would get the
 * desktop layout with touch, and is WebKit, which is not installed here.
 */
const TABLET_DEVICE = devices['Galaxy Tab S4'];

/** The browser context options of a screen: a desktop keeps the run's own, a tablet is the emulated device (a context option set, not the browser type). */
export function screenContextOptions(screen: Screen): BrowserContextOptions {
  if (screen === 'desktop') return {};
  const { defaultBrowserType: _browserType, ...tablet } = TABLET_DEVICE;
  return tablet;
}
