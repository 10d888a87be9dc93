import { HarnessError } from '../../config/errors';
import { saleOrderToSettle, settlingLines } from '../operations/click-and-collect';
import type { RecordRef } from '../operations/master-data';
import { closeStoreSession, nextTillOrder, openStoreSession, readTillOrder, syncTillOrder, withTaxes, type LineToRingUp, type Store, type TillOrderRead } from '../operations/point-of-sale';
import type { TillLine, TillOrder, TillPayment } from '../operations/pos-order-payload';
import type { OdooClient } from '../rpc/client';
import type { VersionProfile } from '../version-profile';
import type { StoreTill, Tender, TillGoods } from './store-till';

const cents = (amount: number) => Math.round(amount * 100) / 100;

/** The payments of a till order of this total: the card's part (with the total's sign, so a refund pays back), the rest in cash. */
export function tenderedPayments(store: Store, total: number, tender: Tender): TillPayment[] {
  const card = tender.card === 'everything' ? total : Math.sign(total) * tender.card;
  const cash = cents(total - card);
  return [
    { paymentMethod: store.card.id, amount: cents(card) },
    { paymentMethod: store.cash.id, amount: cash },
  ].filter((p) => p.amount !== 0);
}

/**
 * The lines that take goods back from a sale, as the POS app's refund makes
 * them (ticket_screen.js onDoRefund, 18 and 19): each from the sale's lines
 * of its product, at that line's price, discount and taxes (not today's),
 * spread over those lines by what is left of each (sold less refunded_qty),
 * as the app lets no line give back more than that. Goods beyond what is
 * left are refused, as the app refuses them.
 */
export function refundLines(sale: RecordRef, sold: TillOrderRead, goods: { product: number; productName: string; quantity: number }[]): LineToRingUp[] {
  const left = new Map(sold.lines.filter((l) => l.quantity > 0).map((l) => [l.id, l.quantity - l.refundedQuantity]));
  return goods.flatMap((line) => {
    const soldLines = sold.lines.filter((l) => l.product === line.product && l.quantity > 0);
    if (!soldLines.length) throw new HarnessError(`${sale.name} did not sell ${line.productName}: nothing to refund`);
    const leftOfProduct = soldLines.reduce((sum, l) => sum + (left.get(l.id) ?? 0), 0);
    if (line.quantity > leftOfProduct) {
      const soldOfProduct = soldLines.reduce((sum, l) => sum + l.quantity, 0);
      const refunded = soldLines.reduce((sum, l) => sum + l.refundedQuantity, 0);
      throw new HarnessError(`${sale.name} sold ${soldOfProduct} x ${line.productName}, ${refunded} already refunded: ${line.quantity} cannot be refunded, ${leftOfProduct} can`);
    }
    let toRefund = line.quantity;
    return soldLines.flatMap((soldLine) => {
      const taken = Math.min(toRefund, left.get(soldLine.id) ?? 0);
      if (taken <= 0) return [];
      toRefund -= taken;
      left.set(soldLine.id, (left.get(soldLine.id) ?? 0) - taken);
      return [{ ...line, quantity: -taken, priceUnit: soldLine.priceUnit, discount: soldLine.discount, taxes: soldLine.taxes, refundedOrderLine: soldLine.id }];
    });
  });
}

/**
 * A cashier's till over RPC, as the cashier's own user: the calls the POS
 * app makes (session opening, order sync, closing). `orderKey` gives each
 * order the app's uuid from its place in the session, within the scenario's
 * namespace, so a replay sends the same requests.
 */
export function rpcStoreTill(cashier: OdooClient, profile: VersionProfile, orderKey: (place: string) => string): StoreTill {
  /** `order`: what the order takes from elsewhere (a settled sale order's customer, pricelist and fiscal position; a refund's customer). */
  const ringUp = async (store: Store, session: number, lines: TillLine[], tender: Tender, order: Pick<TillOrder, 'customer' | 'fiscalPosition'> & { pricelist?: number | false } = {}) => {
    const total = lines.reduce((sum, line) => sum + line.priceSubtotalIncl, 0);
    const { place, receiptNumber, pricelist } = await nextTillOrder(cashier, profile, session);
    return syncTillOrder(cashier, profile, {
      uuid: orderKey(place),
      ...(receiptNumber ? { receiptNumber } : {}),
      session,
      cashier: await cashier.uid(),
      ...order,
      pricelist: order.pricelist || pricelist,
      lines,
      payments: tenderedPayments(store, cents(total), tender),
    });
  };
  const toRingUp = (goods: TillGoods[]) => goods.map((g) => ({ product: g.product.id, productName: g.product.name, quantity: g.quantity, priceUnit: g.priceUnit }));
  return {
    login: cashier.login,
    openSession: (store, openingCash) => openStoreSession(cashier, store.id, openingCash),
    async sell(store, session, goods, tender) {
      return ringUp(store, session.id, await withTaxes(cashier, toRingUp(goods)), tender);
    },
    async settle(store, session, saleOrder, tender) {
      const toSettle = await saleOrderToSettle(cashier, profile, saleOrder.id);
      const order = { customer: toSettle.customer, pricelist: toSettle.pricelist, ...(toSettle.fiscalPosition ? { fiscalPosition: toSettle.fiscalPosition } : {}) };
      return ringUp(store, session.id, await withTaxes(cashier, settlingLines(toSettle)), tender, order);
    },
    async refund(store, session, sale, goods, tender) {
      const original = await readTillOrder(cashier, profile, sale.id);
      const lines = refundLines(sale, original, toRingUp(goods));
      return ringUp(store, session.id, await withTaxes(cashier, lines), tender, original.customer ? { customer: original.customer } : {});
    },
    closeSession: (store, session, countedCash) => closeStoreSession(cashier, session.id, countedCash, [store.card.id]),
  };
}
