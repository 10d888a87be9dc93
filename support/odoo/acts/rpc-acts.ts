import { validateTransfer } from '../operations/inventory';
import { createCustomer } from '../operations/master-data';
import { confirmPurchase } from '../operations/purchase';
import { confirmOrder, createQuotation } from '../operations/sales';
import { reserveWebsiteOrder } from '../operations/click-and-collect';
import { placePaidWebsiteOrder } from '../operations/shop';
import type { OdooClient } from '../rpc/client';
import type { RoleActs, ShopCheckout } from './role-acts';

/** A role's acts over RPC, as the role's own user. */
export function rpcRoleActs(client: OdooClient): RoleActs {
  return {
    login: client.login,
    enterQuotation: ({ customer, lines }) => createQuotation(client, customer.id, lines.map((l) => ({ product: l.product.id, quantity: l.quantity, price: l.price, discount: l.discount }))),
    confirmOrder: (order) => confirmOrder(client, order.id),
    validateTransfer: (transfer, lines, rest) => validateTransfer(client, transfer.moves ? { id: transfer.id, moves: transfer.moves } : transfer.id, new Map(lines.map((l) => [l.product.id, l.quantity])), rest),
    confirmPurchase: (purchase) => confirmPurchase(client, purchase.id),
    openComplaint: (desk, complaint) => desk.open(client, complaint),
    closeComplaint: (desk, complaint) => desk.close(client, complaint.id),
  };
}

/** The RPC twin of a shop checkout, written by the set-up user: the website order and its demo payment as Odoo records them. */
export function rpcShopCheckout(admin: OdooClient): ShopCheckout {
  return {
    async buyAndPay({ lines, shopper }) {
      const customer = await createCustomer(admin, shopper);
      return placePaidWebsiteOrder(admin, customer.id, lines.map((l) => ({ product: l.product.id, quantity: l.quantity })));
    },
    async orderToPayLater({ lines, shopper }, provider) {
      const customer = await createCustomer(admin, shopper);
      return reserveWebsiteOrder(admin, customer.id, lines.map((l) => ({ product: l.product.id, quantity: l.quantity })), provider);
    },
  };
}
