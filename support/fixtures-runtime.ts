/**
 * What the fixtures of fixtures.ts do. Loaded by a worker when its first
 * fixture runs: Playwright's main process imports fixtures.ts to list the
 * tests, and needs none of this (about 150 modules through its loader).
 */
import type { Page, PlaywrightWorkerArgs, PlaywrightWorkerOptions } from '@playwright/test';
import { parameter } from 'allure-js-commons';
import type { BddTestFixtures } from 'playwright-bdd';
import { loadEnvironment, type HarnessEnvironment, type RunMode } from './config/environment';
import { ConfigError } from './config/errors';
import type { Secret } from './config/secret';
import { DataFactory } from './data/factory';
import { scenarioNamespace } from './data/namespace';
import { labelScenario } from './evidence/allure-labels';
import { attachText } from './evidence/attachments';
import { requiredModules } from './features/requirements';
import { missingModules } from './odoo/capabilities';
import { OdooGateway } from './odoo/gateway';
import { describeWait } from './odoo/rpc/contention';
import { forgettingAfterEach } from './odoo/rpc/read-memo';
import { OutageWatch } from './odoo/outage';
import { roleCredentials } from './odoo/roles';
import { playwrightEvidence } from './odoo/ui/evidence-hook';
import { openBrowser } from './odoo/ui/browser';
import { RoleSessions } from './odoo/ui/role-sessions';
import { endSession, sessionStateThroughEndpoint } from './odoo/ui/login';
import { PORTAL_NOT_RECORDED, portalOnRecordedTarget } from './odoo/portal/recorded-targets';
import { PortalSession } from './odoo/portal/portal-session';
import type { PortalBuyer } from './odoo/portal/portal-buyers';
import type { PortalBuyerActs } from './odoo/acts/portal-buyer-acts';
import { portalSessionActs } from './odoo/acts/portal-session-acts';
import { portalPageActs } from './odoo/acts/portal-page-acts';
import type { Screen } from './odoo/ui/screens';
import { OdooWebClient } from './odoo/ui/web-client';
import type { Actor } from './actors';
import { rpcRoleActs, rpcShopCheckout } from './odoo/acts/rpc-acts';
import type { RoleActs, ShopCheckout } from './odoo/acts/role-acts';
import { webClientRoleActs, webShopCheckout } from './odoo/acts/web-client-acts';
import { rpcStoreTill } from './odoo/acts/rpc-store-till';
import type { StoreTill } from './odoo/acts/store-till';
import { webStoreTill } from './odoo/acts/web-store-till';
import { ScenarioNotes } from './scenario-notes';
import type { World } from './world';

/** The run's seed: UAT_SEED, or one drawn per run by `uat run` (and printed) so a run can be replayed. */
const runSeed = (environment: HarnessEnvironment) => environment.seed ?? Number(process.env.UAT_RUN_SEED ?? 0);

/** What a scenario notes as it goes: "the order", "the delivery", products and customers by alias. */
export function newScenarioNotes(): ScenarioNotes {
  return new ScenarioNotes();
}

export { labelScenario };

type WorldNeeds = Pick<BddTestFixtures, '$testInfo' | '$tags' | '$bddContext' | '$test'> & {
  harness: HarnessEnvironment;
  odoo: OdooGateway;
  roleSessions: RoleSessions;
  scenario: ScenarioNotes;
};

