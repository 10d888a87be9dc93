import { expectHandedOver, expectWaitingForStorePayment, haveShopPayingAtStore, orderToCollect, settleAtTill } from '../scenarios/click-and-collect';
import type { Actor } from '../support/actors';
import { Given, Then, When } from './define';
import './parameters';
import { goodsTable } from './tables';

Given('the shop sells these products, to be paid at the store', async ({ uat }) => {
  await haveShopPayingAtStore(uat);
});

When('a shop customer orders to collect at the store and pay there:', { table: goodsTable }, async ({ uat, table: rows }) => {
  await orderToCollect(uat, rows);
});

Then('the shop order waits for its payment at the store, nothing paid online', async ({ uat }) => {
  await expectWaitingForStorePayment(uat);
});

When('{actor} settles the shop order at the till, paid {float} by card and the rest in cash', async ({ uat }, actor: Actor, card: number) => {
  await settleAtTill(uat, actor, { card });
});

Then('the shop order is confirmed, delivered and invoiced through the sale, with nothing left to ship from the warehouse:', { table: goodsTable }, async ({ uat, table: rows }) => {
  await expectHandedOver(uat, rows);
});
