import type { ComplaintDesk } from './odoo/operations/service';
import type { Store } from './odoo/operations/point-of-sale';
import type { RecordRef } from './odoo/operations/master-data';
import type { OnlineAcceptance } from './odoo/operations/online-quotations';
import type { PortalBuyer } from './odoo/portal/portal-buyers';
import type { WarehouseRef } from './odoo/operations/warehouses';
import type { ServerVersion } from './odoo/server';

/** Units per product id: a stock position or what a step asked for. */
export type UnitsByProduct = Map<number, number>;

/** What one scenario notes between its steps, by name, with its type. */
export interface Notes {
  'the server version': ServerVersion;
  /** The order the scenario is about, and its customer. */
  'the order': RecordRef;
  'the customer': RecordRef;
  /** The transfer validated last of each kind. */
  'the delivery': RecordRef;
  'the backorder': RecordRef;
  'the receipt': RecordRef;
  'the returns': RecordRef[];
  'the stock before the return': UnitsByProduct;
  'the invoice': RecordRef;
  'the credit note': RecordRef;
  'the vendor': RecordRef;
  /** Every reordering rule the scenario made, one per product bought. */
  'the reordering rules': RecordRef[];
  'the purchase order': RecordRef;
  'the complaint': RecordRef;
  'the complaint desk': ComplaintDesk;
  /** The customer's buyer on the portal (a portal user of the customer's contact), and orders of other customers by customer alias. */
  'the portal buyer': PortalBuyer;
  /** What the salesperson's sentence asked of the customer online: the portal's buttons must show exactly that. */
  'the online acceptance': OnlineAcceptance;
  "other customers' orders": Map<string, RecordRef>;
  /** Shop listing (product template) of each product sold in the shop. */
  'the shop listings': Map<number, number>;
  'the central warehouse': WarehouseRef;
  'the regional warehouse': WarehouseRef & { resupplyRoute: number };
  'the stock before the transfer': { product: RecordRef; central: number; regional: number };
  /** The store (Point of Sale) the scenario sells in, its open (or last) session, its till orders, and its stock before the last one. */
  'the store': Store;
  'the store session': RecordRef;
  'the sale': RecordRef;
  'the refund': RecordRef;
  'the store stock before': UnitsByProduct;
  /** The shop's "Pay at the store" payment provider (click and collect). */
  'the pay at the store option': number;
}

/** Records a scenario names by the analyst's aliases ("Oak shelf"), one book per kind. */
export class AliasBook<T> {
  readonly #byAlias = new Map<string, T>();

  constructor(readonly kind: string) {}

  has(alias: string): boolean {
    return this.#byAlias.has(alias);
  }

  add(alias: string, value: T): T {
    this.#byAlias.set(alias, value);
    return value;
  }

  /** The record of an alias, or an error naming the aliases the scenario has. */
  get(alias: string): T {
    const value = this.#byAlias.get(alias);
    if (value === undefined) {
      const known = [...this.#byAlias.keys()];
      throw new Error(`this scenario has no ${this.kind} "${alias}": an earlier Given step must create it` + (known.length ? ` (its ${this.kind}s: ${known.map((k) => `"${k}"`).join(', ')})` : ''));
    }
    return value;
  }

  all(): T[] {
    return [...this.#byAlias.values()];
  }

  /** The alias a record goes by in this scenario, if it has one. */
  aliasOf(matches: (value: T) => boolean): string | undefined {
    return [...this.#byAlias].find(([, value]) => matches(value))?.[0];
  }
}

/**
 * What one scenario remembers between its steps: "the order", "the
 * delivery", and the products and customers by alias. A fresh set per
 * scenario, so parallel scenarios never see each other's records.
 */
export class ScenarioNotes {
  readonly products = new AliasBook<RecordRef>('product');
  readonly customers = new AliasBook<RecordRef>('customer');
  readonly warehouses = new AliasBook<WarehouseRef>('warehouse');
  readonly vendors = new AliasBook<RecordRef>('vendor');
  readonly #notes = new Map<keyof Notes, unknown>();

  remember<K extends keyof Notes>(name: K, value: Notes[K]): Notes[K] {
    this.#notes.set(name, value);
    return value;
  }

  has(name: keyof Notes): boolean {
    return this.#notes.has(name);
  }

  /** The note, made by `make` the first time a step asks for it (e.g. a lookup in Odoo). */
  obtain<K extends keyof Notes>(name: K, make: () => Promise<Notes[K]>): Promise<Notes[K]> {
    if (!this.#notes.has(name)) this.#notes.set(name, make());
    return Promise.resolve(this.#notes.get(name) as Notes[K] | Promise<Notes[K]>);
  }

  /** The note, or an error saying that no earlier step produced it. */
  recall<K extends keyof Notes>(name: K): Notes[K] {
    if (!this.#notes.has(name)) {
      const known = [...this.#notes.keys()];
      throw new Error(`this scenario has no "${name}" yet: an earlier step must create or find it` + (known.length ? ` (it has: ${known.join(', ')})` : ''));
    }
    return this.#notes.get(name) as Notes[K];
  }
}
