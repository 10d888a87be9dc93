import type { RecordRef } from '../operations/master-data';
import type { Store } from '../operations/point-of-sale';

/** Goods rung up at the till: a product, units, and its shelf price. */
export interface TillGoods {
  product: RecordRef;
  quantity: number;
  priceUnit: number;
}

/** How the customer pays (or is paid back): this much by card, the rest in cash ("everything" by card: no cash). */
export interface Tender {
  card: number | 'everything';
}

/**
 * What a cashier does at a store's till, with one meaning however it is
 * done: in the POS app itself (hybrid mode) or as the POS app tells Odoo over
 * RPC (rpc mode). Outcomes are read back over RPC by the caller.
 */
export interface StoreTill {
  /** The Odoo user at the till. */
  readonly login: string;
  /** Opens the store's session, counting this cash into the drawer. */
  openSession(store: Store, openingCash: number): Promise<RecordRef>;
  /** Sells the goods to a walk-in customer (no customer on the order) and takes the payment. */
  sell(store: Store, session: RecordRef, goods: TillGoods[], tender: Tender): Promise<RecordRef>;
  /**
   * Settles a sale order at the till (pos_sale's "Settle the order"): its
   * goods rung up from its lines, for its customer, and paid as tendered;
   * Odoo then confirms the order and counts its goods delivered by the till.
   */
  settle(store: Store, session: RecordRef, saleOrder: RecordRef, tender: Tender): Promise<RecordRef>;
  /** Refunds units of a sale, from the sale itself (the refund's lines point at the sale's), paying the money back as tendered. */
  refund(store: Store, session: RecordRef, sale: RecordRef, goods: TillGoods[], tender: Tender): Promise<RecordRef>;
  /** Closes the session with the cash counted in the drawer. */
  closeSession(store: Store, session: RecordRef, countedCash: number): Promise<void>;
}
