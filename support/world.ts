import type { TestInfo } from '@playwright/test';
import type { HarnessEnvironment, RunMode } from './config/environment';
import type { DataFactory } from './data/factory';
import type { StepLocation } from './data/tables';
import { attachRecordSnapshot } from './evidence/attachments';
import type { OdooGateway } from './odoo/gateway';
import type { RecordRef } from './odoo/operations/master-data';
import { snapshotRecord } from './odoo/operations/snapshots';
import type { OdooWebClient } from './odoo/ui/web-client';
import type { ScenarioContext } from './scenario-context';

/**
 * What a scenario's tasks work with: the target, the run mode, the roles'
 * clients (RPC always, web client in hybrid mode), the scenario's data and
 * named records, and where evidence goes.
 */
export interface World {
  environment: HarnessEnvironment;
  mode: RunMode;
  odoo: OdooGateway;
  data: DataFactory;
  records: ScenarioContext;
  testInfo: TestInfo;
  /** The feature file and line of the running step, for messages. */
  where(): StepLocation;
  /** The web client logged in as a role (hybrid mode only). */
  webClient(role: string): Promise<OdooWebClient>;
  /** A browser page of a visitor who is not logged in: the shop's guest customer (hybrid mode only). */
  visitor(): Promise<OdooWebClient>;
}

/** Attaches a snapshot of a record, read as the set-up user, with its deep link. */
export async function attachRecord(world: World, label: string, record: RecordRef): Promise<void> {
  const { admin, capabilities } = world.odoo;
  const snapshot = await snapshotRecord(admin, capabilities.profile, world.environment.odoo.url, label, record);
  await attachRecordSnapshot(world.testInfo, snapshot);
}
