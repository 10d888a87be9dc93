import { expectStockMoved, haveRegionalWarehouse, haveStockIn, moveReadyTransfer, requestResupply } from '../scenarios/transfers';
import type { Actor } from '../support/actors';
import { Given, Then, When } from './define';
import './parameters';

Given('a regional warehouse {string} resupplied from the central warehouse', { needs: ['a regional warehouse'] }, async ({ uat }, name: string) => {
  await haveRegionalWarehouse(uat, name);
});

Given('{string} has {int} units on hand in warehouse {string}', { needs: ['stock adjustments'] }, async ({ uat }, product: string, units: number, warehouse: string) => {
  await haveStockIn(uat, product, units, warehouse);
});

When('the regional warehouse asks the central warehouse for {int} units', async ({ uat }, units: number) => {
  await requestResupply(uat, units);
});

When('the regional warehouse asks the central warehouse for {int} {string}', async ({ uat }, units: number, product: string) => {
  await requestResupply(uat, units, product);
});

When('{actor} sends the goods out of the central warehouse', { needs: ['one-step deliveries'] }, async ({ uat }, actor: Actor) => {
  await moveReadyTransfer(uat, actor, 'the transfer out');
});

When('{actor} receives the goods into the regional warehouse', async ({ uat }, actor: Actor) => {
  await moveReadyTransfer(uat, actor, 'the transfer in');
});

Then('the central warehouse has {int} units fewer and the regional warehouse {int} more', async ({ uat }, fewer: number, more: number) => {
  if (fewer !== more) throw new Error(`the step says ${fewer} left and ${more} arrived: a transfer moves the same units out and in`);
  await expectStockMoved(uat, fewer);
});
