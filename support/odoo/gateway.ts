import type { Credentials, HarnessEnvironment } from '../config/environment';
import { ConfigError } from '../config/errors';
import type { Secret } from '../config/secret';
import { assertTestTarget } from '../config/test-target';
import { detectCapabilities, type Capabilities } from './capabilities';
import { OdooClient } from './rpc/client';
import type { ApiKeyRing } from './rpc/api-keys';
import { Json2Transport } from './rpc/json2-transport';
import { ContentionLog } from './rpc/contention';
import { ReadMemo } from './rpc/read-memo';
import { runIdentities, type RunIdentity } from './rpc/run-identities';
import type { RpcTransport } from './rpc/transport';
import { XmlRpcTransport } from './rpc/xmlrpc-transport';
import { roleCredentials } from './roles';
import type { OutageWatch } from './outage';
import { listDatabases, readServerVersion } from './server';
import { verifiedProfile, type VersionProfile } from './version-profile';

/**
 * The harness's connection to one Odoo: what it is (capabilities) and a
 * client per user — the set-up user and each role.
 */
export class OdooGateway {
  /** Shared by all its clients: a read another one made since the last change is not sent again. */
  readonly memo: ReadMemo;
  /** Shared by all its clients: the waits other users of the database forced on them, for the scenario's evidence. */
  readonly contention: ContentionLog;
  readonly #roles = new Map<string, OdooClient>();
  readonly #identities: Map<string, RunIdentity>;

  private constructor(
    readonly environment: HarnessEnvironment,
    readonly capabilities: Capabilities,
    /** The set-up user (ODOO_LOGIN): creates master data and stock. */
    readonly admin: OdooClient,
    private readonly outage: OutageWatch | undefined,
    private readonly keyRing: ApiKeyRing | undefined,
    adminIdentity: RunIdentity | undefined,
    { memo, contention }: SharedByClients,
  ) {
    this.memo = memo;
    this.contention = contention;
    this.#identities = new Map(adminIdentity ? [[admin.login, adminIdentity]] : []);
  }

  /**
   * Reaches the server (giving up after `reachTimeoutMs`, default the call
   * time limit), logs in the set-up user and detects what the server has.
   * With a key ring, users without an API key get one from it on a server
   * with JSON-2 (unless ODOO_RPC=xmlrpc), so the whole run speaks JSON-2.
   */
  static async connect(
    environment: HarnessEnvironment,
    reachTimeoutMs = environment.odoo.timeoutMs,
    outage?: OutageWatch,
    keyRing?: ApiKeyRing,
  ): Promise<OdooGateway> {
    outage?.assertAnswering();
    const server = await (outage ? outage.call(() => readServerVersion(environment.odoo.url, reachTimeoutMs), true) : readServerVersion(environment.odoo.url, reachTimeoutMs));
    const profile = verifiedProfile(server, environment.odoo.url);
    const configured = { ...environment.odoo.admin, ...(environment.odoo.apiKey ? { apiKey: environment.odoo.apiKey } : {}) };
    const shared: SharedByClients = { memo: new ReadMemo(), contention: new ContentionLog() };
    const login = () => logIn(environment, profile, configured, keyRing, outage, shared);
    const { client: admin, identity } = await login().catch(async (error: unknown) => {
      // A wrong ODOO_DB is named, not left to the driver's text (psycopg2's, or JSON-2's 404): asked only when the login fails.
      const databases = await listDatabases(environment.odoo.url, reachTimeoutMs);
      if (databases && !databases.includes(environment.odoo.db)) {
        throw new ConfigError(`${environment.file}: ODOO_DB "${environment.odoo.db}" is not a database of ${environment.odoo.url} (it has: ${databases.join(', ') || 'none'})`);
      }
      throw error;
    });
    const capabilities = await detectCapabilities(server, profile, admin);
    return new OdooGateway(environment, capabilities, admin, outage, keyRing, identity, shared);
  }

