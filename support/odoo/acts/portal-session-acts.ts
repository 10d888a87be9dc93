import { BusinessRuleError } from '../errors';
import type { RecordRef } from '../operations/master-data';
import { drawnSignature } from '../portal/signature-image';
import { csrfTokenOf, orderLinkIn, orderViewOf, paymentFormOf } from '../portal/portal-pages';
import type { PortalSession } from '../portal/portal-session';
import { backoffMs, sleep } from '../rpc/contention';
import type { PortalAnswer, PortalBuyerActs } from './portal-buyer-acts';

/** How long the buyer waits on the payment status page for Odoo to finish the payment (it confirms the order and mails it). */
const PAYMENT_STATUS_DEADLINE_MS = 60_000;

/** The buyer's lists of documents in the portal. */
const QUOTATIONS = '/my/quotes';
const ORDERS = '/my/orders';

/**
 * The buyer's acts through the portal's own routes with its web session (rpc
 * mode): the pages and JSON routes its browser would call, in the same order,
 * with what those pages give (links with their access token, the payment
 * form's values).
 */
export function portalSessionActs(session: PortalSession): PortalBuyerActs {
  /** The link of each order the buyer opened from its lists, with the access token the portal put in it. */
  const links = new Map<number, string>();
  const linkOf = (order: RecordRef) => {
    const link = links.get(order.id);
    if (!link) throw new Error(`the buyer has not opened ${order.name} in the portal: open the quotation first`);
    return link;
  };
  return {
    login: session.login,

    async openQuotation(order) {
      const list = await session.page(QUOTATIONS);
      const link = orderLinkIn(list.html, order.id);
      if (!link) throw new Error(`the buyer's quotations in the portal (${QUOTATIONS}) do not list ${order.name}`);
      links.set(order.id, link);
      return orderViewOf((await session.page(link)).html);
    },

    async signAndAccept(order, signer) {
      const link = linkOf(order);
      const [path, query = ''] = link.split('?');
      // As the signature form posts it: the route of the order's portal link, its token in the query.
      const answer = await session.jsonRoute<{ error?: string; redirect_url?: string }>(`${path}/accept?${query}`, { name: signer, signature: drawnSignature(signer) });
      if (answer.error) throw new BusinessRuleError(`the portal refused ${signer}'s signature of ${order.name}: ${answer.error}`, 'portal');
      if (answer.redirect_url) await session.page(answer.redirect_url);
    },

    async payOnline(order) {
      const page = await session.page(linkOf(order));
      const form = paymentFormOf(page.html);
      if (!form) throw new Error(`the portal offers no online payment of ${order.name} (it offers: ${orderViewOf(page.html).actions.join(', ') || 'nothing'})`);
      // What the payment form posts for a direct payment with the demo provider.
      const processing = await session.jsonRoute<{ reference: string }>(form.transactionRoute, {
        provider_id: form.providerId,
        payment_method_id: form.paymentMethodId,
        token_id: null,
        amount: form.amount,
        flow: 'direct',
        tokenization_requested: false,
        landing_route: form.landingRoute,
        is_validation: false,
        access_token: form.accessToken,
        csrf_token: csrfTokenOf(page.html, linkOf(order)),
      });
      await session.jsonRoute('/payment/demo/simulate_payment', { reference: processing.reference, payment_details: '4242', simulated_state: 'done' });
      await session.page('/payment/status');
      const landing = await pollPaymentStatus(session, order);
      await session.page(landing);
    },

    async viewOrder(order) {
      return orderViewOf((await session.page(linkOf(order))).html);
    },

    async tryToOpen(order): Promise<PortalAnswer> {
      const page = await session.page(`${ORDERS}/${order.id}`);
      const lists = await Promise.all([session.page(QUOTATIONS), session.page(ORDERS)]);
      return {
        status: page.status,
        path: page.path,
        showsDocument: showsOrder(page.html, order),
        listed: lists.some((list) => orderLinkIn(list.html, order.id) !== undefined),
      };
    },
  };
}

/** Whether a page is the order's own portal page. */
function showsOrder(html: string, order: RecordRef): boolean {
  try {
    return orderViewOf(html).name === order.name;
  } catch {
    return false;
  }
}

/**
 * Polls the payment status as the status page does, until Odoo has
 * processed the payment, and gives the route it lands the buyer on. Odoo
 * answers "retry" while another request holds the transaction.
 */
async function pollPaymentStatus(session: PortalSession, order: RecordRef): Promise<string> {
  const deadline = Date.now() + PAYMENT_STATUS_DEADLINE_MS;
  for (let attempt = 1; ; attempt += 1) {
    const status = await session.jsonRoute<{ state: string; landing_route: string }>('/payment/status/poll', {}).catch((error: unknown) => {
      if (error instanceof BusinessRuleError && /retry/.test(error.message)) return undefined;
      throw error;
    });
    if (status && status.state !== 'draft') {
      if (status.state !== 'done') throw new Error(`the online payment of ${order.name} ended "${status.state}" in the portal, not done`);
      return status.landing_route;
    }
    if (Date.now() >= deadline) throw new Error(`the online payment of ${order.name} was still being processed after ${PAYMENT_STATUS_DEADLINE_MS / 1000} s`);
    await sleep(backoffMs(attempt));
  }
}
