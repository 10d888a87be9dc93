import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closeLeftOpenSession } from '../support/odoo/operations/point-of-sale';
import type { OdooClient } from '../support/odoo/rpc/client';
import { receiptReference } from '../support/odoo/ui/point-of-sale';
import { versionProfile } from '../support/odoo/version-profile';

/** A set-up user's client that answers a session's read and records every call made to Odoo. */
function recordingAdmin(session: { state: string; cash_register_balance_end: number }) {
  const calls: [string, string, unknown][] = [];
  const client = {
    login: 'admin',
    readOne: async () => session,
    call: async (model: string, method: string, options: unknown) => {
      calls.push([model, method, options]);
      return { successful: true };
    },
  } as unknown as OdooClient;
  return { client, calls };
}

const session = { model: 'pos.session', id: 66, name: 'Tidy store/00066' };

describe('a store session left open by a failed scenario', () => {
  it('is closed with the cash Odoo expects counted, the card terminal without a difference', async () => {
    const { client, calls } = recordingAdmin({ state: 'opened', cash_register_balance_end: 146 });
    assert.equal(await closeLeftOpenSession(client, session, [4]), true);
    assert.deepEqual(calls.map(([, method, options]) => [method, options]), [
      ['post_closing_cash_details', { ids: [66], kwargs: { counted_cash: 146 } }],
      ['update_closing_control_state_session', { ids: [66], kwargs: { notes: '' } }],
      ['close_session_from_ui', { ids: [66], kwargs: { bank_payment_method_diff_pairs: [[4, 0]] } }],
    ]);
  });

  it('is opened empty first when its opening was never counted', async () => {
    const { client, calls } = recordingAdmin({ state: 'opening_control', cash_register_balance_end: 0 });
    await closeLeftOpenSession(client, session, [4]);
    assert.deepEqual(calls[0]?.slice(1), ['set_opening_control', { ids: [66], kwargs: { cashbox_value: 0, notes: '' } }]);
    assert.equal(calls.at(-1)?.[1], 'close_session_from_ui');
  });

  it('is left as it is once closed (a passed scenario closed it itself)', async () => {
    const { client, calls } = recordingAdmin({ state: 'closed', cash_register_balance_end: 119 });
    assert.equal(await closeLeftOpenSession(client, session, [4]), false);
    assert.deepEqual(calls, []);
  });
});

describe("the POS receipt's order reference", () => {
  const prefixOf = (major: number) => {
    const shown = versionProfile(major).posReceiptReference;
    assert.ok(shown, `Odoo ${major} has a receipt reference`);
    return shown.prefix;
  };

  it("is 19's header without its Ticket (or VAT Ticket) words, as the live app showed 261-41-000001", () => {
    assert.equal(receiptReference('Ticket 261-41-000001', prefixOf(19)), '261-41-000001');
    assert.equal(receiptReference('\n VAT Ticket\n 261-41-000002 ', prefixOf(19)), '261-41-000002');
  });

  it("is the whole of 18's order line, which is its pos_reference", () => {
    assert.equal(receiptReference('Order 00019-001-0001', prefixOf(18)), 'Order 00019-001-0001');
  });

  it('refuses a receipt that shows none, and is not read on 17', () => {
    assert.throws(() => receiptReference(' Ticket ', prefixOf(19)), /shows no order reference \("Ticket"\)/);
    assert.equal(versionProfile(17).posReceiptReference, undefined);
  });
});
