import {
  confirmOrder, customerPays, enterQuotation, expectInvoicedGoods, expectInvoicedUnits, expectInvoicePaid, expectInvoicePartlyPaid, expectNothingLeftToShip,
  expectOrderFullyInvoiced, havePaymentsBookedThroughOutstandingAccounts, expectOrderLinePrice, expectOrderLineQuantities, expectOrderQuantities, expectOrderShipsFrom, expectOrderUntaxed, invoiceOrder,
} from '../scenarios/order-to-cash';
import type { Actor } from '../support/actors';
import { Given, Then, When } from './define';
import './parameters';
import { goodsTable, orderLinesTable } from './tables';

When('{actor} enters a quotation for {string} of {int} {string}', async ({ uat }, actor: Actor, customer: string, quantity: number, product: string) => {
  await enterQuotation(uat, actor, customer, [{ product, quantity }]);
});

When('{actor} enters a quotation for {string} with:', { table: orderLinesTable }, async ({ uat, table: lines }, actor: Actor, customer: string) => {
  await enterQuotation(uat, actor, customer, lines);
});

When('{actor} enters a quotation for {string} from warehouse {string} with:', { table: orderLinesTable }, async ({ uat, table: lines }, actor: Actor, customer: string, warehouse: string) => {
  await enterQuotation(uat, actor, customer, lines, { warehouse });
});

When('{actor} confirms the order', async ({ uat }, actor: Actor) => {
  await confirmOrder(uat, actor);
});

When('{actor} invoices the order', async ({ uat }, actor: Actor) => {
  await invoiceOrder(uat, actor);
});

Then('the invoice is posted for {int} unit(s)', async ({ uat }, units: number) => {
  await expectInvoicedUnits(uat, units);
});

Then('the invoice is posted with:', { table: goodsTable }, async ({ uat, table: rows }) => {
  await expectInvoicedGoods(uat, rows);
});

Given('payments are booked through outstanding accounts', async ({ uat }) => {
  await havePaymentsBookedThroughOutstandingAccounts(uat);
});

When('the customer pays the invoice in full', { actsAs: ['CREDIT'] }, async ({ uat }) => {
  await customerPays(uat);
});

When('the customer pays {float} of the invoice', { actsAs: ['CREDIT'] }, async ({ uat }, amount: number) => {
  await customerPays(uat, amount);
});

Then('the invoice is paid', async ({ uat }) => {
  await expectInvoicePaid(uat);
});

Then('the invoice is partly paid with {float} still due', async ({ uat }, due: number) => {
  await expectInvoicePartlyPaid(uat, due);
});

Then('the order shows {int} delivered and {int} still to deliver', async ({ uat }, delivered: number, toDeliver: number) => {
  await expectOrderQuantities(uat, delivered, toDeliver);
});

Then('the order line {string} shows {int} delivered and {int} still to deliver', async ({ uat }, product: string, delivered: number, toDeliver: number) => {
  await expectOrderLineQuantities(uat, product, delivered, toDeliver);
});

Then('the order line {string} is priced at {float} with a discount of {float}%', async ({ uat }, product: string, price: number, discount: number) => {
  await expectOrderLinePrice(uat, product, price, discount);
});

Then('the order totals {float} before tax', async ({ uat }, amount: number) => {
  await expectOrderUntaxed(uat, amount);
});

Then('the order is fully invoiced', async ({ uat }) => {
  await expectOrderFullyInvoiced(uat);
});

Then('the order has nothing left to ship', async ({ uat }) => {
  await expectNothingLeftToShip(uat);
});

Then('the order ships from warehouse {string}', async ({ uat }, warehouse: string) => {
  await expectOrderShipsFrom(uat, warehouse);
});