/** The world a scenario's steps work with, and what is tidied and reported when the scenario ends. */
export async function provideWorld({ harness, odoo, roleSessions, scenario, $testInfo, $tags, $bddContext, $test }: WorldNeeds, use: (world: World) => Promise<void>): Promise<void> {
  // A scenario whose modules are missing is skipped with them named, never passed.
  const missing = missingModules(odoo.capabilities, requiredModules($tags));
  $testInfo.skip(missing.length > 0, `needs module ${missing.join(', ')}, not installed on database "${harness.odoo.db}"`);
  $testInfo.skip(portalOnRecordedTarget($tags), PORTAL_NOT_RECORDED);
  const callsBefore = odoo.callCount;
  // Waits noted before this scenario (another one's tidying) are not its evidence.
  odoo.contention.take();
  const runId = process.env.UAT_RUN_ID ?? 'adhoc';
  const evidence = playwrightEvidence((title, body) => $test.step(title, body), $testInfo);
  const webClientOn = (page: Page, login: string, secrets: Secret[]) => {
    if (harness.mode !== 'hybrid') throw new Error(`the web client is used in hybrid mode only (this run is in ${harness.mode} mode)`);
    return new OdooWebClient(page, {
      baseUrl: harness.odoo.url,
      profile: odoo.capabilities.profile,
      login,
      evidence,
      secrets: [harness.odoo.admin.password, ...secrets],
    });
  };
  const pagesUsed = new Set<Page>();
  // Pages that are one scenario's own (a shop visitor, a portal buyer): closed with it.
  const scenarioPages: Page[] = [];
  const webClient = async (role: string, screen?: Screen) => {
    const credentials = roleCredentials(harness, role);
    const page = await roleSessions.rolePage(role, screen);
    pagesUsed.add(page);
    return webClientOn(page, credentials?.login ?? role, credentials ? [credentials.password] : []);
  };
  // The run mode picks, once, how roles act and how a shop customer checks out.
  // Over RPC a screen changes nothing: the same acts, with the same meaning.
  const actsByMode: Record<RunMode, (actor: Actor, screen?: Screen) => Promise<RoleActs>> = {
    rpc: async (actor) => rpcRoleActs(await odoo.as(actor.role)),
    hybrid: async (actor, screen) => forgettingAfterEach(webClientRoleActs(await webClient(actor.role, screen), await odoo.as(actor.role)), odoo.memo),
  };
  const shopByMode: Record<RunMode, () => Promise<ShopCheckout>> = {
    rpc: async () => rpcShopCheckout(odoo.admin),
    hybrid: async () => {
      const visitor = await (await roleSessions.newContext()).newPage();
      scenarioPages.push(visitor);
      return forgettingAfterEach(webShopCheckout(webClientOn(visitor, 'shop visitor', []), odoo.admin), odoo.memo);
    },
  };
  const data = new DataFactory(scenarioNamespace(process.env.UAT_NAMESPACE_RUN ?? runId, $testInfo.testId), runSeed(harness), $testInfo.title);
  const orderKey = (place: string) => data.code(`till order ${place}`, 32);
  // One POS app page per role for the whole scenario: the app takes seconds to load, and a till stays open between steps.
  const tills = new Map<string, Promise<StoreTill>>();
  const tillByMode: Record<RunMode, (actor: Actor) => Promise<StoreTill>> = {
    rpc: async (actor) => rpcStoreTill(await odoo.as(actor.role), odoo.capabilities.profile, orderKey),
    hybrid: (actor) => {
      const till = tills.get(actor.role) ?? (async () => forgettingAfterEach(webStoreTill(await webClient(actor.role), await odoo.as(actor.role), odoo.capabilities.profile), odoo.memo))();
      tills.set(actor.role, till);
      return till;
    },
  };
  const leftovers: { what: string; tidy: () => Promise<void> }[] = [];
  // A buyer logs in to the portal once per scenario; the session ends with the scenario.
  const portalByMode: Record<RunMode, (buyer: PortalBuyer) => Promise<PortalBuyerActs>> = {
    rpc: async ({ credentials }) => {
      const session = await PortalSession.logIn(harness.odoo.url, credentials, harness.odoo.timeoutMs);
      leftovers.push({ what: `the portal session of ${credentials.login}`, tidy: () => session.logOut() });
      return forgettingAfterEach(portalSessionActs(session), odoo.memo);
    },
    // The session is made from Node: the buyer's password never passes through a browser that a trace records.
    hybrid: async ({ credentials }) => {
      const state = await sessionStateThroughEndpoint(harness.odoo.url, harness.odoo.db, credentials, harness.odoo.timeoutMs);
      leftovers.push({ what: `the portal session of ${credentials.login}`, tidy: () => endSession(harness.odoo.url, state, harness.odoo.timeoutMs) });
      const page = await (await roleSessions.newContext({ storageState: state })).newPage();
      scenarioPages.push(page);
      return forgettingAfterEach(portalPageActs(webClientOn(page, credentials.login, [credentials.password])), odoo.memo);
    },
  };
  const portalBuyers = new Map<string, Promise<PortalBuyerActs>>();
  await use({
    environment: harness,
    mode: harness.mode,
    odoo,
    // A recorded run pins the run tag of its namespaces, so a replay sends the same requests.
    data,
    notes: scenario,
    testInfo: $testInfo,
    where: () => `${$bddContext.featureUri}:${$bddContext.bddTestData.steps[$bddContext.stepIndex]?.gherkinStepLine ?? '?'}`,
    acts: actsByMode[harness.mode],
    rpc: (actor) => odoo.as(actor.role),
    shop: shopByMode[harness.mode],
    portal: (buyer) => {
      const acts = portalBuyers.get(buyer.credentials.login) ?? portalByMode[harness.mode](buyer);
      portalBuyers.set(buyer.credentials.login, acts);
      return acts;
    },
    till: tillByMode[harness.mode],
    leaveNothingOpen: (what, tidy) => void leftovers.push({ what, tidy }),
  });
  // A failed scenario's pages may hold anything (an open wizard, a half-filled form): the next scenario starts afresh.
  if ($testInfo.status !== $testInfo.expectedStatus) for (const page of pagesUsed) await roleSessions.closePage(page).catch(() => undefined);
  for (const page of scenarioPages) await roleSessions.closePage(page).catch(() => undefined);
  // What a failed or interrupted scenario left open in a place runs share is closed, so it cannot hold the next run up.
  for (const { what, tidy } of leftovers.reverse()) {
    await tidy().catch((error: unknown) => attachText($testInfo, `could not close ${what}`, (error as Error).message));
  }
  // The scenario's RPC cost, in the report beside its result (excluded from Allure's history id).
  await parameter('RPC calls', String(odoo.callCount - callsBefore), { excluded: true });
  // Where other users of the database held this scenario up, and how long it waited: a slow rehearsal says why.
  const waits = odoo.contention.take();
  if (waits.length) {
    await parameter('Waits for other runs', String(waits.length), { excluded: true });
    await attachText($testInfo, 'waits for other users of the database', waits.map(describeWait).join('\n'));
  }
}

