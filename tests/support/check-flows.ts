import { actorOf } from '../../support/actors';
import type { Notes } from '../../support/scenario-notes';
import type { World } from '../../support/world';
import { expectOrderHeld, expectOrderNotHeld, haveCreditLimits, haveCreditPosition } from '../../scenarios/credit';
import { cancelBackorder, expectBackorderWaiting, expectBackorderWaitingWith, ship } from '../../scenarios/fulfilment';
import { haveCustomer, haveStorableProduct, haveStorableProducts } from '../../scenarios/master-data';
import {
  confirmOrder, customerPays, enterQuotation, expectInvoicedGoods, expectInvoicedUnits, expectInvoicePaid, expectInvoicePartlyPaid, expectNothingLeftToShip,
  expectOrderLineQuantities, expectOrderQuantities, haveDeliveredOrder, invoiceOrder,
} from '../../scenarios/order-to-cash';
import { confirmPurchaseOrder, expectPurchaseOrderFor, expectPurchaseQuantities, haveBoughtProduct, receivePurchase, runReplenishment } from '../../scenarios/replenishment';
import { expectRefunded, issueCreditNote, refundCreditNote } from '../../scenarios/returns';

/** A check run at a checkpoint: it passes, or fails with a message that matches. */
export interface CheckCase {
  name: string;
  check: (world: World) => Promise<void>;
  fails?: RegExp;
}

/** A moment of a flow at which checks read Odoo; the recorder keeps their calls, the tests replay them. */
export interface Checkpoint {
  /** Its checks are CHECKPOINT_CASES[name]. */
  name: string;
  products: string[];
  customers: string[];
  records: (keyof Notes)[];
}

/** A flow of real scenario tasks, run live by the recorder, with checkpoints along the way. */
export interface CheckFlow {
  name: string;
  run(world: World, checkpoint: (checkpoint: Checkpoint) => Promise<void>): Promise<void>;
}

const sales = actorOf('the account manager');
const warehouse = actorOf('the warehouse');
const finance = actorOf('finance');
const buyer = actorOf('the buyer');
const twoProducts = ['Oak shelf', 'Steel frame'];
const orderRecords: (keyof Notes)[] = ['the order', 'the customer', 'the delivery', 'the backorder', 'the invoice', 'the credit note'];

