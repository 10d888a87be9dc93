import { buyInShop, expectPaidShopOrder, expectRefunded, expectStockBackBy, haveShopProduct, issueCreditNote, refundCreditNote } from '../scenarios/returns';
import { Given, Then, When } from '../support/fixtures';
import './parameters';

Given('a product {string} sold in the shop at {float} with {int} units on hand', async ({ uat }, alias: string, price: number, units: number) => {
  await haveShopProduct(uat, alias, price, units);
});

When('a shop customer buys {int} {string} and pays with the demo payment provider', async ({ uat }, units: number, product: string) => {
  await buyInShop(uat, units, product);
});

Then('the shop order is confirmed and paid online', async ({ uat }) => {
  await expectPaidShopOrder(uat);
});

When('{actor} issues a credit note for {int} unit(s)', async ({ uat }, actor: string, units: number) => {
  await issueCreditNote(uat, actor, units);
});

When('{actor} pays the refund', async ({ uat }, actor: string) => {
  await refundCreditNote(uat, actor);
});

Then('the credit note for {int} unit(s) is posted and paid back', async ({ uat }, units: number) => {
  await expectRefunded(uat, units);
});

Then('the stock is back by {int} unit(s)', async ({ uat }, units: number) => {
  await expectStockBackBy(uat, units);
});
