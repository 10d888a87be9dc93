import { expectBackorderReady, expectBackorderWaiting } from '../scenarios/fulfilment';
import { confirmPurchaseOrder, expectPurchaseOrderFor, expectPurchaseOrderWith, expectPurchaseQuantities, haveBoughtProduct, receivePurchase, runReplenishment } from '../scenarios/replenishment';
import type { Actor } from '../support/actors';
import { Given, Then, When } from './define';
import './parameters';
import { goodsTable } from './tables';

Given('{string} is bought from vendor {string} at {float} and replenished by a reordering rule', { needs: ['reordering rules'] }, async ({ uat }, product: string, vendor: string, price: number) => {
  await haveBoughtProduct(uat, product, vendor, price);
});

Given('{string} is bought from vendor {string} at {float} with a reordering rule of minimum {int} and maximum {int}', { needs: ['reordering rules'] }, async ({ uat }, product: string, vendor: string, price: number, min: number, max: number) => {
  await haveBoughtProduct(uat, product, vendor, price, { min, max, trigger: 'manual' });
});

Given('{string} is bought from vendor {string} at {float} with an automatic reordering rule of minimum {int} and maximum {int}', { needs: ['reordering rules'] }, async ({ uat }, product: string, vendor: string, price: number, min: number, max: number) => {
  await haveBoughtProduct(uat, product, vendor, price, { min, max, trigger: 'auto' });
});

When('replenishment runs', async ({ uat }) => {
  await runReplenishment(uat);
});

Then('a purchase order for {int} unit(s) is waiting for the vendor', async ({ uat }, units: number) => {
  await expectPurchaseOrderFor(uat, units);
});

Then('a purchase order is waiting for the vendor with:', { table: goodsTable }, async ({ uat, table: rows }) => {
  await expectPurchaseOrderWith(uat, rows);
});

When('{actor} confirms the purchase order', async ({ uat }, actor: Actor) => {
  await confirmPurchaseOrder(uat, actor);
});

When('{actor} receives the purchase order in full', { needs: ['one-step receipts'] }, async ({ uat }, actor: Actor) => {
  await receivePurchase(uat, actor, { all: true });
});

When('{actor} receives {int} units of the purchase order and keeps the rest as a backorder', { needs: ['one-step receipts'] }, async ({ uat }, actor: Actor, units: number) => {
  await receivePurchase(uat, actor, { units });
});

When('{actor} receives and keeps the rest as a backorder:', { needs: ['one-step receipts'], table: goodsTable }, async ({ uat, table: rows }, actor: Actor) => {
  await receivePurchase(uat, actor, { rows });
});

Then('a backorder of {int} unit(s) is waiting to be received', async ({ uat }, units: number) => {
  await expectBackorderWaiting(uat, units, 'incoming');
});

Then('the purchase order shows {int} received and {int} still to receive', async ({ uat }, received: number, toReceive: number) => {
  await expectPurchaseQuantities(uat, received, toReceive);
});

Then('the backorder is ready to ship', async ({ uat }) => {
  await expectBackorderReady(uat);
});
