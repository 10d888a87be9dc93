import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BusinessRuleError } from '../support/odoo/errors';
import { FormView } from '../support/odoo/ui/form-view';
import { RoleSessions } from '../support/odoo/ui/role-sessions';
import { liveSkipReason, uniqueTag } from './support/live';
import { printTimings, productInStock, roleUserId, startLiveOdoo, type LiveOdoo } from './support/ui-live';

describe('web client on a live Odoo (UAT_LIVE_ENV)', { skip: liveSkipReason }, () => {
  let live: LiveOdoo;
  let sessions: RoleSessions;

  before(async () => {
    live = await startLiveOdoo(['SALES', 'WAREHOUSE']);
    sessions = new RoleSessions(live.browser, live.environment, live.gateway.capabilities.profile);
  });
  after(async () => {
    await sessions?.close();
    await live?.close();
  });

  it('confirms a quotation, then validates part of its delivery with a backorder, all in the web client', async () => {
    const { admin, capabilities } = live.gateway;
    const tag = uniqueTag();
    const { productId } = await productInStock(live.gateway, `UI Widget ${tag}`, 100);
    const customer = await admin.create('res.partner', { name: `UI Customer ${tag}` });
    const salesperson = await roleUserId(live.gateway, 'SALES');
    const orderId = await admin.create('sale.order', {
      partner_id: customer,
      user_id: salesperson,
      order_line: [[0, 0, { product_id: productId, product_uom_qty: 10 }]],
    });

    const started = performance.now();
    const sales = await sessions.webClient('SALES');
    const loginMs = Math.round(performance.now() - started);
    const order = await FormView.open(sales, 'sale.order', orderId);
    assert.equal(await order.status(), 'Quotation');
    await order.clickButton('action_confirm');
    assert.equal(await order.status(), 'Sales Order');

    const [pickingId] = await admin.search('stock.picking', [['sale_id', '=', orderId]]);
    assert.ok(pickingId, 'confirming the order made no delivery');
    const warehouse = await sessions.webClient('WAREHOUSE');
    const delivery = await FormView.open(warehouse, 'stock.picking', pickingId);
    await delivery.one2many(capabilities.profile.pickingMovesField).row(`UI Widget ${tag}`).set('quantity', 6);
    await delivery.clickButton('button_validate');
    const wizard = await delivery.dialog();
    assert.equal(await wizard.title(), 'Create Backorder?');
    await wizard.clickButton('process');
    assert.equal(await delivery.status(), 'Done');

    const [done] = await admin.read<{ state: string }>('stock.picking', [pickingId], ['state']);
    assert.equal(done?.state, 'done');
    const doneMoves = await admin.searchRead<{ quantity: number }>('stock.move', [['picking_id', '=', pickingId]], ['quantity']);
    assert.deepEqual(doneMoves.map((m) => m.quantity), [6]);
    const backorders = await admin.search('stock.picking', [['backorder_id', '=', pickingId]]);
    assert.equal(backorders.length, 1, 'expected one backorder');
    const backorderMoves = await admin.searchRead<{ product_uom_qty: number }>('stock.move', [['picking_id', 'in', backorders]], ['product_uom_qty']);
    assert.deepEqual(backorderMoves.map((m) => m.product_uom_qty), [4]);
    const [orderAfter] = await admin.read<{ state: string }>('sale.order', [orderId], ['state']);
    assert.equal(orderAfter?.state, 'sale');
    printTimings(`Odoo ${capabilities.server.serverVersion}: login (form) ${loginMs} ms, then`, [...sales.timings, ...warehouse.timings]);
  });

  it('turns a UserError shown in the web client into a BusinessRuleError with Odoo\'s text', async () => {
    const { admin } = live.gateway;
    const tag = uniqueTag();
    const product = await admin.create('product.template', { name: `UI Empty ${tag}`, ...live.gateway.capabilities.profile.storableProduct });
    const [productId] = await admin.search('product.product', [['product_tmpl_id', '=', product]]);
    const customer = await admin.create('res.partner', { name: `UI Customer ${tag}` });
    const orderId = await admin.create('sale.order', { partner_id: customer, order_line: [[0, 0, { product_id: productId, product_uom_qty: 3 }]] });
    await admin.call('sale.order', 'action_confirm', { ids: [orderId] });
    const [pickingId] = await admin.search('stock.picking', [['sale_id', '=', orderId]]);
    assert.ok(pickingId);

    const warehouse = await sessions.webClient('WAREHOUSE');
    const delivery = await FormView.open(warehouse, 'stock.picking', pickingId);
    const failure = await delivery.clickButton('button_validate').then(
      () => assert.fail('validating an empty delivery was accepted'),
      (error: unknown) => error,
    );
    assert.ok(failure instanceof BusinessRuleError, `expected a BusinessRuleError, got ${String(failure)}`);
    assert.equal(failure.odooException, 'UserError');
    assert.match(failure.odooMessage, /quantit/i);
    const [picking] = await admin.read<{ state: string }>('stock.picking', [pickingId], ['state']);
    assert.notEqual(picking?.state, 'done');
    printTimings('UserError', warehouse.timings);
  });

  it('sets text, many2one and date fields of a delivery through their widgets and saves them', async () => {
    const { admin } = live.gateway;
    const tag = uniqueTag();
    const { productId } = await productInStock(live.gateway, `UI Field ${tag}`, 5);
    const [first, second] = [await admin.create('res.partner', { name: `UI First ${tag}` }), await admin.create('res.partner', { name: `UI Second ${tag}` })];
    const orderId = await admin.create('sale.order', { partner_id: first, order_line: [[0, 0, { product_id: productId, product_uom_qty: 1 }]] });
    await admin.call('sale.order', 'action_confirm', { ids: [orderId] });
    const [pickingId] = await admin.search('stock.picking', [['sale_id', '=', orderId]]);
    assert.ok(pickingId);

    const warehouse = await sessions.webClient('WAREHOUSE');
    const delivery = await FormView.open(warehouse, 'stock.picking', pickingId);
    await delivery.set('origin', `REF-${tag}`);
    await delivery.set('partner_id', `UI Second ${tag}`);
    await delivery.set('scheduled_date', '12/24/2026 10:00:00');
    await delivery.save();
    assert.equal(await delivery.read('partner_id'), `UI Second ${tag}`);
    assert.equal(await delivery.status(), 'Ready');

    const [saved] = await admin.read<{ origin: string; partner_id: [number, string]; scheduled_date: string }>('stock.picking', [pickingId], ['origin', 'partner_id', 'scheduled_date']);
    assert.equal(saved?.origin, `REF-${tag}`);
    assert.equal(saved?.partner_id[0], second);
    assert.match(saved?.scheduled_date ?? '', /^2026-12-24 /);
    printTimings('fields', warehouse.timings);
  });
});
