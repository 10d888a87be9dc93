import { expectOrderHeld, expectOrderNotHeld, haveCreditLimits, haveCreditPosition, releaseCreditHold } from '../scenarios/credit';
import { Given, Then, When } from '../support/fixtures';
import './parameters';

Given('credit limits are enabled', async ({ uat }) => {
  await haveCreditLimits(uat);
});

Given('{string} has a credit limit of {float} and {float} of unpaid posted invoices', async ({ uat }, customer: string, limit: number, unpaid: number) => {
  await haveCreditPosition(uat, customer, limit, unpaid);
});

Then('the order is on credit hold', async ({ uat }) => {
  await expectOrderHeld(uat);
});

When('{actor} releases the credit hold', async ({ uat }, actor: string) => {
  await releaseCreditHold(uat, actor);
});

Then('the order is no longer on credit hold', async ({ uat }) => {
  await expectOrderNotHeld(uat);
});
