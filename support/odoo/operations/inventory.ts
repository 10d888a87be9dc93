import { openedRecord, pressButton, Wizard } from '../rpc/actions';
import type { OdooClient } from '../rpc/client';
import { x2many } from '../rpc/x2many';
import type { VersionProfile } from '../version-profile';
import type { RecordRef } from './master-data';
import { evidenceOf, inReadFormat, specificationToRead } from './snapshots';

export interface PickingState {
  id: number;
  name: string;
  /** The warehouse operation, e.g. "Central: Delivery Orders". */
  operation: string;
  /** draft, waiting, confirmed, assigned (ready), done, cancel */
  state: string;
  pickingType: 'incoming' | 'outgoing' | 'internal';
  backorderOf: number | undefined;
  moves: { id: number; product: number; demand: number; quantity: number }[];
}

/**
 * The transfers that move a product, oldest first. A scenario's product is
 * its own (namespaced), so these are its transfers even where Odoo merged
 * its moves into a transfer another run opened and left (seen on 19).
 */
export async function transfersOfProduct(client: OdooClient, product: number): Promise<PickingState[]> {
  return readPickings(client, [['move_ids.product_id', '=', product]]);
}

const DISPLAY_NAME = { fields: { display_name: {} } };

/** A transfer as a check sees it, and its evidence fields in read format (a many2one as [id, name]) for snapshotRecord. */
export interface PickingRead {
  state: PickingState;
  evidence: Record<string, unknown>;
}

/** Transfers with their moves in one read (web_search_read with a specification: same answer on 17, 18 and 19). */
export async function readPickings(client: OdooClient, domain: unknown[]): Promise<PickingState[]> {
  return (await searchPickings(client, domain, false)).map((p) => p.state);
}

async function searchPickings(client: OdooClient, domain: unknown[], withEvidence: boolean): Promise<PickingRead[]> {
  const { records } = await client.call<{
    records: (Record<string, unknown> & {
      id: number; name: string; state: string; picking_type_id: { id: number; display_name: string }; picking_type_code: PickingState['pickingType'];
      move_ids: { id: number; product_id: number; product_uom_qty: number; quantity: number }[];
    })[];
  }>('stock.picking', 'web_search_read', {
    kwargs: {
      domain,
      specification: {
        ...(withEvidence ? await specificationToRead(client, 'stock.picking', {}) : {}),
        name: {}, state: {}, picking_type_id: DISPLAY_NAME, picking_type_code: {}, ...(withEvidence ? {} : { backorder_id: {} }),
        move_ids: { fields: { product_id: {}, product_uom_qty: {}, quantity: {} } },
      },
      order: 'id',
    },
  });
  return Promise.all(
    records.map(async (p) => {
      // With the evidence, backorder_id comes with its name; else as its id.
      const backorder = p.backorder_id as { id: number } | number | false;
      return {
        state: {
          id: p.id,
          name: p.name,
          operation: p.picking_type_id.display_name,
          state: p.state,
          pickingType: p.picking_type_code,
          backorderOf: (typeof backorder === 'object' ? backorder?.id : backorder) || undefined,
          moves: p.move_ids.map((m) => ({ id: m.id, product: m.product_id, demand: m.product_uom_qty, quantity: m.quantity })),
        },
        evidence: withEvidence ? evidenceOf('stock.picking', await inReadFormat(client, 'stock.picking', p)) : {},
      };
    }),
  );
}

/** A transfer and the backorder Odoo made of it, if any, each with its evidence fields: one read. */
export async function readTransferAndBackorder(client: OdooClient, picking: number): Promise<{ transfer: PickingRead; backorder: PickingRead | undefined }> {
  const found = await searchPickings(client, ['|', ['id', '=', picking], ['backorder_id', '=', picking]], true);
  const transfer = found.find((p) => p.state.id === picking);
  if (!transfer) throw new Error(`transfer ${picking} does not exist (or ${client.login} cannot see it)`);
  return { transfer, backorder: found.find((p) => p.state.backorderOf === picking) };
}

export async function readPicking(client: OdooClient, picking: number): Promise<PickingState> {
  const [state] = await readPickings(client, [['id', '=', picking]]);
  if (!state) throw new Error(`transfer ${picking} does not exist (or ${client.login} cannot see it)`);
  return state;
}

/**
 * Validates a transfer for the given quantities per product. Moves of
 * products not listed are left undone: under parallel runs Odoo merges other
 * runs' moves into the same transfer (seen on 19), and they are not this
 * scenario's to ship. When less than the demand is done, Odoo asks whether
 * to keep the rest as a backorder: `rest` answers. The transfer is its id,
 * or its state as the caller just read it.
 */
