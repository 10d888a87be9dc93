import { ConfigError, HarnessError } from '../../config/errors';
import { BusinessRuleError } from '../errors';
import type { OdooClient } from '../rpc/client';
import { backoffMs, sleep } from '../rpc/contention';
import { x2many } from '../rpc/x2many';
import { createAndRead } from './create-and-read';
import type { RecordRef } from './master-data';
import { recordByXmlId, recordsByXmlId } from '../xml-ids';
import { readRecord } from './snapshots';

export interface ShopSetupReport {
  /** What had to change on this database for a demo-provider checkout, one line each. */
  changes: string[];
}

/**
 * Makes a fresh database ready for a guest checkout with the demo provider,
 * idempotently, as the set-up user:
 * - the demo provider (payment_demo) in test mode, published, with a bank journal;
 * - where the server has no wkhtmltopdf, the order confirmation and payment
 *   mails without their PDF: rendering it fails, which rolls back the payment
 *   post-processing and leaves the customer on /payment/status for ever.
 */
export async function prepareShopCheckout(admin: OdooClient): Promise<ShopSetupReport> {
  const changes: string[] = [];
  const provider = await demoProvider<{ state: string; is_published: boolean; journal_id: [number, string] | false }>(admin, ['state', 'is_published', 'journal_id']);
  const values: Record<string, unknown> = {};
  if (provider.state !== 'test') values.state = 'test';
  if (!provider.is_published) values.is_published = true;
  if (!provider.journal_id) {
    const [bank] = await admin.search('account.journal', [['type', '=', 'bank']], { limit: 1 });
    if (!bank) throw new ConfigError('the target has no bank journal for the demo payment provider to pay into: create one in Accounting (Configuration, Journals)');
    values.journal_id = bank;
  }
  if (Object.keys(values).length) {
    await admin.write('payment.provider', [provider.id], values);
    changes.push(`payment.provider ${provider.id} (demo): ${JSON.stringify(values)}`);
  }

  const wkhtmltopdf = await admin.call<string>('ir.actions.report', 'get_wkhtmltopdf_state');
  if (wkhtmltopdf === 'install' || wkhtmltopdf === 'broken') {
    const templates = await recordsByXmlId(admin, ['sale.mail_template_sale_confirmation', 'sale.mail_template_sale_payment_executed']);
    for (const [xmlId, id] of templates) {
      const [template] = await admin.read<{ report_template_ids: number[] }>('mail.template', [id], ['report_template_ids']);
      if (template?.report_template_ids.length) {
        await admin.write('mail.template', [id], { report_template_ids: [x2many.clear()] });
        changes.push(`mail.template ${xmlId}: report_template_ids cleared (wkhtmltopdf: ${wkhtmltopdf})`);
      }
    }
  }
  return { changes };
}

/** The demo provider the shop's checkout pays with; a target without one is refused, saying what to install. */
async function demoProvider<T>(admin: OdooClient, fields: string[]): Promise<T & { id: number }> {
  const [provider] = await admin.searchRead<T & { id: number }>('payment.provider', [['code', '=', 'demo']], fields);
  if (!provider) throw new ConfigError('the target has no demo payment provider (code "demo"): install the payment_demo module, or update it if it is installed');
  return provider;
}

/** A product the shop sells: published on the website and for sale. */
export async function publishInShop(admin: OdooClient, product: number): Promise<number> {
  const { product_tmpl_id: [template] } = await admin.readOne<{ product_tmpl_id: [number, string] }>('product.product', product, ['product_tmpl_id']);
  await admin.write('product.template', [template], { is_published: true, sale_ok: true });
  return template;
}

/** A draft order of the (first) website for the customer, as the shop's cart makes it: what a checkout's transaction then pays. */
export async function createWebsiteOrder(admin: OdooClient, customer: number, lines: { product: number; quantity: number }[]) {
  const [website] = await admin.search('website', [], { limit: 1, order: 'id' });
  if (website === undefined) throw new HarnessError('no website: install website_sale');
  return createAndRead<{ name: string; amount_total: number; currency_id: number }>(admin, 'sale.order', {
    partner_id: customer,
    website_id: website,
    order_line: lines.map((line) => x2many.create({ product_id: line.product, product_uom_qty: line.quantity })),
  }, { name: {}, amount_total: {}, currency_id: {} });
}

