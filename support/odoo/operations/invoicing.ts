import { openedRecord, pressButton, Wizard } from '../rpc/actions';
import type { OdooClient } from '../rpc/client';
import { x2many } from '../rpc/x2many';
import type { VersionProfile } from '../version-profile';
import type { RecordRef } from './master-data';
import { readRecord } from './snapshots';

export interface InvoiceState {
  id: number;
  name: string;
  /** out_invoice, out_refund, in_invoice, ... */
  moveType: string;
  /** draft, posted, cancel */
  state: string;
  /** not_paid, in_payment, paid, partial, reversed */
  paymentState: string;
  amountUntaxed: number;
  amountTotal: number;
  amountResidual: number;
  reversalOf: number | undefined;
  lines: { product: number; quantity: number }[];
}

/** Invoices what the order delivered (or ordered, per the products' policy) through Odoo's invoicing wizard, and posts the invoice. */
export async function invoiceOrder(client: OdooClient, order: number): Promise<RecordRef> {
  const wizard = await Wizard.open(client, 'sale.advance.payment.inv', { model: 'sale.order', ids: [order] }, { advance_payment_method: 'delivered' });
  const created = openedRecord(await wizard.press('create_invoices'))?.id ?? (await draftInvoiceOf(client, order));
  await pressButton(client, 'account.move', [created], 'action_post');
  const { name } = await client.readOne<{ name: string }>('account.move', created, ['name']);
  return { model: 'account.move', id: created, name };
}

/**
 * The invoice the invoicing wizard just made, where its answer does not say
 * (over XML-RPC it cannot: the action holds a None): the order's one draft
 * customer invoice, as the harness posts every invoice it makes.
 */
async function draftInvoiceOf(client: OdooClient, order: number): Promise<number> {
  const drafts = await client.search('account.move', [['invoice_line_ids.sale_line_ids.order_id', '=', order], ['move_type', '=', 'out_invoice'], ['state', '=', 'draft']]);
  if (drafts.length === 0) throw new Error(`invoicing order ${order} created no invoice: is anything delivered and not yet invoiced?`);
  if (drafts.length > 1) throw new Error(`order ${order} has ${drafts.length} draft invoices (${drafts.join(', ')}): the harness cannot tell which one invoicing just made`);
  return drafts[0] as number;
}

/** A customer invoice for a plain amount (no product), posted: e.g. an open balance. */
export async function postCustomerInvoice(client: OdooClient, customer: number, label: string, amount: number): Promise<RecordRef> {
  const id = await client.create('account.move', {
    move_type: 'out_invoice',
    partner_id: customer,
    invoice_line_ids: [x2many.create({ name: label, quantity: 1, price_unit: amount, tax_ids: [x2many.set([])] })],
  });
  await pressButton(client, 'account.move', [id], 'action_post');
  // Posting names it; read with its evidence fields, which a snapshot of it right after shares.
  const { name } = await readRecord<{ name: string }>(client, 'account.move', id);
  return { model: 'account.move', id, name };
}

/**
 * Issues a credit note for a posted invoice through Odoo's reversal wizard:
 * for some units per product (the other lines removed), or the whole
 * invoice when `quantities` is undefined; and posts it.
 */
export async function creditNoteFor(client: OdooClient, invoice: number, quantities: ReadonlyMap<number, number> | undefined, reason: string): Promise<RecordRef> {
  const { journal_id: [journal] } = await client.readOne<{ journal_id: [number, string] }>('account.move', invoice, ['journal_id']);
  const wizard = await Wizard.open(client, 'account.move.reversal', { model: 'account.move', ids: [invoice] }, { journal_id: journal, reason });
  const opened = openedRecord(await wizard.press('refund_moves'));
  if (!opened) throw new Error(`the reversal wizard of invoice ${invoice} opened no credit note`);
  if (quantities) {
    const lines = await client.searchRead<{ id: number; product_id: [number, string] | false }>(
      'account.move.line', [['move_id', '=', opened.id], ['display_type', '=', 'product']], ['product_id'],
    );
    await client.write('account.move', [opened.id], {
      invoice_line_ids: lines.map((line) => {
        const quantity = line.product_id ? quantities.get(line.product_id[0]) : undefined;
        return quantity === undefined || quantity === 0 ? x2many.remove(line.id) : x2many.update(line.id, { quantity });
      }),
    });
  }
  await pressButton(client, 'account.move', [opened.id], 'action_post');
  const { name } = await client.readOne<{ name: string }>('account.move', opened.id, ['name']);
  return { model: 'account.move', id: opened.id, name };
}

/** The invoice and its lines in one read, with its evidence fields: the snapshot a step attaches after this check shares the read. */
export async function readInvoice(client: OdooClient, invoice: number): Promise<InvoiceState> {
  const move = await readRecord<{
    name: string; move_type: string; state: string; payment_state: string; amount_untaxed: number; amount_total: number; amount_residual: number; reversed_entry_id: [number, string] | false;
    invoice_line_ids: { product_id: number | false; quantity: number; display_type: string }[];
  }>(client, 'account.move', invoice);
  return {
    id: invoice,
    name: move.name,
    moveType: move.move_type,
    state: move.state,
    paymentState: move.payment_state,
    amountUntaxed: move.amount_untaxed,
    amountTotal: move.amount_total,
    amountResidual: move.amount_residual,
    reversalOf: move.reversed_entry_id ? move.reversed_entry_id[0] : undefined,
    lines: move.invoice_line_ids.flatMap((l) => (l.display_type === 'product' && l.product_id ? [{ product: l.product_id, quantity: l.quantity }] : [])),
  };
}

