import { haveDeliveredOrder } from '../scenarios/order-to-cash';
import { closeComplaint, expectComplaintLinked, expectOrderShowsClosedComplaint, openComplaint } from '../scenarios/service';
import type { Actor } from '../support/actors';
import { Given, Then, When } from './define';
import './parameters';
import { goodsTable } from './tables';

Given('{string} has received an order of {int} {string}', { needs: ['one-step deliveries'] }, async ({ uat }, customer: string, quantity: number, product: string) => {
  await haveDeliveredOrder(uat, customer, [{ product, quantity }]);
});

Given('{string} has received an order of:', { needs: ['one-step deliveries'], table: goodsTable }, async ({ uat, table: rows }, customer: string) => {
  await haveDeliveredOrder(uat, customer, rows);
});

When('the customer reports {string} and {actor} opens a complaint', async ({ uat }, problem: string, actor: Actor) => {
  await openComplaint(uat, actor, problem);
});

Then('the complaint is linked to the customer, the order and the delivery', async ({ uat }) => {
  await expectComplaintLinked(uat);
});

When('{actor} closes the complaint', async ({ uat }, actor: Actor) => {
  await closeComplaint(uat, actor);
});

Then('the order shows the complaint closed and the unit(s) returned', async ({ uat }) => {
  await expectOrderShowsClosedComplaint(uat);
});