  /** The client of a role (SALES, WAREHOUSE, ...), logged in on first use. */
  async as(role: string): Promise<OdooClient> {
    const key = role.toUpperCase();
    let client = this.#roles.get(key);
    if (!client) {
      const credentials = roleCredentials(this.environment, key);
      if (!credentials) {
        throw new ConfigError(
          `${this.environment.file}: no user for role ${key}: set UAT_ROLE_${key}_LOGIN and UAT_ROLE_${key}_PASSWORD, ` +
            `or UAT_PROVISION_ROLES=true to let the harness create one`,
        );
      }
      const { client: loggedIn, identity } = await logIn(this.environment, this.capabilities.profile, credentials, this.keyRing, this.outage, { memo: this.memo, contention: this.contention });
      client = loggedIn;
      this.#identities.set(credentials.login, identity);
      this.#roles.set(key, client);
    }
    return client;
  }

  /** The users logged in so far, for the run to hand to its workers. */
  identities(): ReadonlyMap<string, RunIdentity> {
    return this.#identities;
  }

  /** RPC calls made through every client of this gateway. */
  get callCount(): number {
    return [this.admin, ...this.#roles.values()].reduce((sum, c) => sum + c.callCount, 0);
  }
}

/** What a gateway's clients share. */
interface SharedByClients {
  memo: ReadMemo;
  contention: ContentionLog;
}

/** What a scenario's tasks use of the gateway (tests stand it in with recorded answers). */
export type OdooTarget = Pick<OdooGateway, 'environment' | 'capabilities' | 'admin' | 'as'>;

/**
 * A user's client, logged in: as the run already did (its identity handed
 * to this worker), else with the configured key, a key made by the key ring
 * where JSON-2 is wanted, or the password.
 */
async function logIn(
  environment: HarnessEnvironment,
  profile: VersionProfile,
  credentials: Credentials,
  keyRing: ApiKeyRing | undefined,
  outage: OutageWatch | undefined,
  shared: SharedByClients,
): Promise<{ client: OdooClient; identity: RunIdentity }> {
  const known = runIdentities().get(credentials.login);
  if (known) {
    const client = createClient(environment, profile, { ...credentials, ...(known.apiKey ? { apiKey: known.apiKey } : {}) }, outage, { knownUid: known.uid, ...shared });
    return { client, identity: known };
  }
  const ring = !credentials.apiKey && profile.json2 && environment.odoo.rpc !== 'xmlrpc' ? keyRing : undefined;
  const loggedIn = async (apiKey: Secret | undefined) => {
    const withKey = apiKey ? { ...credentials, apiKey } : credentials;
    const client = createClient(environment, profile, withKey, outage, shared);
    return { client, identity: { uid: await client.uid(), ...(apiKey ? { apiKey } : {}) } };
  };
  return ring ? ring.withKey(credentials.login, credentials.password, loggedIn) : loggedIn(undefined);
}

/** Picks the transport: JSON-2 where the server has it and the user has an API key, unless told otherwise. */
export function createClient(
  environment: HarnessEnvironment,
  profile: VersionProfile,
  credentials: Credentials,
  outage?: OutageWatch,
  { knownUid, memo, contention }: { knownUid?: number } & Partial<SharedByClients> = {},
): OdooClient {
  const { url, db, rpc, timeoutMs } = environment.odoo;
  const wantsJson2 = rpc === 'json2' || (rpc === 'auto' && profile.json2 && credentials.apiKey !== undefined);
  let transport: RpcTransport;
  if (wantsJson2) {
    if (!profile.json2) throw new ConfigError(`${environment.file}: ODOO_RPC=json2 needs Odoo 19 or newer; this server is ${profile.major}.0 (use auto or xmlrpc)`);
    if (!credentials.apiKey) throw new ConfigError(`${environment.file}: ODOO_RPC=json2 needs an API key for "${credentials.login}"`);
    transport = new Json2Transport({ url, db, login: credentials.login, apiKey: credentials.apiKey, timeoutMs });
  } else {
    transport = new XmlRpcTransport({ url, db, login: credentials.login, password: credentials.password, timeoutMs, ...(knownUid ? { knownUid } : {}) });
  }
  return new OdooClient({
    transport,
    login: credentials.login,
    assertWritable: () => assertTestTarget(environment),
    ...(outage ? { outage } : {}),
    ...(knownUid ? { knownUid } : {}),
    ...(memo ? { memo } : {}),
    ...(contention ? { contention } : {}),
  });
}
