import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContextOptions } from '@playwright/test';
import { FormView } from '../support/odoo/ui/form-view';
import { press } from '../support/odoo/ui/touch';
import { ODOO_SMALL_SCREEN_BELOW_PX, screenContextOptions } from '../support/odoo/ui/screens';
import { versionProfile } from '../support/odoo/version-profile';
import { standInPages } from './support/ui-fake-web-client';

/**
 * A stand-in for 19's sales order form at a tablet's width: the status bar
 * shows Send and a "More" button; More slides a sheet up with Confirm (as
 * 19's bottom sheet does). The page notes every touch and mouse press.
 * (That a tap waits for the slide to end was seen on live 19 only: there a
 * tap on the way hit the sheet's backdrop, which a stand-in does not
 * reproduce reliably.)
 */
const SMALL_SCREEN_FORM = `<!DOCTYPE html><html><body>
<div class="o_action_manager"><div class="o_form_view">
  <div class="o_statusbar_buttons"><button name="action_quotation_send">Send</button><button title="More" id="more">More</button></div>
</div></div>
<div id="sheet" class="o-dropdown--menu" style="display:none;position:fixed;bottom:0;transition:transform 400ms;transform:translateY(100%)">
  <button name="action_confirm">Confirm</button>
</div>
<script>
  window.presses = [];
  for (const type of ['touchstart', 'mousedown']) document.addEventListener(type, (e) => presses.push(type + ' ' + (e.target.name || e.target.id)), true);
  document.getElementById('more').addEventListener('click', () => {
    const sheet = document.getElementById('sheet');
    sheet.style.display = 'block';
    requestAnimationFrame(() => requestAnimationFrame(() => (sheet.style.transform = 'translateY(0)')));
  });
  document.querySelector('[name="action_confirm"]').addEventListener('click', () => (document.body.dataset.confirmed = 'yes'));
</script></body></html>`;

/**
 * A button in a sheet that slides up for 600 ms while, elsewhere on the
 * page, a notice fades for 5 s: the page notes, at the tap, whether each
 * was still moving.
 */
const SLIDING_SHEET = `<!DOCTYPE html><html><body>
<div id="notice" style="transition:opacity 5000ms linear">Saved</div>
<div id="sheet" style="position:fixed;bottom:0;transition:transform 600ms linear;transform:translateY(100%)"><button id="go">Go</button></div>
<script>
  const sheet = document.getElementById('sheet');
  const notice = document.getElementById('notice');
  // Style read in between, so both transitions start now rather than at the next frame.
  getComputedStyle(sheet).transform;
  sheet.style.transform = 'translateY(0)';
  notice.style.opacity = '0.2';
  const moving = (element) => element.getAnimations().some((animation) => animation.playState === 'running');
  document.addEventListener('touchstart', () => (window.atTap = { sheetMoving: moving(sheet), noticeFading: moving(notice) }), true);
</script></body></html>`;

describe('the tablet screen', () => {
  it('is a touch tablet narrower than Odoo small-screen breakpoint, while the desktop keeps the run own options', () => {
    const tablet = screenContextOptions('tablet');
    assert.ok((tablet.viewport?.width ?? Infinity) < ODOO_SMALL_SCREEN_BELOW_PX, `${tablet.viewport?.width} px lays Odoo out for small screens`);
    assert.equal(tablet.hasTouch, true);
    assert.equal(tablet.isMobile, true);
    assert.equal('defaultBrowserType' in tablet, false, 'a context option set, not a browser choice');
    assert.deepEqual(screenContextOptions('desktop'), {});
  });

  it('opens a new quotation at /odoo/<model>/new on 18 and 19, and by the hash on 17', () => {
    for (const major of [18, 19]) assert.equal(versionProfile(major).newRecordPath('sale.order'), '/odoo/sale.order/new');
    assert.equal(versionProfile(17).newRecordPath('sale.order'), '/web#model=sale.order&view_type=form');
  });

  describe('status-bar buttons against a stand-in page', () => {
    const pages = standInPages({ '/small-form': SMALL_SCREEN_FORM, '/sliding-sheet': SLIDING_SHEET });

    async function formOn(options: BrowserContextOptions) {
      const { page, client } = await pages.open('/small-form', { major: 19, login: 'sam' }, options);
      return { page, form: new FormView(client) };
    }

    it('on a tablet, taps More and then the button in the sheet it slides up', async () => {
      const { page, form } = await formOn(screenContextOptions('tablet'));
      await form.clickButton('action_confirm');
      assert.deepEqual(await page.evaluate(() => (window as unknown as { presses: string[] }).presses.filter((p) => p.startsWith('touchstart'))), ['touchstart more', 'touchstart action_confirm']);
      assert.equal(await page.evaluate(() => document.body.dataset.confirmed), 'yes');
    });

    it('a tap waits for the sheet that holds its button to stop sliding, not for other animations on the page', async () => {
      const { context, page } = await pages.open('/sliding-sheet', { major: 19, login: 'sam' }, screenContextOptions('tablet'));
      await press(page.locator('#go'));
      assert.deepEqual(await page.evaluate(() => (window as unknown as { atTap: unknown }).atTap), { sheetMoving: false, noticeFading: true });
      await context.close();
    });

    it('on the desktop, clicks a button the status bar shows, with no touch', async () => {
      const { page, form } = await formOn({});
      await form.clickButton('action_quotation_send');
      assert.deepEqual(await page.evaluate(() => (window as unknown as { presses: string[] }).presses), ['mousedown action_quotation_send']);
    });
  });
});
