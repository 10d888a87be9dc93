import type { Capabilities } from '../capabilities';
import type { OdooClient } from '../rpc/client';

/**
 * Credit control as the target Odoo does it. Native Odoo only warns: an
 * order of a customer over its limit shows partner_credit_warning, and the
 * credit controller releases it by raising the limit (or by a payment that
 * brings the balance down). OCA's sale_financial_risk blocks confirmation
 * instead; its adapter is not built yet, and a run on such a target says so.
 */
export interface CreditControl {
  readonly kind: 'native-warning';
  /** Odoo's hold message for the order, empty when it is not held. */
  holdOf(client: OdooClient, order: number): Promise<string>;
  /** Releases a customer's hold for an order; returns how, in words for the evidence. */
  release(client: OdooClient, customer: number, order: number): Promise<string>;
}

export function creditControlFor(capabilities: Capabilities): CreditControl {
  if (capabilities.modules.has('sale_financial_risk')) {
    throw new Error('this target runs OCA sale_financial_risk, whose credit hold the harness cannot drive yet (only native credit warnings are supported)');
  }
  return nativeCreditWarning;
}

const nativeCreditWarning: CreditControl = {
  kind: 'native-warning',
  async holdOf(client, order) {
    const { partner_credit_warning: warning } = await client.readOne<{ partner_credit_warning: string | false }>('sale.order', order, ['partner_credit_warning']);
    return warning || '';
  },
  async release(client, customer, order) {
    const partner = await client.readOne<{ credit_limit: number; credit: number }>('res.partner', customer, ['credit_limit', 'credit']);
    const { amount_total: orderTotal } = await client.readOne<{ amount_total: number }>('sale.order', order, ['amount_total']);
    // The smallest round limit that covers what the customer owes plus this order.
    const newLimit = Math.ceil((partner.credit + orderTotal) / 100) * 100;
    await client.write('res.partner', [customer], { credit_limit: newLimit, use_partner_credit_limit: true });
    return `credit limit raised from ${partner.credit_limit.toFixed(2)} to ${newLimit.toFixed(2)}`;
  },
};

/**
 * Turns on the company's credit limits (a setting of the set-up user), only
 * when off: the company is a record every run shares, and rewriting it from
 * parallel runs makes them conflict for nothing.
 */
export async function enableCreditLimits(admin: OdooClient): Promise<void> {
  const [company] = await admin.searchRead<{ id: number; account_use_credit_limit: boolean }>('res.company', [], ['account_use_credit_limit'], { limit: 1, order: 'id' });
  if (company && !company.account_use_credit_limit) await admin.write('res.company', [company.id], { account_use_credit_limit: true });
}

export async function setCreditLimit(admin: OdooClient, customer: number, limit: number): Promise<void> {
  await admin.write('res.partner', [customer], { credit_limit: limit, use_partner_credit_limit: true });
}
