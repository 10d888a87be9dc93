import type { OdooClient } from '../rpc/client';
import { findOrderByName } from '../operations/sales';
import { confirmOrderInWebClient, confirmPurchaseInWebClient, enterTaskInWebClient, validateTransferInWebClient } from '../ui/record-actions';
import { closeTicketInWebClient, enterTicketInWebClient } from '../ui/helpdesk-ticket';
import { enterQuotationInWebClient } from '../ui/quotation-form';
import { ShopCustomer } from '../ui/shop';
import type { OdooWebClient } from '../ui/web-client';
import type { RoleActs, ShopCheckout } from './role-acts';

/**
 * A role's acts in the web client, logged in as the role's user; `rpc` is the
 * same user over RPC, for what the web client cannot do (see openComplaint).
 */
export function webClientRoleActs(web: OdooWebClient, rpc: OdooClient): RoleActs {
  return {
    login: web.login,
    async enterQuotation(quotation) {
      const id = await enterQuotationInWebClient(web, { customer: quotation.customer.name, lines: quotation.lines.map((l) => ({ ...l, product: l.product.name })) });
      const [order] = await rpc.read<{ name: string }>('sale.order', [id], ['name']);
      if (!order) throw new Error(`quotation ${id}, saved in the web client, cannot be read back by ${rpc.login}`);
      return { model: 'sale.order', id, name: order.name };
    },
    confirmOrder: (order) => confirmOrderInWebClient(web, order.id),
    validateTransfer: (transfer, lines, rest) => validateTransferInWebClient(web, transfer.id, new Map(lines.map((l) => [l.product.name, l.quantity])), rest),
    confirmPurchase: (purchase) => confirmPurchaseInWebClient(web, purchase.id),
    async openComplaint(desk, complaint) {
      if (desk.kind === 'helpdesk-ticket') {
        // The ticket form names its order itself (helpdesk_mgmt_sale's Sales orders field); the agent must be of the team first.
        await desk.admit(rpc);
        const id = await enterTicketInWebClient(web, { team: desk.team.name, title: complaint.title, customer: complaint.customerName, order: complaint.orderName, description: complaint.description });
        return { model: 'helpdesk.ticket', id, name: complaint.title };
      }
      const id = await enterTaskInWebClient(web, desk.project, { title: complaint.title, customer: complaint.customerName, description: complaint.description });
      // 19's task form links a task to an order only through the order's service lines: a goods order is linked over RPC (seen on 19).
      await desk.linkToOrder(rpc, id, complaint.order);
      return { model: 'project.task', id, name: complaint.title };
    },
    async closeComplaint(desk, complaint) {
      if (desk.kind === 'helpdesk-ticket') return closeTicketInWebClient(web, complaint.id, desk.closedStage);
      // A task is closed over RPC, as the agent's own user: its form is not driven for closing.
      return desk.close(rpc, complaint.id);
    },
  };
}

/** A guest checkout in the shop: each product added to the cart, the address, the demo provider; the order found back over RPC. */
export function webShopCheckout(visitor: OdooWebClient, admin: OdooClient): ShopCheckout {
  return {
    async buyAndPay({ lines, shopper }) {
      const customer = new ShopCustomer(visitor);
      for (const line of lines) {
        await customer.openProduct(line.listing);
        await customer.addToCart(line.quantity);
      }
      await customer.checkOut({ ...shopper, phone: '+1 555 0100', country: 'United States', state: 'California' });
      return findOrderByName(admin, await customer.payWithDemoProvider('done'));
    },
    async orderToPayLater({ lines, shopper }, provider) {
      const customer = new ShopCustomer(visitor);
      for (const line of lines) {
        await customer.openProduct(line.listing);
        await customer.addToCart(line.quantity);
      }
      await customer.checkOut({ ...shopper, phone: '+1 555 0100', country: 'United States', state: 'California' });
      const { name } = await admin.readOne<{ name: string }>('payment.provider', provider, ['name']);
      return findOrderByName(admin, await customer.confirmToPayLater(provider, name));
    },
  };
}
