import { buyInShop, expectPaidShopOrder, expectRefunded, expectStockBack, haveShopProduct, issueCreditNote, refundCreditNote, takeBack } from '../scenarios/returns';
import type { Actor } from '../support/actors';
import { Given, Then, When } from './define';
import './parameters';
import { goodsTable } from './tables';

Given('a product {string} sold in the shop at {float} with {int} units on hand', { needs: ['stock adjustments'] }, async ({ uat }, alias: string, price: number, units: number) => {
  await haveShopProduct(uat, alias, price, units);
});

When('a shop customer buys {int} {string} and pays with the demo payment provider', async ({ uat }, quantity: number, product: string) => {
  await buyInShop(uat, [{ product, quantity }]);
});

When('a shop customer buys with the demo payment provider:', { table: goodsTable }, async ({ uat, table: rows }) => {
  await buyInShop(uat, rows);
});

Then('the shop order is confirmed and paid online', async ({ uat }) => {
  await expectPaidShopOrder(uat);
});

When('{actor} takes back {int} unit(s)', async ({ uat }, actor: Actor, units: number) => {
  await takeBack(uat, actor, { units });
});

When('{actor} takes back:', { table: goodsTable }, async ({ uat, table: rows }, actor: Actor) => {
  await takeBack(uat, actor, { rows });
});

When('{actor} takes back everything delivered', async ({ uat }, actor: Actor) => {
  await takeBack(uat, actor, { everything: true });
});

Then('the stock is back by {int} unit(s)', async ({ uat }, units: number) => {
  await expectStockBack(uat, { units });
});

Then('the stock is back by:', { table: goodsTable }, async ({ uat, table: rows }) => {
  await expectStockBack(uat, { rows });
});

When('{actor} issues a credit note for {int} unit(s)', async ({ uat }, actor: Actor, units: number) => {
  await issueCreditNote(uat, actor, { units });
});

When('{actor} issues a credit note for:', { table: goodsTable }, async ({ uat, table: rows }, actor: Actor) => {
  await issueCreditNote(uat, actor, { rows });
});

When('{actor} issues a credit note for the whole invoice', async ({ uat }, actor: Actor) => {
  await issueCreditNote(uat, actor, { everything: true });
});

When('{actor} pays the refund', async ({ uat }, actor: Actor) => {
  await refundCreditNote(uat, actor);
});

Then('the credit note for {int} unit(s) is posted and paid back', async ({ uat }, units: number) => {
  await expectRefunded(uat, { units });
});

Then('the credit note is posted and paid back for:', { table: goodsTable }, async ({ uat, table: rows }) => {
  await expectRefunded(uat, { rows });
});

Then('the credit note for the whole invoice is posted and paid back', async ({ uat }) => {
  await expectRefunded(uat, { everything: true });
});