/** The checks of each checkpoint, by its name: the recorder runs them live, the tests replay them. */
export const CHECKPOINT_CASES: Record<string, CheckCase[]> = {
  'shipped in part per product': [
    { name: 'backorder per product', check: (w) => expectBackorderWaitingWith(w, [{ product: 'Oak shelf', quantity: 4 }, { product: 'Steel frame', quantity: 2 }]) },
    { name: 'backorder per product, one wrong', check: (w) => expectBackorderWaitingWith(w, [{ product: 'Oak shelf', quantity: 4 }, { product: 'Steel frame', quantity: 1 }]), fails: /the units of "Steel frame" on backorder WH\/OUT\/\d+: expected 1, Odoo has 2/ },
    { name: 'backorder per product, one left out', check: (w) => expectBackorderWaitingWith(w, [{ product: 'Oak shelf', quantity: 4 }]), fails: /the units of "Steel frame" on backorder WH\/OUT\/\d+: expected 0, Odoo has 2/ },
    { name: 'backorder total', check: (w) => expectBackorderWaiting(w, 6) },
    { name: 'backorder total wrong', check: (w) => expectBackorderWaiting(w, 4), fails: /the units on backorder WH\/OUT\/\d+: expected 4, Odoo has 6/ },
    { name: 'order line', check: (w) => expectOrderLineQuantities(w, 'Oak shelf', 6, 4) },
    { name: 'order line wrong', check: (w) => expectOrderLineQuantities(w, 'Oak shelf', 4, 6), fails: /the units of "Oak shelf" delivered on order S\d+: expected 4, Odoo has 6\nthe units of "Oak shelf" still to deliver on order S\d+: expected 6, Odoo has 4/ },
    { name: 'order totals', check: (w) => expectOrderQuantities(w, 8, 6) },
    { name: 'order totals wrong', check: (w) => expectOrderQuantities(w, 6, 4), fails: /the units delivered on order S\d+: expected 6, Odoo has 8/ },
    { name: 'a bare number on two products', check: (w) => ship(w, warehouse, { units: 3 }), fails: /the step names no product, and WH\/OUT\/\d+ has 2: "Oak shelf", "Steel frame". Say how many of each with "ships and keeps the rest as a backorder:"/ },
  ],
  'invoiced, not paid': [
    { name: 'invoice per product', check: (w) => expectInvoicedGoods(w, [{ product: 'Oak shelf', quantity: 6 }, { product: 'Steel frame', quantity: 2 }]) },
    { name: 'invoice per product, one left out', check: (w) => expectInvoicedGoods(w, [{ product: 'Oak shelf', quantity: 6 }]), fails: /the units of "Steel frame" invoiced on INV\/\d+\/\d+: expected 0, Odoo has 2/ },
    { name: 'invoice total', check: (w) => expectInvoicedUnits(w, 8) },
    { name: 'invoice total wrong', check: (w) => expectInvoicedUnits(w, 6), fails: /the units of "Oak shelf" and "Steel frame" invoiced on INV\/\d+\/\d+: expected 6, Odoo has 8/ },
    { name: 'paid, but it is not', check: expectInvoicePaid, fails: /the amount still due on INV\/\d+\/\d+: expected 0, Odoo has 932\.65\nthe payment state of INV\/\d+\/\d+ \(paid or in payment\): expected paid or in_payment, Odoo has not_paid/ },
  ],
  'paid in part': [
    { name: 'partly paid', check: (w) => expectInvoicePartlyPaid(w, 832.65) },
    { name: 'partly paid, wrong amount', check: (w) => expectInvoicePartlyPaid(w, 800), fails: /the amount still due on INV\/\d+\/\d+: expected 800, Odoo has 832\.65/ },
    { name: 'paid, but only in part', check: expectInvoicePaid, fails: /expected 0, Odoo has 832\.65/ },
  ],
  'credit note set against the open invoice': [
    { name: 'nothing left to pay back', check: (w) => refundCreditNote(w, finance), fails: /RINV\/\d+\/\d+ has nothing left to pay back: no money can go back to the customer; Odoo settled it with INV\/\d+\/\d+/ },
    { name: 'paid back, but no money went back', check: (w) => expectRefunded(w, { rows: [{ product: 'Oak shelf', quantity: 1 }] }), fails: /credit note RINV\/\d+\/\d+ should be paid back, but no outgoing payment settles it; Odoo settled it with INV\/\d+\/\d+/ },
  ],
  'backorder open': [{ name: 'nothing left to ship, but a backorder is open', check: expectNothingLeftToShip, fails: /order S\d+ should have nothing left to ship, but WH\/OUT\/\d+ is (assigned|confirmed|waiting)/ }],
  'backorder cancelled': [{ name: 'nothing left to ship', check: expectNothingLeftToShip }],
  'bought up to the maximum': [
    { name: 'purchase order', check: (w) => expectPurchaseOrderFor(w, 18) },
    { name: 'purchase order, wrong units', check: (w) => expectPurchaseOrderFor(w, 20), fails: /the units of "Packing tape" on purchase order P\d+: expected 20, Odoo has 18/ },
  ],
  'received in part': [
    { name: 'received and to receive', check: (w) => expectPurchaseQuantities(w, 12, 6) },
    { name: 'received in full, but it is not', check: (w) => expectPurchaseQuantities(w, 18, 0), fails: /the units received on purchase order P\d+: expected 18, Odoo has 12/ },
    { name: 'receipt backorder', check: (w) => expectBackorderWaiting(w, 6, 'incoming') },
    { name: 'receipt backorder is no delivery', check: (w) => expectBackorderWaiting(w, 6, 'outgoing'), fails: /the kind of backorder WH\/IN\/\d+: expected outgoing, Odoo has incoming/ },
  ],
  'paid in full': [{ name: 'paid', check: expectInvoicePaid }],
  'paid back': [
    { name: 'paid back', check: (w) => expectRefunded(w, { units: 1 }) },
    { name: 'paid back, wrong units', check: (w) => expectRefunded(w, { units: 2 }), fails: /the units of "Espresso machine" credited on RINV\/\d+\/\d+: expected 2, Odoo has 1/ },
  ],
  'held': [
    { name: 'held', check: expectOrderHeld },
    { name: 'not held, but it is', check: expectOrderNotHeld, fails: /order S\d+ should not be on credit hold, but Odoo says: .+/ },
  ],
};

