import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { projectRoot } from '../support/config/sources';
import { OdooError } from '../support/odoo/errors';
import { csrfTokenOf, loginRefusalOf, orderLinkIn, orderViewOf, paymentFormOf } from '../support/odoo/portal/portal-pages';
import { portalOnRecordedTarget, RECORDED_TARGET_VARIABLE } from '../support/odoo/portal/recorded-targets';
import { drawnSignature, SIGNATURE_HEIGHT, SIGNATURE_WIDTH } from '../support/odoo/portal/signature-image';

/**
 * Pages of the customer portal as live Odoo 19 and 18 rendered them for a
 * portal buyer (quotation S00003 of its company, id 3; order S00004 of
 * another customer, id 4), with scripts, styles and tokens taken out.
 */
const page = (version: number, name: string) => readFileSync(path.join(projectRoot, 'tests', 'fixtures', 'portal', `odoo${version}`, `${name}.html`), 'utf8');
const TOKEN = '00000000-0000-4000-8000-000000000000';

for (const version of [19, 18]) {
  describe(`the customer portal's pages, as Odoo ${version} renders them`, () => {
    it('give the login form its CSRF token, and the reason of a refused login', () => {
      assert.equal(csrfTokenOf(page(version, 'login'), '/web/login'), 'fixture-csrf-token');
      assert.equal(loginRefusalOf(page(version, 'login-refused')), 'Wrong login/password');
      assert.equal(loginRefusalOf(page(version, 'login')), undefined);
    });

    it("list the buyer's own quotation with its access token, and no other customer's order", () => {
      assert.equal(orderLinkIn(page(version, 'quotes'), 3), `/my/orders/3?access_token=${TOKEN}`);
      assert.equal(orderLinkIn(page(version, 'orders'), 3), `/my/orders/3?access_token=${TOKEN}`);
      assert.equal(orderLinkIn(page(version, 'quotes'), 4), undefined);
      assert.equal(orderLinkIn(page(version, 'orders'), 4), undefined);
      // /my/orders/3 is not the link of order 33.
      assert.equal(orderLinkIn(page(version, 'quotes'), 33), undefined);
    });

    it('show a quotation to sign and pay, with no payment form before it is signed', () => {
      assert.deepEqual(orderViewOf(page(version, 'quotation')), { stage: 'Quotation', name: 'S00003', actions: ['Sign & Pay'], deliveries: [], invoices: [] });
      assert.equal(paymentFormOf(page(version, 'quotation')), undefined);
    });

    it('offer the payment of a signed quotation: the amount, the routes and the demo option the form posts', () => {
      assert.deepEqual(orderViewOf(page(version, 'signed')).actions, ['Pay Now']);
      assert.deepEqual(paymentFormOf(page(version, 'signed')), {
        amount: 230,
        transactionRoute: `/my/orders/3/transaction?access_token=${TOKEN}`,
        landingRoute: `/my/orders/3?access_token=${TOKEN}`,
        accessToken: TOKEN,
        providerId: 6,
        paymentMethodId: version === 19 ? 223 : 202,
      });
    });

    it('list the delivery and the invoice of the order with their badges', () => {
      const view = orderViewOf(page(version, 'delivered-invoiced'));
      assert.equal(view.stage, 'Sales Order');
      assert.deepEqual(view.deliveries, [{ id: 4, name: 'WH/OUT/00004', status: 'Shipped' }]);
      // 19 settles the invoice with the online payment; 18, whose payment method had no outstanding account, does not.
      assert.deepEqual(view.invoices, version === 19 ? [{ id: 4, name: 'INV/2026/00002', status: 'Paid' }] : [{ id: 2, name: 'INV/2026/00002', status: 'Waiting Payment' }]);
    });
  });
}

describe('reading portal pages that are not what the buyer expects', () => {
  it("names a page that is not an order's page", () => {
    assert.throws(() => orderViewOf(page(19, 'login')), (error: unknown) => error instanceof OdooError && /not an order's portal page/.test(error.message));
  });

  it('names a payment form without the demo provider, and a page without a CSRF token', () => {
    const withoutDemo = page(19, 'signed').replaceAll('data-provider-code="demo"', 'data-provider-code="stripe"');
    assert.throws(() => paymentFormOf(withoutDemo), /offers no demo provider: publish the demo provider \(payment_demo\)/);
    assert.throws(() => csrfTokenOf('<html><form></form></html>', '/web/login'), /\/web\/login has no form with a CSRF token/);
  });

  it('says what a badge shows when it is none the harness knows', () => {
    const renamed = page(19, 'delivered-invoiced').replace(/<i class="fa fa-fw fa-truck"><\/i>\s*Shipped/, 'Unterwegs');
    assert.match(orderViewOf(renamed).deliveries[0]?.status ?? '', /^none of Shipped, Preparation, Cancelled \(shows "Unterwegs/);
  });
});

describe("the buyer's drawn signature", () => {
  it('is a grayscale PNG of the pad\'s size with ink on it, and differs from one signer to another', () => {
    const png = Buffer.from(drawnSignature('Dana Whitfield'), 'base64');
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
    assert.equal(png.readUInt32BE(16), SIGNATURE_WIDTH);
    assert.equal(png.readUInt32BE(20), SIGNATURE_HEIGHT);
    const dataLength = png.readUInt32BE(33);
    assert.equal(png.subarray(37, 41).toString('ascii'), 'IDAT');
    const rows = inflateSync(png.subarray(41, 41 + dataLength));
    assert.equal(rows.length, (SIGNATURE_WIDTH + 1) * SIGNATURE_HEIGHT);
    assert.ok(rows.filter((byte) => byte === 0).length > SIGNATURE_WIDTH, 'a stroke across the pad');
    assert.equal(drawnSignature('Dana Whitfield'), drawnSignature('Dana Whitfield'));
    assert.notEqual(drawnSignature('Dana Whitfield'), drawnSignature('Sam Okafor'));
  });
});

describe('portal scenarios on a recorded target', () => {
  it('are skipped while a recording is made or replayed, and only then', () => {
    const tags = ['@UAT-PTL-001', '@requires:portal'];
    assert.equal(portalOnRecordedTarget(tags, { [RECORDED_TARGET_VARIABLE]: 'true' }), true);
    assert.equal(portalOnRecordedTarget(tags, {}), false);
    assert.equal(portalOnRecordedTarget(['@UAT-O2C-001', '@requires:sale_stock'], { [RECORDED_TARGET_VARIABLE]: 'true' }), false);
  });
});
