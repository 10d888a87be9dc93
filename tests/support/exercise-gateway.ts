import type { HarnessEnvironment } from '../../support/config/environment';
import { Secret } from '../../support/config/secret';
import { createClient, type OdooGateway } from '../../support/odoo/gateway';
import { openedRecord, pressButton, Wizard } from '../../support/odoo/rpc/actions';

/** What one step of the exercise gave: a value, or the error it raised. */
export type Outcome = { value: unknown } | { error: Error };

/**
 * A fixed sequence of gateway calls that covers the transport's cases:
 * reads, writes, each kind of Odoo fault, a method returning None, and the
 * backorder wizard. Run live by the recorder and against the recording by the
 * tests, so both see the same requests.
 */
export async function exerciseGateway(gateway: OdooGateway, mark: (label: string) => void, namespace: string): Promise<Record<string, Outcome>> {
  const outcomes: Record<string, Outcome> = {};
  const admin = gateway.admin;
  const step = async (label: string, work: () => Promise<unknown>) => {
    mark(label);
    try {
      outcomes[label] = { value: await work() };
    } catch (error) {
      outcomes[label] = { error: error as Error };
    }
  };

  await step('search-read', () => admin.searchRead('res.users', [['login', '=', gateway.environment.odoo.admin.login]], ['login']));
  await step('undefined-stripped', async () => {
    const id = await admin.create('res.partner', { name: `Customer ${namespace}`, email: undefined });
    return admin.readOne('res.partner', id, ['name', 'email']);
  });
  await step('missing-record', () => admin.write('res.partner', [2_000_000_000], { name: 'ghost' }));
  await step('business-rule', () => admin.create('res.partner', {}));
  await step('private-method', () => admin.call('res.partner', '_compute_display_name', { ids: [1] }));
  await step('unknown-method', () => admin.call('res.partner', 'no_such_method', { ids: [1] }));
  await step('access-denied', async () => (await gateway.as('SALES')).create('res.users', { name: `Intruder ${namespace}`, login: `intruder-${namespace}` }));
  await step('wrong-password', () => wrongCredentialsClient(gateway).uid());

  mark('set-up');
  const product = await admin.create('product.product', { name: `Widget ${namespace}`, ...gateway.capabilities.profile.storableProduct, invoice_policy: 'delivery' });
  const [warehouse] = await admin.searchRead<{ lot_stock_id: [number, string] }>('stock.warehouse', [], ['lot_stock_id'], { limit: 1 });
  const stock = warehouse?.lot_stock_id[0];
  await step('returns-none', async () => {
    const [quant] = await admin.call<number[]>('stock.quant', 'create', {
      kwargs: { vals_list: [{ product_id: product, location_id: stock, inventory_quantity: 6 }] },
      context: { inventory_mode: true },
    });
    return admin.call('stock.quant', 'action_apply_inventory', { ids: [quant as number] });
  });
  await step('backorder', async () => {
    const partner = await admin.create('res.partner', { name: `Wholesale ${namespace}` });
    const order = await admin.create('sale.order', { partner_id: partner, order_line: [[0, 0, { product_id: product, product_uom_qty: 10 }]] });
    await pressButton(admin, 'sale.order', [order], 'action_confirm');
    const { picking_ids: [picking] } = await admin.readOne<{ picking_ids: number[] }>('sale.order', order, ['picking_ids']);
    const moves = await admin.search('stock.move', [['picking_id', '=', picking]]);
    await admin.write('stock.move', moves, { quantity: 6, picked: true });
    const action = await pressButton(admin, 'stock.picking', [picking as number], 'button_validate');
    const wizard = await Wizard.fromAction(admin, action as NonNullable<typeof action>);
    const after = await wizard.press('process');
    const pickings = await admin.searchRead('stock.picking', [['sale_id', '=', order]], ['state', 'backorder_id', 'move_ids'], { order: 'id' });
    return { wizardModel: wizard.model, wizardContext: wizard.context, after, opened: openedRecord(after) ?? null, pickings };
  });
  return outcomes;
}

function wrongCredentialsClient(gateway: OdooGateway) {
  const environment: HarnessEnvironment = gateway.environment;
  const { admin, apiKey } = environment.odoo;
  return createClient(environment, gateway.capabilities.profile, {
    login: admin.login,
    password: new Secret('not-the-password'),
    ...(apiKey ? { apiKey: new Secret('not-the-api-key') } : {}),
  });
}