export const CHECK_FLOWS: CheckFlow[] = [
  {
    name: 'two-line order shipped in part, invoiced, paid in part, credited against the invoice',
    async run(world, checkpoint) {
      await haveStorableProducts(world, [{ product: 'Oak shelf', 'on hand': 6, price: 120 }, { product: 'Steel frame', 'on hand': 10, price: 45.5 }]);
      await haveCustomer(world, 'Fourth Coffee');
      await enterQuotation(world, sales, 'Fourth Coffee', [{ product: 'Oak shelf', quantity: 10 }, { product: 'Steel frame', quantity: 4 }]);
      await confirmOrder(world, sales);
      await ship(world, warehouse, { rows: [{ product: 'Oak shelf', quantity: 6 }, { product: 'Steel frame', quantity: 2 }] }, 'backorder');
      const base = { products: twoProducts, customers: ['Fourth Coffee'], records: orderRecords };
      await checkpoint({ ...base, name: 'shipped in part per product' });
      await invoiceOrder(world, finance);
      await checkpoint({ ...base, name: 'invoiced, not paid' });
      await customerPays(world, 100);
      await checkpoint({ ...base, name: 'paid in part' });
      await issueCreditNote(world, finance, { rows: [{ product: 'Oak shelf', quantity: 1 }] });
      await checkpoint({ ...base, name: 'credit note set against the open invoice' });
    },
  },
  {
    name: 'delivered order paid, one unit credited and paid back',
    async run(world, checkpoint) {
      await haveStorableProduct(world, 'Espresso machine', 10, { price: 300 });
      await haveCustomer(world, 'Blue Yonder');
      await haveDeliveredOrder(world, 'Blue Yonder', [{ product: 'Espresso machine', quantity: 3 }]);
      await invoiceOrder(world, finance);
      await customerPays(world);
      await checkpoint({
        name: 'paid in full',
        products: ['Espresso machine'],
        customers: ['Blue Yonder'],
        records: orderRecords,
      });
      await issueCreditNote(world, finance, { units: 1 });
      await refundCreditNote(world, finance);
      await checkpoint({
        name: 'paid back',
        products: ['Espresso machine'],
        customers: ['Blue Yonder'],
        records: orderRecords,
      });
    },
  },
  {
    name: 'backorder cancelled',
    async run(world, checkpoint) {
      await haveStorableProduct(world, 'Filing cabinet', 6);
      await haveCustomer(world, 'Proseware');
      await enterQuotation(world, sales, 'Proseware', [{ product: 'Filing cabinet', quantity: 10 }]);
      await confirmOrder(world, sales);
      await ship(world, warehouse, { units: 6 }, 'backorder');
      const base = { products: ['Filing cabinet'], customers: ['Proseware'], records: orderRecords };
      await checkpoint({ ...base, name: 'backorder open' });
      await cancelBackorder(world, warehouse);
      await checkpoint({ ...base, name: 'backorder cancelled' });
    },
  },
  {
    name: 'min/max replenishment received in part',
    async run(world, checkpoint) {
      await haveStorableProduct(world, 'Packing tape', 2);
      await haveBoughtProduct(world, 'Packing tape', 'Tape Masters', 3.2, { min: 5, max: 20, trigger: 'manual' });
      await runReplenishment(world);
      const base = { products: ['Packing tape'], customers: [], records: ['the vendor', 'the purchase order', 'the receipt', 'the backorder'] as (keyof Notes)[] };
      await checkpoint({ ...base, name: 'bought up to the maximum' });
      await confirmPurchaseOrder(world, buyer);
      await receivePurchase(world, warehouse, { units: 12 });
      await checkpoint({ ...base, name: 'received in part' });
    },
  },
  {
    name: 'order over the credit limit',
    async run(world, checkpoint) {
      await haveCreditLimits(world);
      await haveStorableProduct(world, 'Wireless headset', 10, { price: 500 });
      await haveCustomer(world, 'Fabrikam');
      await haveCreditPosition(world, 'Fabrikam', 1000, 900);
      await enterQuotation(world, sales, 'Fabrikam', [{ product: 'Wireless headset', quantity: 1 }]);
      await checkpoint({
        name: 'held',
        products: ['Wireless headset'],
        customers: ['Fabrikam'],
        records: ['the order', 'the customer'],
      });
    },
  },
];
