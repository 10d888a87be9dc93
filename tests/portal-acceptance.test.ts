import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buyerOpensQuotation } from '../scenarios/portal';
import { projectRoot } from '../support/config/sources';
import type { HarnessEnvironment } from '../support/config/environment';
import type { Capabilities } from '../support/odoo/capabilities';
import type { PortalBuyerActs } from '../support/odoo/acts/portal-buyer-acts';
import { portalAcceptanceButtons, type OnlineAcceptance } from '../support/odoo/operations/online-quotations';
import { orderViewOf } from '../support/odoo/portal/portal-pages';
import type { PortalBuyer } from '../support/odoo/portal/portal-buyers';
import type { RpcCall, RpcTransport } from '../support/odoo/rpc/transport';
import { ScenarioNotes } from '../support/scenario-notes';
import type { World } from '../support/world';
import { versionProfile } from '../support/odoo/version-profile';
import { rpcWorld } from './support/offline-world';

const ORDER = { model: 'sale.order', id: 3, name: 'S00003' };

/** Odoo answering only what opening a quotation reads back: the quotation's acceptance flags, and no transactions. */
function odooWithFlags(flags: OnlineAcceptance): RpcTransport {
  return {
    kind: 'xmlrpc',
    authenticate: async () => 2,
    async call(call: RpcCall) {
      if (call.model === 'sale.order' && call.method === 'read') {
        return [{ id: ORDER.id, name: ORDER.name, state: 'sent', signed_by: false, signature: false, signed_on: false, amount_total: 100, require_signature: flags.signature, require_payment: flags.payment, transaction_ids: [] }];
      }
      if (call.model === 'payment.transaction' && call.method === 'read') return [];
      throw new Error(`unexpected call ${call.model}.${call.method}`);
    },
  };
}

/** A scenario whose salesperson's sentence asked `asked`, on an Odoo whose quotation has `flags`, whose portal shows `buttons`. */
function scenarioWhere(asked: OnlineAcceptance, flags: OnlineAcceptance, buttons: string[]): World {
  const environment = { name: 'offline', file: 'offline.env', odoo: { url: 'http://odoo.invalid', db: 'offline', admin: { login: 'admin' } } } as unknown as HarnessEnvironment;
  const capabilities = { server: { major: 19 }, modules: new Set(), edition: 'community', profile: versionProfile(19) } as unknown as Capabilities;
  const notes = new ScenarioNotes();
  notes.remember('the order', ORDER);
  notes.remember('the online acceptance', asked);
  notes.remember('the portal buyer', { credentials: { login: 'buyer' } } as unknown as PortalBuyer);
  const acts = { login: 'buyer', openQuotation: async () => ({ stage: 'Quotation', name: ORDER.name, actions: buttons, deliveries: [], invoices: [] }) } as unknown as PortalBuyerActs;
  return { ...rpcWorld(odooWithFlags(flags), environment, capabilities, notes), portal: async () => acts };
}

const outcome = (world: World) => buyerOpensQuotation(world).then(() => 'passed', (error: Error) => error.message);

describe("the portal's acceptance buttons", () => {
  it('are the ones sale\'s portal template offers for each acceptance', () => {
    assert.deepEqual(portalAcceptanceButtons({ signature: true, payment: true }), ['Sign & Pay']);
    assert.deepEqual(portalAcceptanceButtons({ signature: true, payment: false }), ['Accept & Sign']);
    assert.deepEqual(portalAcceptanceButtons({ signature: false, payment: true }), ['Accept & Pay']);
    assert.deepEqual(portalAcceptanceButtons({ signature: false, payment: false }), []);
  });

  for (const version of [19, 18]) {
    it(`are what Odoo ${version} showed on a quotation asking for signature and payment`, () => {
      const html = readFileSync(path.join(projectRoot, 'tests', 'fixtures', 'portal', `odoo${version}`, 'quotation.html'), 'utf8');
      assert.deepEqual(orderViewOf(html).actions, portalAcceptanceButtons({ signature: true, payment: true }));
    });
  }
});

describe('the buyer opening the quotation in the portal', () => {
  it('passes when Odoo asks exactly what the sentence asked and the portal shows its button', async () => {
    const signOnly = { signature: true, payment: false };
    assert.equal(await outcome(scenarioWhere(signOnly, signOnly, ['Accept & Sign'])), 'passed');
  });

  it("fails naming the flag and the buttons when Odoo's quotation asks for a payment the sentence did not ask for", async () => {
    const message = await outcome(scenarioWhere({ signature: true, payment: false }, { signature: true, payment: true }, ['Sign & Pay']));
    assert.match(message, /the online payment S00003 asks of the customer \(require_payment\): expected not asked, Odoo has asked/);
    assert.match(message, /the buyer's buttons on S00003 in the portal: expected Accept & Sign, Odoo has Sign & Pay/);
    assert.doesNotMatch(message, /require_signature/, 'the signature flag agrees with the sentence');
  });

  it('fails when the portal shows other buttons than the flags it agrees on', async () => {
    const both = { signature: true, payment: true };
    assert.match(await outcome(scenarioWhere(both, both, [])), /^the buyer's buttons on S00003 in the portal: expected Sign & Pay, Odoo has none$/);
  });
});
