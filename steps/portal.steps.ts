import {
  buyerOpensQuotation, buyerPaysOnline, buyerSignsAndAccepts, expectBuyerCannotOpen, expectBuyerSees, expectPaidOnlineInFull, expectSignedAndConfirmed,
  haveCustomerWithPortalBuyer, haveOtherCustomersOrder, sendForOnlineAcceptance,
} from '../scenarios/portal';
import type { Actor } from '../support/actors';
import { column, tableOf } from '../support/data/tables';
import { Given, Then, When } from './define';
import './parameters';

/** | document | status |: what the buyer's portal lists on the order (the delivery, the backorder, the invoice) and the status it shows. */
const portalDocumentsTable = tableOf({ document: column.text(), status: column.text() });

Given('a business customer {string} whose buyer {string} uses the customer portal', async ({ uat }, customer: string, buyer: string) => {
  await haveCustomerWithPortalBuyer(uat, customer, buyer);
});

Given('another customer {string} with a confirmed order of {int} {string}', async ({ uat }, customer: string, quantity: number, product: string) => {
  await haveOtherCustomersOrder(uat, customer, [{ product, quantity }]);
});

When('{actor} sends the quotation for online signature and payment', async ({ uat }, actor: Actor) => {
  await sendForOnlineAcceptance(uat, actor, { signature: true, payment: true });
});

When('{actor} sends the quotation for online signature', async ({ uat }, actor: Actor) => {
  await sendForOnlineAcceptance(uat, actor, { signature: true, payment: false });
});

When("the customer's buyer opens the quotation in the portal", async ({ uat }) => {
  await buyerOpensQuotation(uat);
});

When("the customer's buyer signs and accepts the quotation as {string}", async ({ uat }, signer: string) => {
  await buyerSignsAndAccepts(uat, signer);
});

When("the customer's buyer pays the order online with the demo payment provider", async ({ uat }) => {
  await buyerPaysOnline(uat);
});

Then('the order is confirmed and signed by {string}', async ({ uat }, signer: string) => {
  await expectSignedAndConfirmed(uat, signer);
});

Then("the order is paid online in full by the customer's buyer", async ({ uat }) => {
  await expectPaidOnlineInFull(uat);
});

Then("the customer's buyer sees the order in the portal with:", { table: portalDocumentsTable }, async ({ uat, table: rows }) => {
  await expectBuyerSees(uat, rows);
});

Then("the customer's buyer cannot open the order of {string} in the portal", async ({ uat }, customer: string) => {
  await expectBuyerCannotOpen(uat, customer);
});
