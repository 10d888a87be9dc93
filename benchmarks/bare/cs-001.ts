/**
 * UAT-CS-001 (features/customer-service/ecommerce-return-refund.feature), bare:
 * two bought in the shop, one returned and refunded. The checkout is what the
 * harness's rpc mode does (support/odoo/acts/rpc-acts.ts): the website order
 * and its demo-provider payment as Odoo records them, post-processed by its job.
 * Run: npx tsx benchmarks/bare/cs-001.ts --env local-nokey|local18
 */
import { check, create, invoiceDelivered, mainWarehouse, onHand, openDeliveryMoves, postedUnits, runFlow, searchRead, storableProduct, takeBack, validate, write, type Odoo } from './client';

type Read<T> = (T & { id: number })[];

/** The demo provider made ready for a checkout, as prepareShopCheckout leaves it (written only when it is not). */
async function demoProvider(admin: Odoo): Promise<{ id: number; method: number }> {
  const [provider] = await searchRead<{ id: number; state: string; is_published: boolean; journal_id: [number, string] | false; payment_method_ids: number[] }>(
    admin, 'payment.provider', [['code', '=', 'demo']], ['state', 'is_published', 'journal_id', 'payment_method_ids'],
  );
  if (!provider) throw new Error('no demo provider');
  if (provider.state !== 'test' || !provider.is_published || !provider.journal_id) throw new Error('the demo provider is not set up: run the harness once (prepareShopCheckout) first');
  return { id: provider.id, method: provider.payment_method_ids[0] as number };
}

await runFlow('UAT-CS-001', ['WAREHOUSE', 'CREDIT'], async ({ ADMIN: admin, WAREHOUSE: warehouse, CREDIT: finance }, ns) => {
  const { stock } = await mainWarehouse(admin);
  // Published for the shop in the same create.
  const product = await storableProduct(admin, `Smart desk lamp [${ns}]`, 50, stock, 10, { is_published: true, sale_ok: true });
  const provider = await demoProvider(admin);
  const xmlIds = await searchRead<{ module: string; res_id: number }>(admin, 'ir.model.data', ['|', '&', ['module', '=', 'website'], ['name', '=', 'default_website'], '&', ['module', '=', 'payment'], ['name', '=', 'cron_post_process_payment_tx']], ['module', 'res_id']);
  const website = xmlIds.find((x) => x.module === 'website')?.res_id;
  const cron = xmlIds.find((x) => x.module === 'payment')?.res_id;
  if (website === undefined || cron === undefined) throw new Error('no website or payment job');

  // The shop customer buys 2 and pays with the demo provider.
  const customer = await create(admin, 'res.partner', { name: `Shop customer [${ns}]`, email: `shop.${ns.toLowerCase()}@example.com`, street: '1 Main Street', city: 'Springfield', zip: '12345' });
  const order = await create(admin, 'sale.order', { partner_id: customer, website_id: website, order_line: [[0, 0, { product_id: product, product_uom_qty: 2 }]] });
  const [quote] = await admin.call<Read<{ name: string; amount_total: number; currency_id: [number, string] }>>('sale.order', 'read', { ids: [order], fields: ['name', 'amount_total', 'currency_id'] });
  if (!quote) throw new Error('no order');
  const transaction = await create(admin, 'payment.transaction', {
    provider_id: provider.id, payment_method_id: provider.method, amount: quote.amount_total, currency_id: quote.currency_id[0], partner_id: customer,
    reference: `${quote.name}-${order}`, sale_order_ids: [[6, 0, [order]]], operation: 'online_redirect',
  });
  await admin.call('payment.transaction', 'action_demo_set_done', { ids: [transaction] });
  await admin.call('ir.cron', 'method_direct_trigger', { ids: [cron] });

  // Then the shop order is confirmed and paid online.
  const [paid] = await admin.call<Read<{ state: string; website_id: [number, string] | false; amount_total: number; transaction_ids: number[] }>>('sale.order', 'read', { ids: [order], fields: ['state', 'website_id', 'amount_total', 'transaction_ids'] });
  const transactions = await admin.call<Read<{ state: string; amount: number; provider_code: string }>>('payment.transaction', 'read', { ids: paid?.transaction_ids ?? [], fields: ['state', 'amount', 'provider_code'] });
  check(paid?.state === 'sale' && !!paid.website_id && transactions.filter((t) => t.provider_code === 'demo' && t.state === 'done').reduce((s, t) => s + t.amount, 0) === paid.amount_total, 'the shop order is confirmed and paid online');

  const [move] = await openDeliveryMoves(warehouse, order);
  if (!move) throw new Error('no delivery');
  await validate(warehouse, move);
  const invoice = await invoiceDelivered(finance, order);
  const invoiced = await postedUnits(admin, invoice);
  check(invoiced.units === 2, 'the invoice is posted for 2 units');

  await takeBack(warehouse, move.picking_id[0], 1);
  // Then the stock is back by 1 unit (10 set, 2 shipped).
  check((await onHand(admin, product, stock)) === 9, 'the stock is back by 1 unit');

  // Finance credits 1 unit through the reversal wizard, posts it and pays it back through the payment wizard.
  const reversal = { active_model: 'account.move', active_ids: [invoice], active_id: invoice };
  const wizard = await create(finance, 'account.move.reversal', { reason: `Return from ${quote.name}`, journal_id: invoiced.journal }, reversal);
  const opened = await finance.call<{ res_id: number }>('account.move.reversal', 'refund_moves', { ids: [wizard], context: reversal });
  const note = opened.res_id;
  const lines = await searchRead<{ id: number }>(finance, 'account.move.line', [['move_id', '=', note], ['display_type', '=', 'product']], ['id']);
  await write(finance, 'account.move', [note], { invoice_line_ids: lines.map((l) => [1, l.id, { quantity: 1 }]) });
  await finance.call('account.move', 'action_post', { ids: [note] });
  const payment = { active_model: 'account.move', active_ids: [note], active_id: note };
  const register = await create(finance, 'account.payment.register', {}, payment);
  await finance.call('account.payment.register', 'action_create_payments', { ids: [register], context: payment });

  // Then the credit note for 1 unit is posted and paid back.
  const [credit] = await admin.call<Read<{ move_type: string; state: string; reversed_entry_id: [number, string] | false; amount_residual: number; invoice_payments_widget: { content?: { account_payment_id: number | false }[] } | false; matched_payment_ids: number[] }>>(
    'account.move', 'read', { ids: [note], fields: ['move_type', 'state', 'reversed_entry_id', 'amount_residual', 'invoice_payments_widget', 'matched_payment_ids'] },
  );
  if (!credit) throw new Error('no credit note');
  check(credit.move_type === 'out_refund' && credit.state === 'posted' && credit.reversed_entry_id && credit.reversed_entry_id[0] === invoice && credit.amount_residual === 0, 'the credit note reverses the invoice and is settled');
  check((await postedUnits(admin, note)).units === 1, 'the credit note is for 1 unit');
  const paymentIds = [...new Set([...((credit.invoice_payments_widget && credit.invoice_payments_widget.content) || []).flatMap((c) => (c.account_payment_id ? [c.account_payment_id] : [])), ...credit.matched_payment_ids])];
  const payments = await admin.call<Read<{ payment_type: string }>>('account.payment', 'read', { ids: paymentIds, fields: ['payment_type'] });
  check(payments.some((p) => p.payment_type === 'outbound'), 'an outgoing payment pays the credit note back');
});
