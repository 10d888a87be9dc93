import type { RecordRef } from '../operations/master-data';
import { CustomerPortal } from '../ui/customer-portal';
import { withoutAccessTokens } from '../../config/secret';
import type { OdooWebClient } from '../ui/web-client';
import type { PortalBuyerActs } from './portal-buyer-acts';

/** The buyer's acts in the portal's pages, in a browser logged in as the buyer (hybrid mode). */
export function portalPageActs(client: OdooWebClient): PortalBuyerActs {
  const portal = new CustomerPortal(client);
  /** The link of each order the buyer opened from its lists, with its access token. */
  const links = new Map<number, string>();
  const linkOf = (order: RecordRef) => {
    const link = links.get(order.id);
    if (!link) throw new Error(`the buyer has not opened ${order.name} in the portal: open the quotation first`);
    return link;
  };
  const viewOf = async (order: RecordRef, title: string) => {
    const { view } = await portal.visit(title, linkOf(order));
    if (!view) throw new Error(`the portal page of ${order.name} (${withoutAccessTokens(linkOf(order))}) is not an order's page`);
    return view;
  };
  /** The buyer is on the order's page, or goes there through its link. */
  const onPageOf = async (order: RecordRef) => {
    if (new URL(client.page.url()).pathname !== `/my/orders/${order.id}`) await viewOf(order, `the buyer opens ${order.name} in the portal`);
  };
  return {
    login: client.login,

    async openQuotation(order) {
      const link = await portal.openFromList('/my/quotes', order);
      if (!link) throw new Error(`the buyer's quotations in the portal (/my/quotes) do not list ${order.name}`);
      links.set(order.id, link);
      const view = await portal.shownOrder();
      if (!view) throw new Error(`the portal page of ${order.name} (${link}) is not an order's page`);
      return view;
    },

    async signAndAccept(order, signer) {
      await onPageOf(order);
      await portal.signAndAccept(order, signer);
    },

    async payOnline(order) {
      await onPageOf(order);
      await portal.payWithDemoProvider(order);
    },

    viewOrder: (order) => viewOf(order, `the buyer opens ${order.name} in the portal`),

    async tryToOpen(order) {
      const visit = await portal.visit(`the buyer asks the portal for ${order.name} of another customer`, `/my/orders/${order.id}`);
      const listed = (await portal.openFromList('/my/quotes', order)) ?? (await portal.openFromList('/my/orders', order));
      return { status: visit.status, path: visit.path, showsDocument: visit.view?.name === order.name, listed: listed !== undefined };
    },
  };
}
