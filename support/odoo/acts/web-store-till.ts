import { saleOrderToSettle, settlingLines } from '../operations/click-and-collect';
import { openSessionOf, readTillOrder, type Store } from '../operations/point-of-sale';
import type { OdooClient } from '../rpc/client';
import { PosApp } from '../ui/point-of-sale';
import type { OdooWebClient } from '../ui/web-client';
import type { VersionProfile } from '../version-profile';
import type { StoreTill } from './store-till';

/**
 * A cashier at the till in the POS app itself (/pos/ui), logged in as the
 * cashier's user; `rpc` is the same user over RPC, to find back what the app
 * made (the session it opened, the order it synced).
 */
export function webStoreTill(web: OdooWebClient, rpc: OdooClient, profile: VersionProfile): StoreTill {
  const app = new PosApp(web);
  return {
    login: web.login,
    async openSession(store, openingCash) {
      await app.open(store.id);
      await app.openRegister(openingCash);
      const session = await openSessionOf(rpc, store.id);
      if (!session) throw new Error(`the POS app of ${store.name} opened no session`);
      return session;
    },
    async sell(store, session, goods, tender) {
      await app.open(store.id);
      for (const line of goods) await app.ringUp(line.product.name, line.quantity);
      return app.payAndFindOrder(store, session, rpc, tender);
    },
    async settle(store, session, saleOrder, tender) {
      await app.open(store.id);
      // The lines the app will make, so the act waits for all of them to show.
      const lines = settlingLines(await saleOrderToSettle(rpc, profile, saleOrder.id));
      await app.settleSaleOrder(saleOrder.name, lines.length);
      return app.payAndFindOrder(store, session, rpc, tender);
    },
    async refund(store: Store, session, sale, goods, tender) {
      await app.open(store.id);
      const original = await readTillOrder(rpc, profile, sale.id);
      await app.refundFromTicket(original.receiptNumber, goods.map((g) => ({ name: g.product.name, quantity: g.quantity })));
      return app.payAndFindOrder(store, session, rpc, tender);
    },
    async closeSession(store, _session, countedCash) {
      await app.open(store.id);
      await app.closeRegister(countedCash);
    },
  };
}
