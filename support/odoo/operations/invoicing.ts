import { openedRecord, pressButton, Wizard } from '../rpc/actions';
import type { OdooClient } from '../rpc/client';
import type { RecordRef } from './master-data';

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
  const before = new Set((await client.readOne<{ invoice_ids: number[] }>('sale.order', order, ['invoice_ids'])).invoice_ids);
  const wizard = await Wizard.open(client, 'sale.advance.payment.inv', { model: 'sale.order', ids: [order] }, { advance_payment_method: 'delivered' });
  await wizard.press('create_invoices');
  const { invoice_ids: after } = await client.readOne<{ invoice_ids: number[] }>('sale.order', order, ['invoice_ids']);
  const created = after.find((id) => !before.has(id));
  if (!created) throw new Error(`invoicing order ${order} created no invoice: is anything delivered and not yet invoiced?`);
  await pressButton(client, 'account.move', [created], 'action_post');
  const { name } = await client.readOne<{ name: string }>('account.move', created, ['name']);
  return { model: 'account.move', id: created, name };
}

/** A customer invoice for a plain amount (no product), posted: e.g. an open balance. */
export async function postCustomerInvoice(client: OdooClient, customer: number, label: string, amount: number): Promise<RecordRef> {
  const id = await client.create('account.move', {
    move_type: 'out_invoice',
    partner_id: customer,
    invoice_line_ids: [[0, 0, { name: label, quantity: 1, price_unit: amount, tax_ids: [[6, 0, []]] }]],
  });
  await pressButton(client, 'account.move', [id], 'action_post');
  const { name } = await client.readOne<{ name: string }>('account.move', id, ['name']);
  return { model: 'account.move', id, name };
}

/**
 * Issues a credit note for some units of a posted invoice through Odoo's
 * reversal wizard, keeps only those units, and posts it.
 */
export async function creditNoteFor(client: OdooClient, invoice: number, quantities: ReadonlyMap<number, number>, reason: string): Promise<RecordRef> {
  const { journal_id: [journal] } = await client.readOne<{ journal_id: [number, string] }>('account.move', invoice, ['journal_id']);
  const wizard = await Wizard.open(client, 'account.move.reversal', { model: 'account.move', ids: [invoice] }, { journal_id: journal, reason });
  const opened = openedRecord(await wizard.press('refund_moves'));
  if (!opened) throw new Error(`the reversal wizard of invoice ${invoice} opened no credit note`);
  const lines = await client.searchRead<{ id: number; product_id: [number, string] | false }>(
    'account.move.line', [['move_id', '=', opened.id], ['display_type', '=', 'product']], ['product_id'],
  );
  await client.write('account.move', [opened.id], {
    invoice_line_ids: lines.map((line) => {
      const quantity = line.product_id ? quantities.get(line.product_id[0]) : undefined;
      return quantity === undefined || quantity === 0 ? [2, line.id] : [1, line.id, { quantity }];
    }),
  });
  await pressButton(client, 'account.move', [opened.id], 'action_post');
  const { name } = await client.readOne<{ name: string }>('account.move', opened.id, ['name']);
  return { model: 'account.move', id: opened.id, name };
}

export async function readInvoice(client: OdooClient, invoice: number): Promise<InvoiceState> {
  const move = await client.readOne<{
    name: string; move_type: string; state: string; payment_state: string; amount_untaxed: number; amount_total: number; amount_residual: number; reversed_entry_id: [number, string] | false; invoice_line_ids: number[];
  }>('account.move', invoice, ['name', 'move_type', 'state', 'payment_state', 'amount_untaxed', 'amount_total', 'amount_residual', 'reversed_entry_id', 'invoice_line_ids']);
  const lines = await client.read<{ product_id: [number, string] | false; quantity: number; display_type: string }>(
    'account.move.line', move.invoice_line_ids, ['product_id', 'quantity', 'display_type'],
  );
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
    lines: lines.filter((l) => l.display_type === 'product' && l.product_id).map((l) => ({ product: (l.product_id as [number, string])[0], quantity: l.quantity })),
  };
}

/** Registers the full payment of a posted invoice or credit note through Odoo's payment wizard. */
export async function registerPayment(client: OdooClient, invoice: number): Promise<void> {
  const wizard = await Wizard.open(client, 'account.payment.register', { model: 'account.move', ids: [invoice] }, {}, { active_model: 'account.move' });
  await wizard.press('action_create_payments');
}
