import type { RecordRef } from '../operations/master-data';
import type { PortalOrderView } from '../portal/portal-pages';

/** What the portal answered when the buyer asked for a page it may not see. */
export interface PortalAnswer {
  /** The HTTP status of the page the buyer ended on. */
  status: number;
  /** Where the portal sent the buyer (Odoo redirects a refused document to /my). */
  path: string;
  /** Whether the page showed the document's name. */
  showsDocument: boolean;
  /** Whether the buyer's lists of quotations and orders name it. */
  listed: boolean;
}

/**
 * What a customer's buyer does in the customer portal, with one meaning
 * however it is done: in the portal's pages in a browser (hybrid mode), or
 * through the portal's own HTTP routes with the buyer's web session (rpc
 * mode; a portal user has no RPC rights). The outcome is read back over RPC
 * by the caller.
 */
export interface PortalBuyerActs {
  /** The buyer's portal login. */
  readonly login: string;
  /** Opens the quotation from the buyer's list of quotations: what the portal shows of it. */
  openQuotation(order: RecordRef): Promise<PortalOrderView>;
  /** Types the signer's name, signs and accepts the quotation opened before. */
  signAndAccept(order: RecordRef, signer: string): Promise<void>;
  /** Pays the order opened before online, with the demo provider, and waits for the portal to land back on the order. */
  payOnline(order: RecordRef): Promise<void>;
  /** Opens the order (through the link of its quotation): what the portal shows of it, its deliveries and invoices. */
  viewOrder(order: RecordRef): Promise<PortalOrderView>;
  /** Asks the portal for an order of another customer, by its number (no link was ever given to the buyer). */
  tryToOpen(order: RecordRef): Promise<PortalAnswer>;
}
