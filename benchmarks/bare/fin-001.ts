/**
 * UAT-FIN-001 (features/finance/credit-hold-release.feature), bare: an order of
 * 500 over a limit of 1,000 with 900 unpaid is held, released and confirmed.
 * Run: npx tsx benchmarks/bare/fin-001.ts --env local-nokey|local18
 */
import { check, create, expectOrderQuantities, mainWarehouse, runFlow, searchRead, storableProduct, write, type Odoo } from './client';

async function creditWarning(admin: Odoo, order: number): Promise<{ partner_credit_warning: string | false; amount_total: number }> {
  const [state] = await admin.call<{ partner_credit_warning: string | false; amount_total: number }[]>('sale.order', 'read', { ids: [order], fields: ['partner_credit_warning', 'amount_total'] });
  if (!state) throw new Error(`no order ${order}`);
  return state;
}

await runFlow('UAT-FIN-001', ['SALES', 'CREDIT'], async ({ ADMIN: admin, SALES: sales, CREDIT: credit }, ns) => {
  const [company] = await searchRead<{ id: number; account_use_credit_limit: boolean }>(admin, 'res.company', [], ['account_use_credit_limit'], { limit: 1, order: 'id' });
  if (!company) throw new Error('no company');
  if (!company.account_use_credit_limit) await write(admin, 'res.company', [company.id], { account_use_credit_limit: true });
  const { stock } = await mainWarehouse(admin);
  const product = await storableProduct(admin, `Wireless headset [${ns}]`, 500, stock, 10);
  // The limit goes in with the customer: one write fewer.
  const customer = await create(admin, 'res.partner', { name: `Fabrikam Retail [${ns}]`, customer_rank: 1, credit_limit: 1000, use_partner_credit_limit: true });
  const open = await create(admin, 'account.move', { move_type: 'out_invoice', partner_id: customer, invoice_line_ids: [[0, 0, { name: `Open balance [${ns}]`, quantity: 1, price_unit: 900, tax_ids: [[6, 0, []]] }]] });
  await admin.call('account.move', 'action_post', { ids: [open] });

  const order = await create(sales, 'sale.order', { partner_id: customer, user_id: sales.uid, client_order_ref: `PO-${ns}`, order_line: [[0, 0, { product_id: product, product_uom_qty: 1 }]] });
  // Then the order is on credit hold.
  const held = await creditWarning(admin, order);
  check(!!held.partner_credit_warning, 'the order is on credit hold');

  // The credit controller raises the limit to the smallest round figure over what is owed plus this order.
  const [partner] = await credit.call<{ credit: number }[]>('res.partner', 'read', { ids: [customer], fields: ['credit'] });
  await write(credit, 'res.partner', [customer], { credit_limit: Math.ceil(((partner?.credit ?? 0) + held.amount_total) / 100) * 100, use_partner_credit_limit: true });
  check(!(await creditWarning(admin, order)).partner_credit_warning, 'the order is no longer on credit hold');

  await sales.call('sale.order', 'action_confirm', { ids: [order] });
  await expectOrderQuantities(admin, order, 0, 1);
});
