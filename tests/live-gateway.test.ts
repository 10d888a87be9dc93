import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { moduleRequirements } from '../support/features/requirements';
import { examineTarget } from '../support/odoo/doctor';
import { OdooGateway } from '../support/odoo/gateway';
import { openedRecord, pressButton, Wizard } from '../support/odoo/rpc/actions';
import type { OdooClient } from '../support/odoo/rpc/client';
import { exerciseGateway } from './support/exercise-gateway';
import { liveEnvironment, liveSkipReason, uniqueTag } from './support/live';

describe('RPC gateway on a live Odoo (UAT_LIVE_ENV)', { skip: liveSkipReason }, () => {
  let gateway: OdooGateway;
  before(async () => {
    gateway = await OdooGateway.connect(liveEnvironment({ UAT_PROVISION_ROLES: 'true' }));
  });

  it('doctor finds no problem', async () => {
    const report = await examineTarget(gateway.environment, moduleRequirements());
    assert.deepEqual(report.problems, []);
    assert.match(report.lines[0] ?? '', /^Odoo \d+\.\d/);
  });

  it('validates part of a delivery and creates the backorder through the wizard', async () => {
    const outcomes = await exerciseGateway(gateway, () => {}, `LIVE${uniqueTag()}`);
    const backorder = outcomes.backorder;
    assert.ok(backorder && 'value' in backorder, String(backorder && 'error' in backorder && backorder.error.stack));
    const { pickings } = backorder.value as { pickings: { state: string; backorder_id: unknown }[] };
    assert.deepEqual(pickings.map((p) => p.state), ['done', 'confirmed']);
  });

  it('returns one unit through the return wizard and refunds it through the reversal wizard', async () => {
    const admin = gateway.admin;
    const tag = uniqueTag();
    const product = await admin.create('product.product', { name: `Returnable ${tag}`, type: 'consu', is_storable: true, list_price: 40, invoice_policy: 'delivery' });
    const stockLocation = await mainStock(admin);
    await admin.create('stock.quant', { product_id: product, location_id: stockLocation, inventory_quantity_auto_apply: 5 }, { inventory_mode: true });
    const customer = await admin.create('res.partner', { name: `Shopper ${tag}` });
    const order = await admin.create('sale.order', { partner_id: customer, order_line: [[0, 0, { product_id: product, product_uom_qty: 2 }]] });
    await pressButton(admin, 'sale.order', [order], 'action_confirm');
    const [delivery] = (await admin.readOne<{ picking_ids: number[] }>('sale.order', order, ['picking_ids'])).picking_ids;
    await shipAll(admin, delivery as number);

    const invoicing = await Wizard.open(admin, 'sale.advance.payment.inv', { model: 'sale.order', ids: [order] }, { advance_payment_method: 'delivered' });
    await invoicing.press('create_invoices');
    const [invoice] = (await admin.readOne<{ invoice_ids: number[] }>('sale.order', order, ['invoice_ids'])).invoice_ids;
    await pressButton(admin, 'account.move', [invoice as number], 'action_post');

    const onHandBefore = await onHand(admin, product, stockLocation);
    const returns = await Wizard.open(admin, 'stock.return.picking', { model: 'stock.picking', ids: [delivery as number] });
    const { product_return_moves: lines } = await returns.read<{ product_return_moves: number[] }>(['product_return_moves']);
    assert.equal(lines.length, 1, 'the wizard pre-fills one line per delivered product');
    await returns.write({ product_return_moves: [[1, lines[0], { quantity: 1 }]] });
    const returnPicking = openedRecord(await returns.press(gateway.capabilities.profile.createReturnsButton));
    assert.equal(returnPicking?.model, 'stock.picking');
    await shipAll(admin, returnPicking.id);
    assert.equal(await onHand(admin, product, stockLocation), onHandBefore + 1, 'stock is back by one');

    const { journal_id: [journal] } = await admin.readOne<{ journal_id: [number, string] }>('account.move', invoice as number, ['journal_id']);
    const reversal = await Wizard.open(admin, 'account.move.reversal', { model: 'account.move', ids: [invoice as number] }, { journal_id: journal, reason: `Return ${tag}` });
    const creditNote = openedRecord(await reversal.press('refund_moves'));
    assert.equal(creditNote?.model, 'account.move');
    const [line] = await admin.search('account.move.line', [['move_id', '=', creditNote.id], ['product_id', '=', product]]);
    await admin.write('account.move', [creditNote.id], { invoice_line_ids: [[1, line, { quantity: 1 }]] });
    await pressButton(admin, 'account.move', [creditNote.id], 'action_post');
    const posted = await admin.readOne<{ state: string; move_type: string; reversed_entry_id: [number, string]; amount_untaxed: number }>(
      'account.move', creditNote.id, ['state', 'move_type', 'reversed_entry_id', 'amount_untaxed'],
    );
    assert.equal(posted.state, 'posted');
    assert.equal(posted.move_type, 'out_refund');
    assert.equal(posted.reversed_entry_id[0], invoice);
    assert.equal(posted.amount_untaxed, 40);
  });
});

async function mainStock(admin: OdooClient): Promise<number> {
  const [warehouse] = await admin.searchRead<{ lot_stock_id: [number, string] }>('stock.warehouse', [], ['lot_stock_id'], { limit: 1, order: 'id' });
  assert.ok(warehouse, 'the database has no warehouse');
  return warehouse.lot_stock_id[0];
}

async function shipAll(admin: OdooClient, picking: number): Promise<void> {
  const moves = await admin.searchRead<{ id: number; product_uom_qty: number }>('stock.move', [['picking_id', '=', picking]], ['product_uom_qty']);
  for (const move of moves) await admin.write('stock.move', [move.id], { quantity: move.product_uom_qty, picked: true });
  const action = await pressButton(admin, 'stock.picking', [picking], 'button_validate');
  assert.equal(action, null, `validating the whole picking asked for ${JSON.stringify(action)}`);
  const { state } = await admin.readOne<{ state: string }>('stock.picking', picking, ['state']);
  assert.equal(state, 'done');
}

async function onHand(admin: OdooClient, product: number, location: number): Promise<number> {
  const quants = await admin.searchRead<{ quantity: number }>('stock.quant', [['product_id', '=', product], ['location_id', '=', location]], ['quantity']);
  return quants.reduce((sum, q) => sum + q.quantity, 0);
}
