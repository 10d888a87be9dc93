import { closeStore, expectRefundOfSale, expectSalePaid, expectStoreClosed, expectStoreOpen, expectStoreStockMoved, haveStore, openStore, refundAtTill, sellAtTill } from '../scenarios/retail';
import type { Actor } from '../support/actors';
import { Given, Then, When } from './define';
import './parameters';
import { goodsTable } from './tables';

Given('a store {string} selling these products, with a cash drawer and a card terminal', async ({ uat }, alias: string) => {
  await haveStore(uat, alias);
});

When('{actor} opens the store with {float} in the cash drawer', async ({ uat }, actor: Actor, cash: number) => {
  await openStore(uat, actor, cash);
});

Then("the store's session is open with {float} in the cash drawer", async ({ uat }, cash: number) => {
  await expectStoreOpen(uat, cash);
});

When('{actor} sells to a walk-in customer, paid {float} by card and the rest in cash:', { table: goodsTable }, async ({ uat, table: rows }, actor: Actor, card: number) => {
  await sellAtTill(uat, actor, rows, { card });
});

When('{actor} sells to a walk-in customer, paid in cash:', { table: goodsTable }, async ({ uat, table: rows }, actor: Actor) => {
  await sellAtTill(uat, actor, rows, { card: 0 });
});

When('{actor} sells to a walk-in customer, paid by card:', { table: goodsTable }, async ({ uat, table: rows }, actor: Actor) => {
  await sellAtTill(uat, actor, rows, { card: 'everything' });
});

Then('the sale is paid {float} by card and {float} in cash', async ({ uat }, card: number, cash: number) => {
  await expectSalePaid(uat, card, cash);
});

Then('the sale is paid {float} by card and {float} in cash for:', { table: goodsTable }, async ({ uat, table: rows }, card: number, cash: number) => {
  await expectSalePaid(uat, card, cash, rows);
});

Then("the store's stock is down by:", { table: goodsTable }, async ({ uat, table: rows }) => {
  await expectStoreStockMoved(uat, 'down', rows);
});

Then("the store's stock is back by:", { table: goodsTable }, async ({ uat, table: rows }) => {
  await expectStoreStockMoved(uat, 'back', rows);
});

When('{actor} refunds from the sale in cash:', { table: goodsTable }, async ({ uat, table: rows }, actor: Actor) => {
  await refundAtTill(uat, actor, rows, { card: 0 });
});

Then('the refund takes back from the sale, paid back {float} in cash:', { table: goodsTable }, async ({ uat, table: rows }, cash: number) => {
  await expectRefundOfSale(uat, cash, rows);
});

When('{actor} closes the store counting {float} in the cash drawer', async ({ uat }, actor: Actor, counted: number) => {
  await closeStore(uat, actor, counted);
});

Then("the store's session is closed with {float} expected in cash, {float} counted and no difference", async ({ uat }, expected: number, counted: number) => {
  await expectStoreClosed(uat, expected, counted, 0);
});

Then("the store's session is closed with {float} expected in cash, {float} counted and a difference of {float}", async ({ uat }, expected: number, counted: number, difference: number) => {
  await expectStoreClosed(uat, expected, counted, difference);
});