/**
 * The RPC twin of a shop checkout: an order of the website for the customer,
 * paid through a demo-provider transaction that Odoo then post-processes as
 * it does after a real payment (the order is confirmed, the payment made).
 */
export async function placePaidWebsiteOrder(admin: OdooClient, customer: number, lines: { product: number; quantity: number }[]): Promise<RecordRef> {
  const order = await createWebsiteOrder(admin, customer, lines);
  const id = order.id;
  const provider = await demoProvider<{ payment_method_ids: number[] }>(admin, ['payment_method_ids']);
  const transaction = await admin.create('payment.transaction', {
    provider_id: provider.id,
    payment_method_id: provider.payment_method_ids[0],
    amount: order.amount_total,
    currency_id: order.currency_id,
    partner_id: customer,
    reference: `${order.name}-${id}`,
    sale_order_ids: [x2many.set([id])],
    operation: 'online_redirect',
  });
  await admin.call('payment.transaction', 'action_demo_set_done', { ids: [transaction] });
  await postProcess(admin, transaction);
  return { model: 'sale.order', id, name: order.name };
}

export interface OnlinePayment {
  state: string;
  amount: number;
  provider: string;
}

/** The online payments of an order (its payment transactions). */
export async function onlinePaymentsOf(client: OdooClient, order: number): Promise<OnlinePayment[]> {
  const { transaction_ids: ids } = await readRecord<{ transaction_ids: number[] }>(client, 'sale.order', order);
  const transactions = await client.read<{ state: string; amount: number; provider_code: string }>('payment.transaction', ids, ['state', 'amount', 'provider_code']);
  return transactions.map((t) => ({ state: t.state, amount: t.amount, provider: t.provider_code }));
}

/** The website an order came through, if any: the channel, read from the order itself. */
export async function websiteOf(client: OdooClient, order: number): Promise<string | undefined> {
  const { website_id: website } = await readRecord<{ website_id?: [number, string] | false }>(client, 'sale.order', order);
  return website ? website[1] : undefined;
}

const CRON_BUSY = /already executing|currently being executed/;

/** How long a transaction may wait for another run's post-processing job before the scenario gives up. */
const POST_PROCESSING_DEADLINE_MS = 60_000;

/**
 * Post-processes a paid transaction as Odoo's scheduled job does (the order
 * confirmed, the payment made). The job handles every pending transaction of
 * the database, so while another run has it going ("Job ... already
 * executing", seen on 19 with three runs' shop checkouts at once) it may well
 * do this one: the transaction is read back after each wait, and the job
 * triggered again only if it is still pending. Waits grow, are noted, and end
 * at a deadline.
 */
export async function postProcess(admin: OdooClient, transaction: number): Promise<void> {
  const job = 'Payment: Post-process transactions';
  const cron = await recordByXmlId(admin, 'payment.cron_post_process_payment_tx');
  const deadline = Date.now() + POST_PROCESSING_DEADLINE_MS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin.call('ir.cron', 'method_direct_trigger', { ids: [cron] });
      return;
    } catch (error) {
      if (!(error instanceof BusinessRuleError) || !CRON_BUSY.test(error.message)) throw error;
      if (Date.now() >= deadline) throw new Error(`Odoo's job "${job}" was still running for another user after ${POST_PROCESSING_DEADLINE_MS / 1000} s: transaction ${transaction} is not post-processed`);
      const waitedMs = backoffMs(attempt);
      admin.noteContention({ what: `Odoo's job "${job}"`, reason: error.message, attempt: attempt + 1, waitedMs });
      await sleep(waitedMs);
    }
    const { is_post_processed: done } = await admin.readOne<{ is_post_processed: boolean }>('payment.transaction', transaction, ['is_post_processed']);
    if (done) return;
  }
}