export async function validateTransfer(
  client: OdooClient,
  transfer: number | Pick<PickingState, 'id' | 'moves'>,
  quantities: ReadonlyMap<number, number>,
  rest: RestOfTransfer = 'backorder',
): Promise<void> {
  // A transfer the caller just read (and changed nothing of since) is not read again.
  const { id: picking, moves } = typeof transfer === 'number' ? await readPicking(client, transfer) : transfer;
  const remaining = new Map(quantities);
  for (const move of moves) {
    // Two moves of one product (a merge) share its quantity, the first one first.
    const quantity = Math.min(move.demand, remaining.get(move.product) ?? 0);
    remaining.set(move.product, (remaining.get(move.product) ?? 0) - quantity);
    await client.write('stock.move', [move.id], { quantity, picked: quantity > 0 });
  }
  let action = await pressButton(client, 'stock.picking', [picking], 'button_validate');
  // Validation may ask questions, one after another; each answer leads to the next or to the end.
  for (let asked = 0; action && asked < 5; asked += 1) {
    const wizard = await Wizard.fromAction(client, action);
    action = await wizard.press(validationAnswer(wizard.model, rest));
  }
}

/** What happens to the part of a transfer that was not done: a backorder, or cancelled. */
export type RestOfTransfer = 'backorder' | 'no-backorder';

/**
 * The button that answers each question Odoo asks while validating a
 * transfer: keep the rest as a backorder (or not); and, the first time a
 * company delivers to a customer with a phone, whether to text the customer
 * (stock_sms): yes, which leaves the company's setting as it is.
 */
export function validationAnswer(wizardModel: string, rest: RestOfTransfer): string {
  switch (wizardModel) {
    case 'stock.backorder.confirmation':
      return rest === 'backorder' ? 'process' : 'process_cancel_backorder';
    case 'confirm.stock.sms':
      return 'send_sms';
    default:
      throw new Error(`validating the transfer asked a question the harness does not know how to answer (${wizardModel})`);
  }
}

/** The backorder Odoo made from a transfer, if any. */
export async function backorderOf(client: OdooClient, picking: number): Promise<PickingState | undefined> {
  const [backorder] = await readPickings(client, [['backorder_id', '=', picking]]);
  return backorder;
}

/** Creates the return of some units of a done transfer through Odoo's return wizard; returns the return transfer. */
export async function createReturn(
  client: OdooClient,
  profile: VersionProfile,
  picking: number,
  quantities: ReadonlyMap<number, number>,
): Promise<RecordRef> {
  const wizard = await Wizard.open(client, 'stock.return.picking', { model: 'stock.picking', ids: [picking] });
  const lines = await client.searchRead<{ id: number; product_id: [number, string] }>('stock.return.picking.line', [['wizard_id', '=', wizard.id]], ['product_id'], { context: wizard.context });
  await wizard.write({
    product_return_moves: lines.map((line) => x2many.update(line.id, { quantity: quantities.get(line.product_id[0]) ?? 0 })),
  });
  const opened = openedRecord(await wizard.press(profile.createReturnsButton));
  if (!opened) throw new Error(`the return wizard of transfer ${picking} opened no return transfer`);
  const { name } = await client.readOne<{ name: string }>('stock.picking', opened.id, ['name']);
  return { model: 'stock.picking', id: opened.id, name };
}

/** An order's transfers of a kind (deliveries are outgoing), open or done. */
export function orderTransfers(client: OdooClient, order: number, kind: PickingState['pickingType'], status: 'open' | 'done'): Promise<PickingState[]> {
  return readPickings(client, [
    ['sale_id', '=', order],
    ['picking_type_code', '=', kind],
    ['state', status === 'open' ? 'not in' : 'in', status === 'open' ? ['done', 'cancel'] : ['done']],
  ]);
}

/** Cancels a transfer that is not done (a backorder the customer no longer wants). */
export async function cancelTransfer(client: OdooClient, picking: number): Promise<void> {
  await pressButton(client, 'stock.picking', [picking], 'action_cancel');
}

/** Units of each product a transfer's moves ask for, and have done or reserved. */
export function unitsByProduct(transfer: PickingState, what: 'demand' | 'quantity'): Map<number, number> {
  const units = new Map<number, number>();
  for (const move of transfer.moves) units.set(move.product, (units.get(move.product) ?? 0) + move[what]);
  return units;
}

/**
 * Cancels the open transfers that move only this product; a transfer that
 * also holds another run's moves is left as it is (those moves are not
 * this scenario's, and its own are fenced off by its product anyway).
 */
export async function cancelOpenTransfersOf(client: OdooClient, product: number): Promise<void> {
  const open = (await transfersOfProduct(client, product)).filter((t) => !['done', 'cancel'].includes(t.state));
  const own = open.filter((t) => t.moves.every((m) => m.product === product));
  if (own.length) await pressButton(client, 'stock.picking', own.map((t) => t.id), 'action_cancel');
}
