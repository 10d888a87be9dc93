import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { needsOfFeatureFiles } from '../support/features/feature-needs';
import { featureFiles } from '../support/features/requirements';
import { examineTarget } from '../support/odoo/doctor';
import { OdooGateway } from '../support/odoo/gateway';
import { createReturn, readPicking, validateTransfer } from '../support/odoo/operations/inventory';
import { creditNoteFor, invoiceOrder, readInvoice } from '../support/odoo/operations/invoicing';
import { createCustomer, createStorableProduct, mainWarehouse, onHand, setOnHand } from '../support/odoo/operations/master-data';
import { confirmOrder, createQuotation, readOrder } from '../support/odoo/operations/sales';
import { exerciseGateway } from './support/exercise-gateway';
import { liveEnvironment, liveSkipReason, uniqueTag } from './support/live';

describe('RPC gateway on a live Odoo (UAT_LIVE_ENV)', { skip: liveSkipReason }, () => {
  let gateway: OdooGateway;
  before(async () => {
    gateway = await OdooGateway.connect(liveEnvironment({ UAT_PROVISION_ROLES: 'true' }));
  });

  it('doctor finds no problem', async () => {
    const report = await examineTarget(gateway.environment, await needsOfFeatureFiles(featureFiles()));
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
    const product = await createStorableProduct(admin, gateway.capabilities.profile, { name: `Returnable ${tag}`, price: 40, invoicePolicy: 'delivery' });
    const stock = (await mainWarehouse(admin)).stockLocation;
    await setOnHand(admin, product.id, stock, 5);
    const customer = await createCustomer(admin, { name: `Shopper ${tag}` });
    const order = await createQuotation(admin, customer.id, [{ product: product.id, quantity: 2 }]);
    await confirmOrder(admin, order.id);
    const [delivery] = (await readOrder(admin, order.id)).pickings;
    await validateTransfer(admin, delivery as number, new Map([[product.id, 2]]));
    const invoice = await invoiceOrder(admin, order.id);

    const before = await onHand(admin, product.id, stock);
    const returned = await createReturn(admin, gateway.capabilities.profile, delivery as number, new Map([[product.id, 1]]));
    await validateTransfer(admin, returned.id, new Map([[product.id, 1]]));
    assert.equal((await readPicking(admin, returned.id)).state, 'done');
    assert.equal(await onHand(admin, product.id, stock), before + 1, 'stock is back by one');

    const creditNote = await creditNoteFor(admin, invoice.id, new Map([[product.id, 1]]), `Return ${tag}`);
    const posted = await readInvoice(admin, creditNote.id);
    assert.equal(posted.state, 'posted');
    assert.equal(posted.moveType, 'out_refund');
    assert.equal(posted.reversalOf, invoice.id);
    assert.equal(posted.amountUntaxed, 40);
  });
});

