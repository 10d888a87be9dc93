import type { TestInfo } from '@playwright/test';
import type { Actor } from './actors';
import type { HarnessEnvironment, RunMode } from './config/environment';
import type { DataFactory } from './data/factory';
import type { StepLocation } from './data/tables';
import { attachRecordSnapshot } from './evidence/attachments';
import type { PortalBuyerActs } from './odoo/acts/portal-buyer-acts';
import type { RoleActs, ShopCheckout } from './odoo/acts/role-acts';
import type { StoreTill } from './odoo/acts/store-till';
import type { OdooTarget } from './odoo/gateway';
import type { RecordRef } from './odoo/operations/master-data';
import { snapshotRecord } from './odoo/operations/snapshots';
import type { PortalBuyer } from './odoo/portal/portal-buyers';
import type { OdooClient } from './odoo/rpc/client';
import type { Screen } from './odoo/ui/screens';
import type { ScenarioNotes } from './scenario-notes';

/**
 * What a scenario's tasks work with: the target, the roles' acts (in the web
 * client or over RPC, as the run mode chose once), each role's RPC client for
 * what is RPC in every mode, the scenario's data and notes, and where
 * evidence goes.
 */
export interface World {
  environment: HarnessEnvironment;
  mode: RunMode;
  odoo: OdooTarget;
  data: DataFactory;
  notes: ScenarioNotes;
  testInfo: TestInfo;
  /** The feature file and line of the running step, for messages. */
  where(): StepLocation;
  /** What the actor does in Odoo, the way this run's mode does it; in the web client on the screen named (a tablet for field sales), the desktop by default. */
  acts(actor: Actor, screen?: Screen): Promise<RoleActs>;
  /** The actor's own user over RPC, for acts that are RPC in every mode (invoicing, credit notes, payments). */
  rpc(actor: Actor): Promise<OdooClient>;
  /** A guest customer of the shop, checking out the way this run's mode does it. */
  shop(): Promise<ShopCheckout>;
  /** A customer's buyer in the customer portal, the way this run's mode does it: in the portal's pages, or through its routes with the buyer's web session. */
  portal(buyer: PortalBuyer): Promise<PortalBuyerActs>;
  /** The actor at a store's till: in the POS app, or as the app tells Odoo, the way this run's mode does it. */
  till(actor: Actor): Promise<StoreTill>;
  /** Work to do when the scenario ends, passed, failed or interrupted: closes what it may have left open where runs share records. */
  leaveNothingOpen(what: string, tidy: () => Promise<void>): void;
}

/**
 * Attaches a snapshot of a record with its deep link: from the fields the
 * step just read of it (`read`, in read format), else read as the set-up user.
 */
export async function attachRecord(world: World, label: string, record: RecordRef, read?: Record<string, unknown>): Promise<void> {
  const { admin, capabilities } = world.odoo;
  const snapshot = await snapshotRecord(admin, capabilities.profile, world.environment.odoo.url, label, record, read);
  await attachRecordSnapshot(world.testInfo, snapshot);
}
