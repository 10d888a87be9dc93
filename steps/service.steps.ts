import { haveDeliveredOrder } from '../scenarios/order-to-cash';
import { takeBack } from '../scenarios/returns';
import { closeComplaint, expectComplaintLinked, expectOrderShowsClosedComplaint, openComplaint } from '../scenarios/service';
import { Given, Then, When } from '../support/fixtures';
import './parameters';

Given('{string} has received an order of {int} {string}', async ({ uat }, customer: string, units: number, product: string) => {
  await haveDeliveredOrder(uat, customer, units, product);
});

When('the customer reports {string} and {actor} opens a complaint', async ({ uat }, problem: string, actor: string) => {
  await openComplaint(uat, actor, problem);
});

Then('the complaint is linked to the customer, the order and the delivery', async ({ uat }) => {
  await expectComplaintLinked(uat);
});

When('{actor} takes back {int} unit(s)', async ({ uat }, actor: string, units: number) => {
  await takeBack(uat, actor, units);
});

When('{actor} closes the complaint', async ({ uat }, actor: string) => {
  await closeComplaint(uat, actor);
});

Then('the order shows the complaint closed and the unit returned', async ({ uat }) => {
  await expectOrderShowsClosedComplaint(uat);
});
