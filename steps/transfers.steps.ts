import { expectStockMoved, haveRegionalWarehouse, moveReadyTransfer, requestResupply } from '../scenarios/transfers';
import { Given, Then, When } from '../support/fixtures';
import './parameters';

Given('a regional warehouse {string} resupplied from the central warehouse', async ({ uat }, name: string) => {
  await haveRegionalWarehouse(uat, name);
});

When('the regional warehouse asks the central warehouse for {int} units', async ({ uat }, units: number) => {
  await requestResupply(uat, units);
});

When('{actor} sends the goods out of the central warehouse', async ({ uat }, actor: string) => {
  await moveReadyTransfer(uat, actor, 'the transfer out');
});

When('{actor} receives the goods into the regional warehouse', async ({ uat }, actor: string) => {
  await moveReadyTransfer(uat, actor, 'the transfer in');
});

Then('the central warehouse has {int} units fewer and the regional warehouse {int} more', async ({ uat }, fewer: number, more: number) => {
  if (fewer !== more) throw new Error(`the step says ${fewer} left and ${more} arrived: a transfer moves the same units out and in`);
  await expectStockMoved(uat, fewer);
});
