import { enterQuotationOnTablet } from '../scenarios/field-sales';
import { confirmOrder } from '../scenarios/order-to-cash';
import type { Actor } from '../support/actors';
import { When } from './define';
import './parameters';
import { orderLinesTable } from './tables';

When('{actor} enters a quotation for {string} on a tablet with:', { table: orderLinesTable }, async ({ uat, table: lines }, actor: Actor, customer: string) => {
  await enterQuotationOnTablet(uat, actor, customer, lines);
});

When('{actor} confirms the order on a tablet', async ({ uat }, actor: Actor) => {
  await confirmOrder(uat, actor, 'tablet');
});
