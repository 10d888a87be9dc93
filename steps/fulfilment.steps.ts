import { expectBackorderWaiting, expectNoBackorder, ship } from '../scenarios/fulfilment';
import { Then, When } from '../support/fixtures';
import './parameters';

When('{actor} ships {int} units and keeps the rest as a backorder', async ({ uat }, actor: string, units: number) => {
  await ship(uat, actor, units, 'backorder');
});

When('{actor} ships the delivery in full', async ({ uat }, actor: string) => {
  await ship(uat, actor, undefined);
});

Then('a backorder of {int} units is waiting to be shipped', async ({ uat }, units: number) => {
  await expectBackorderWaiting(uat, units);
});

Then('no backorder is left', async ({ uat }) => {
  await expectNoBackorder(uat);
});
