import type { OdooClient } from '../rpc/client';

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
  const [provider] = await admin.searchRead<{ id: number; state: string; is_published: boolean; journal_id: [number, string] | false }>(
    'payment.provider',
    [['code', '=', 'demo']],
    ['state', 'is_published', 'journal_id'],
  );
  if (!provider) throw new Error('no demo payment provider: install the payment_demo module');
  const values: Record<string, unknown> = {};
  if (provider.state !== 'test') values.state = 'test';
  if (!provider.is_published) values.is_published = true;
  if (!provider.journal_id) {
    const [bank] = await admin.search('account.journal', [['type', '=', 'bank']], { limit: 1 });
    if (!bank) throw new Error('no bank journal for the demo payment provider');
    values.journal_id = bank;
  }
  if (Object.keys(values).length) {
    await admin.write('payment.provider', [provider.id], values);
    changes.push(`payment.provider ${provider.id} (demo): ${JSON.stringify(values)}`);
  }

  const wkhtmltopdf = await admin.call<string>('ir.actions.report', 'get_wkhtmltopdf_state');
  if (wkhtmltopdf === 'install' || wkhtmltopdf === 'broken') {
    for (const xmlId of ['mail_template_sale_confirmation', 'mail_template_sale_payment_executed']) {
      const [data] = await admin.searchRead<{ res_id: number }>('ir.model.data', [['module', '=', 'sale'], ['name', '=', xmlId]], ['res_id']);
      if (!data) continue;
      const [template] = await admin.read<{ report_template_ids: number[] }>('mail.template', [data.res_id], ['report_template_ids']);
      if (template?.report_template_ids.length) {
        await admin.write('mail.template', [data.res_id], { report_template_ids: [[5, 0, 0]] });
        changes.push(`mail.template sale.${xmlId}: report_template_ids cleared (wkhtmltopdf: ${wkhtmltopdf})`);
      }
    }
  }
  return { changes };
}