/**
 * Registers a payment of a posted invoice (received) or credit note (paid
 * back) through Odoo's payment wizard: the amount still due, or part of it,
 * leaving the rest open.
 */
export async function registerPayment(client: OdooClient, invoice: number, amount?: number): Promise<void> {
  const values = amount === undefined ? {} : { amount, payment_difference_handling: 'open' };
  const wizard = await Wizard.open(client, 'account.payment.register', { model: 'account.move', ids: [invoice] }, values, { active_model: 'account.move' });
  await wizard.press('action_create_payments');
}

/** What settled an invoice or credit note: payments (money in or out) and other entries (e.g. a credit note set against an invoice). */
export interface Settlement {
  payments: { id: number; name: string; direction: 'inbound' | 'outbound'; amount: number }[];
  otherEntries: { name: string; amount: number }[];
}

/**
 * Reads what settled a move, as its "Less Payment" widget shows it (journal
 * entries reconciled with it), plus payments matched without a journal entry
 * (from 18, a payment whose method has no outstanding account; the profile says).
 */
export async function settlementOf(client: OdooClient, profile: VersionProfile, move: number): Promise<Settlement> {
  const fields = ['invoice_payments_widget', ...(profile.invoiceMatchedPaymentsField ? [profile.invoiceMatchedPaymentsField] : [])];
  const record = await client.readOne<Record<string, unknown>>('account.move', move, fields);
  const widget = record.invoice_payments_widget as { content?: { amount: number; account_payment_id: number | false; ref: string }[] } | false;
  const reconciled = (widget && widget.content) || [];
  const matched = profile.invoiceMatchedPaymentsField ? ((record[profile.invoiceMatchedPaymentsField] as number[] | undefined) ?? []) : [];
  const paymentIds = [...new Set([...reconciled.flatMap((entry) => (entry.account_payment_id ? [entry.account_payment_id] : [])), ...matched])];
  const payments = await client.read<{ id: number; name: string; payment_type: 'inbound' | 'outbound'; amount: number }>('account.payment', paymentIds, ['name', 'payment_type', 'amount']);
  return {
    payments: payments.map((p) => ({ id: p.id, name: p.name, direction: p.payment_type, amount: p.amount })),
    otherEntries: reconciled.filter((entry) => !entry.account_payment_id).map((entry) => ({ name: entry.ref, amount: entry.amount })),
  };
}

const OUTSTANDING_ACCOUNTS = {
  inbound: { name: 'Outstanding Receipts', code: 101401 },
  outbound: { name: 'Outstanding Payments', code: 101451 },
} as const;

/** The first account code from `first` on that the chart does not use yet. */
async function freeAccountCode(admin: OdooClient, first: number): Promise<string> {
  const candidates = Array.from({ length: 50 }, (_, i) => String(first + i));
  const taken = new Set((await admin.searchRead<{ code: string }>('account.account', [['code', 'in', candidates]], ['code'])).map((a) => a.code));
  const free = candidates.find((code) => !taken.has(code));
  if (!free) throw new Error(`no free account code from ${first} to ${first + 49} for an outstanding account: create it in Accounting and set it on the bank journal's payment methods`);
  return free;
}

/**
 * Makes every bank and cash payment a journal entry through an outstanding
 * account, so Odoo can reconcile payments with invoices and credit notes.
 * 18.0 Community makes no entry for a payment whose method has no
 * outstanding account, and then shows a part-paid invoice as paid and sets
 * a credit note against an invoice the customer paid (seen on live
 * 18.0-20241005); 19 forces the entry in Community. Returns what changed.
 */
export async function bookPaymentsThroughOutstandingAccounts(admin: OdooClient): Promise<string[]> {
  const lines = await admin.searchRead<{ id: number; name: string; payment_type: 'inbound' | 'outbound'; journal_id: [number, string] }>(
    'account.payment.method.line', [['journal_id.type', 'in', ['bank', 'cash']], ['payment_account_id', '=', false]], ['name', 'payment_type', 'journal_id'],
  );
  const changes: string[] = [];
  for (const direction of ['inbound', 'outbound'] as const) {
    const todo = lines.filter((l) => l.payment_type === direction);
    if (!todo.length) continue;
    const { name, code } = OUTSTANDING_ACCOUNTS[direction];
    let [account] = await admin.search('account.account', [['name', '=', name], ['account_type', '=', 'asset_current']], { limit: 1 });
    if (account === undefined) {
      const free = await freeAccountCode(admin, code);
      account = await admin.create('account.account', { name, code: free, account_type: 'asset_current', reconcile: true });
      changes.push(`account ${free} ${name} created`);
    }
    await admin.write('account.payment.method.line', todo.map((l) => l.id), { payment_account_id: account });
    changes.push(...todo.map((l) => `${l.journal_id[1]} ${direction} "${l.name}": outstanding account ${name}`));
  }
  return changes;
}
