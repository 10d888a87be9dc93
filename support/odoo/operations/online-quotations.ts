import { pressButton, Wizard } from '../rpc/actions';
import type { OdooClient } from '../rpc/client';
import type { RecordRef } from './master-data';

/** What the customer must do online to confirm a quotation. */
export interface OnlineAcceptance {
  signature: boolean;
  /** Pay the whole amount online (a prepayment of 100 %). */
  payment: boolean;
}

/**
 * The buttons the portal offers the customer on a quotation that asks this
 * online (sale's portal template, the same on 18 and 19: "Sign & Pay",
 * "Accept & Sign", "Accept & Pay"); none when it asks for neither.
 */
export function portalAcceptanceButtons(acceptance: OnlineAcceptance): string[] {
  if (acceptance.signature) return [acceptance.payment ? 'Sign & Pay' : 'Accept & Sign'];
  return acceptance.payment ? ['Accept & Pay'] : [];
}

/** What a quotation's acceptance flags (require_signature, require_payment) say in a check: "asked" or "not asked". */
export function acceptanceFlags(acceptance: OnlineAcceptance): { signature: string; payment: string } {
  const said = (asked: boolean) => (asked ? 'asked' : 'not asked');
  return { signature: said(acceptance.signature), payment: said(acceptance.payment) };
}

/**
 * Asks for an online signature, and for the full amount paid online, on this
 * quotation only. The company's settings (sale's portal_confirmation_sign and
 * _pay) are only the defaults of these fields: changing them would change
 * every other scenario's quotations on a shared database.
 */
export async function askForOnlineAcceptance(client: OdooClient, order: number, acceptance: OnlineAcceptance): Promise<void> {
  await client.write('sale.order', [order], {
    require_signature: acceptance.signature,
    require_payment: acceptance.payment,
    ...(acceptance.payment ? { prepayment_percent: 1 } : {}),
  });
}

/**
 * Sends the quotation by email as the Send button does: the composer with
 * the quotation template, sent to the customer. Odoo marks it sent and gives
 * it the access token of its portal link.
 */
export async function sendQuotationByEmail(client: OdooClient, order: number): Promise<void> {
  const action = await pressButton(client, 'sale.order', [order], 'action_quotation_send');
  if (!action) throw new Error(`sale.order ${order}: the Send button opened no email composer`);
  const composer = await Wizard.fromAction(client, action);
  await composer.press('action_send_mail');
}

/** A business customer: a company, which its buyers' contacts belong to. */
export async function createCompanyCustomer(admin: OdooClient, values: { name: string; email?: string; street?: string; city?: string; zip?: string }): Promise<RecordRef> {
  const id = await admin.create('res.partner', { ...values, is_company: true, customer_rank: 1 });
  return { model: 'res.partner', id, name: values.name };
}

export interface OnlineTransaction {
  state: string;
  amount: number;
  provider: string;
  /** Who paid: the partner of the transaction. */
  partner: number;
}

/** How the customer accepted an order online: its state, signature, and the payment transactions made for it. */
export interface AcceptanceState {
  name: string;
  state: string;
  signedBy: string;
  /** Odoo's size of the stored signature image ("104.00 bytes"), or "" when there is none. */
  signature: string;
  signedOn: string;
  amountTotal: number;
  /** What the quotation asks of the customer online. */
  asks: OnlineAcceptance;
  transactions: OnlineTransaction[];
}

export async function readAcceptance(client: OdooClient, order: number): Promise<AcceptanceState> {
  // bin_size: the signature's size, not the image, is enough to know it is there.
  const record = await client.readOne<{
    name: string; state: string; signed_by: string | false; signature: string | false; signed_on: string | false; amount_total: number; require_signature: boolean; require_payment: boolean; transaction_ids: number[];
  }>('sale.order', order, ['name', 'state', 'signed_by', 'signature', 'signed_on', 'amount_total', 'require_signature', 'require_payment', 'transaction_ids'], { bin_size: true });
  const transactions = await client.read<{ state: string; amount: number; provider_code: string; partner_id: [number, string] }>('payment.transaction', record.transaction_ids, ['state', 'amount', 'provider_code', 'partner_id']);
  return {
    name: record.name,
    state: record.state,
    signedBy: record.signed_by || '',
    signature: record.signature || '',
    signedOn: record.signed_on || '',
    amountTotal: record.amount_total,
    asks: { signature: record.require_signature, payment: record.require_payment },
    transactions: transactions.map((t) => ({ state: t.state, amount: t.amount, provider: t.provider_code, partner: t.partner_id[0] })),
  };
}
