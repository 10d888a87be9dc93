import type { PickingState, RestOfTransfer } from '../operations/inventory';
import type { RecordRef } from '../operations/master-data';
import type { ComplaintDesk, ComplaintSpec } from '../operations/service';

/** Units of one product to do on a transfer. */
export interface TransferLine {
  product: RecordRef;
  quantity: number;
}

/** A transfer to validate, with its moves where the caller has just read them. */
export type TransferToDo = RecordRef & Partial<Pick<PickingState, 'moves'>>;

/** A quotation as the salesperson enters it: the customer, and per line the goods with the agreed price and discount (the list price and none when left out). */
export interface QuotationEntry {
  customer: RecordRef;
  lines: (TransferLine & { price?: number; discount?: number })[];
}

/**
 * What a role does in Odoo, with one meaning however it is done: in the web
 * client as a person would (hybrid mode) or over RPC (rpc mode). The run
 * mode picks the implementation once; tasks in scenarios/ never branch on it.
 * Outcomes are read back over RPC by the caller, whichever way it was done.
 */
export interface RoleActs {
  /** The Odoo user acting. */
  readonly login: string;
  /** Enters a quotation, the acting user its salesperson, and leaves it a draft. */
  enterQuotation(quotation: QuotationEntry): Promise<RecordRef>;
  confirmOrder(order: RecordRef): Promise<void>;
  /**
   * Does the listed units of each product (every other move of the transfer 0), validates, and answers Odoo's questions.
   * A transfer given with its moves, as the caller just read them, is not read again.
   */
  validateTransfer(transfer: TransferToDo, lines: TransferLine[], rest: RestOfTransfer): Promise<void>;
  confirmPurchase(purchase: RecordRef): Promise<void>;
  /** Enters a complaint at the desk, linked to customer and order (the names are what the web client's fields show). */
  openComplaint(desk: ComplaintDesk, complaint: ComplaintSpec & { customerName: string; orderName: string }): Promise<RecordRef>;
  /** Closes the complaint at its desk. */
  closeComplaint(desk: ComplaintDesk, complaint: RecordRef): Promise<void>;
}

/** A shop customer's purchase: goods (with their shop listing) and who buys. */
export interface ShopPurchase {
  lines: (TransferLine & { listing: number })[];
  shopper: { name: string; email: string; street: string; city: string; zip: string };
}

/** A guest customer of the eCommerce shop who buys and pays with the demo provider: in the shop itself, or as Odoo records such a checkout. */
export interface ShopCheckout {
  buyAndPay(purchase: ShopPurchase): Promise<RecordRef>;
  /** Orders and chooses a payment option paid later (a payment_custom provider, e.g. "Pay at the store"): the order waits for its payment. */
  orderToPayLater(purchase: ShopPurchase, provider: number): Promise<RecordRef>;
}
