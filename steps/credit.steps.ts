import { expectOrderHeld, expectOrderNotHeld, haveCreditLimits, haveCreditPosition, releaseCreditHold } from '../scenarios/credit';
import type { Actor } from '../support/actors';
import { Given, Then, When } from './define';
import './parameters';

Given('credit limits are enabled', { needs: ['credit limits'] }, async ({ uat }) => {
  await haveCreditLimits(uat);
});

Given('{string} has a credit limit of {float} and {float} of unpaid posted invoices', async ({ uat }, customer: string, limit: number, unpaid: number) => {
  await haveCreditPosition(uat, customer, limit, unpaid);
});

Given('{string} has a credit limit of {float}', async ({ uat }, customer: string, limit: number) => {
  await haveCreditPosition(uat, customer, limit);
});

Then('the order is on credit hold', async ({ uat }) => {
  await expectOrderHeld(uat);
});

When('{actor} releases the credit hold', async ({ uat }, actor: Actor) => {
  await releaseCreditHold(uat, actor);
});

Then('the order is no longer on credit hold', async ({ uat }) => {
  await expectOrderNotHeld(uat);
});

Then('the order is not on credit hold', async ({ uat }) => {
  await expectOrderNotHeld(uat);
});
