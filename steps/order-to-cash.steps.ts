import type { DataTable } from 'playwright-bdd';
import { z } from 'zod';
import { confirmOrder, enterQuotation, expectInvoicedUnits, expectOrderFullyInvoiced, expectOrderQuantities, invoiceOrder } from '../scenarios/order-to-cash';
import { cell, parseTable } from '../support/data/tables';
import { Then, When } from '../support/fixtures';
import './parameters';

When('{actor} enters a quotation for {string} of {int} {string}', async ({ uat }, actor: string, customer: string, quantity: number, product: string) => {
  await enterQuotation(uat, actor, customer, [{ product, quantity }]);
});

const orderLine = z.object({ product: cell.text, quantity: cell.wholeNumber });

When('{actor} enters a quotation for {string} with:', async ({ uat }, actor: string, customer: string, table: DataTable) => {
  await enterQuotation(uat, actor, customer, parseTable(table.hashes(), orderLine, uat.where()));
});

When('{actor} confirms the order', async ({ uat }, actor: string) => {
  await confirmOrder(uat, actor);
});

When('{actor} invoices the order', async ({ uat }, actor: string) => {
  await invoiceOrder(uat, actor);
});

Then('the invoice is posted for {int} units', async ({ uat }, units: number) => {
  await expectInvoicedUnits(uat, units);
});

Then('the order shows {int} delivered and {int} still to deliver', async ({ uat }, delivered: number, toDeliver: number) => {
  await expectOrderQuantities(uat, delivered, toDeliver);
});

Then('the order is fully invoiced', async ({ uat }) => {
  await expectOrderFullyInvoiced(uat);
});
