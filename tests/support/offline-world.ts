import type { TestInfo } from '@playwright/test';
import type { HarnessEnvironment } from '../../support/config/environment';
import { DataFactory } from '../../support/data/factory';
import type { Capabilities } from '../../support/odoo/capabilities';
import type { OdooTarget } from '../../support/odoo/gateway';
import { rpcStoreTill } from '../../support/odoo/acts/rpc-store-till';
import { rpcRoleActs, rpcShopCheckout } from '../../support/odoo/acts/rpc-acts';
import type { RecordRef } from '../../support/odoo/operations/master-data';
import { OdooClient } from '../../support/odoo/rpc/client';
import type { RpcTransport } from '../../support/odoo/rpc/transport';
import { ScenarioNotes, type Notes } from '../../support/scenario-notes';
import type { World } from '../../support/world';

/** The notes a recorded check needs, as plain data. */
export interface NotesSnapshot {
  products: [string, RecordRef][];
  customers: [string, RecordRef][];
  records: Partial<Record<keyof Notes, RecordRef>>;
}

export function snapshotNotes(notes: ScenarioNotes, products: string[], customers: string[], records: (keyof Notes)[]): NotesSnapshot {
  return {
    products: products.map((alias) => [alias, notes.products.get(alias)]),
    customers: customers.map((alias) => [alias, notes.customers.get(alias)]),
    records: Object.fromEntries(records.filter((key) => notes.has(key)).map((key) => [key, notes.recall(key)])),
  };
}

export function notesFrom(snapshot: NotesSnapshot): ScenarioNotes {
  const notes = new ScenarioNotes();
  for (const [alias, ref] of snapshot.products) notes.products.add(alias, ref);
  for (const [alias, ref] of snapshot.customers) notes.customers.add(alias, ref);
  for (const [key, ref] of Object.entries(snapshot.records)) notes.remember(key as keyof Notes, ref as never);
  return notes;
}

/**
 * A World whose every role is one client over the given transport, in rpc
 * mode: what the recorder runs live and the tests replay. Evidence is
 * attached nowhere.
 */
export function rpcWorld(transport: RpcTransport, environment: HarnessEnvironment, capabilities: Capabilities, notes: ScenarioNotes, namespace = 'UAT-REC00-0000'): World {
  const client = new OdooClient({ transport, login: environment.odoo.admin.login, assertWritable: () => undefined });
  const odoo: OdooTarget = { environment, capabilities, admin: client, as: async () => client };
  const testInfo = { attach: async () => undefined } as unknown as TestInfo;
  return {
    environment,
    mode: 'rpc',
    odoo,
    data: new DataFactory(namespace, 1, 'recorded checks'),
    notes,
    testInfo,
    where: () => 'features/recorded.feature:1',
    acts: async () => rpcRoleActs(client),
    rpc: async () => client,
    shop: async () => rpcShopCheckout(client),
    // The portal's acts need a web session of the portal, which an RPC transport does not carry.
    portal: () => Promise.reject(new Error('the customer portal is driven through a web session, not over this RPC transport')),
    till: async () => rpcStoreTill(client, capabilities.profile, (place) => `${namespace} ${place}`),
    leaveNothingOpen: () => undefined,
  };
}
