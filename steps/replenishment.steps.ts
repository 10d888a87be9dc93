import { expectBackorderReady } from '../scenarios/fulfilment';
import { confirmPurchaseOrder, expectPurchaseOrderFor, haveBoughtProduct, receivePurchase, runReplenishment } from '../scenarios/replenishment';
import { Given, Then, When } from '../support/fixtures';
import './parameters';

Given('{string} is bought from vendor {string} at {float} and replenished by a reordering rule', async ({ uat }, product: string, vendor: string, price: number) => {
  await haveBoughtProduct(uat, product, vendor, price);
});

When('replenishment runs', async ({ uat }) => {
  await runReplenishment(uat);
});

Then('a purchase order for {int} units is waiting for the vendor', async ({ uat }, units: number) => {
  await expectPurchaseOrderFor(uat, units);
});

When('{actor} confirms the purchase order', async ({ uat }, actor: string) => {
  await confirmPurchaseOrder(uat, actor);
});

When('{actor} receives the purchase order in full', async ({ uat }, actor: string) => {
  await receivePurchase(uat, actor);
});

Then('the backorder is ready to ship', async ({ uat }) => {
  await expectBackorderReady(uat);
});