/** The validated environment this run targets (from UAT_ENV, set by `uat run`). */
export function environmentOfRun(): HarnessEnvironment {
  const name = process.env.UAT_ENV;
  if (!name) throw new ConfigError('no environment chosen: run through `uat run --env NAME`, or set UAT_ENV');
  return loadEnvironment(name, { overrides: process.env }).environment;
}

/** The worker's connection to Odoo, with the run's one outage watch (a file in the run folder): once Odoo is gone for good, no worker waits for it again. */
export function connectWorker(harness: HarnessEnvironment): Promise<OdooGateway> {
  return OdooGateway.connect(harness, harness.odoo.timeoutMs, OutageWatch.forRun(process.env.UAT_RUN_DIR, harness.odoo.url));
}

type RoleSessionNeeds = Pick<PlaywrightWorkerArgs, 'playwright'> & Pick<PlaywrightWorkerOptions, 'launchOptions' | 'connectOptions'> & { harness: HarnessEnvironment; odoo: OdooGateway };

/** The worker's role logins in the web client; its browser opens when a scenario first needs a page, and every session ends with the worker. */
export async function provideRoleSessions({ harness, odoo, playwright, launchOptions, connectOptions }: RoleSessionNeeds, use: (sessions: RoleSessions) => Promise<void>): Promise<void> {
  const openWorkerBrowser = () => openBrowser(playwright.chromium, launchOptions, connectOptions);
  const sessions = new RoleSessions(openWorkerBrowser, harness, odoo.capabilities.profile, { loginVia: 'session-endpoint' });
  await use(sessions);
  await sessions.close();
}
