import type { Credentials, HarnessEnvironment } from '../config/environment';
import { ConfigError } from '../config/errors';
import { assertTestTarget } from '../config/test-target';
import { detectCapabilities, type Capabilities } from './capabilities';
import { OdooClient } from './rpc/client';
import type { ApiKeyRing } from './rpc/api-keys';
import { Json2Transport } from './rpc/json2-transport';
import { runKeys } from './rpc/run-keys';
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
  readonly #roles = new Map<string, OdooClient>();

  private constructor(
    readonly environment: HarnessEnvironment,
    readonly capabilities: Capabilities,
    /** The set-up user (ODOO_LOGIN): creates master data and stock. */
    readonly admin: OdooClient,
    private readonly outage?: OutageWatch,
    private readonly keyRing?: ApiKeyRing,
  ) {}

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
    const login = async () => {
      const admin = createClient(environment, profile, await withApiKey(environment, profile, configured, keyRing), outage);
      await admin.uid();
      return admin;
    };
    const admin = await login().catch(async (error: unknown) => {
      // A wrong ODOO_DB is named, not left to the driver's text (psycopg2's, or JSON-2's 404): asked only when the login fails.
      const databases = await listDatabases(environment.odoo.url, reachTimeoutMs);
      if (databases && !databases.includes(environment.odoo.db)) {
        throw new ConfigError(`${environment.file}: ODOO_DB "${environment.odoo.db}" is not a database of ${environment.odoo.url} (it has: ${databases.join(', ') || 'none'})`);
      }
      throw error;
    });
    const capabilities = await detectCapabilities(server, profile, admin);
    return new OdooGateway(environment, capabilities, admin, outage, keyRing);
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
      client = createClient(this.environment, this.capabilities.profile, await withApiKey(this.environment, this.capabilities.profile, credentials, this.keyRing), this.outage);
      await client.uid();
      this.#roles.set(key, client);
    }
    return client;
  }

  /** RPC calls made through every client of this gateway. */
  get callCount(): number {
    return [this.admin, ...this.#roles.values()].reduce((sum, c) => sum + c.callCount, 0);
  }
}

/** What a scenario's tasks use of the gateway (tests stand it in with recorded answers). */
export type OdooTarget = Pick<OdooGateway, 'environment' | 'capabilities' | 'admin' | 'as'>;

/** A user's credentials with its API key: configured, handed over by the run, or made by the key ring where JSON-2 is wanted. */
async function withApiKey(environment: HarnessEnvironment, profile: VersionProfile, credentials: Credentials, keyRing: ApiKeyRing | undefined): Promise<Credentials> {
  const apiKey = credentials.apiKey ?? runKeys().get(credentials.login);
  if (apiKey) return { ...credentials, apiKey };
  if (!keyRing || !profile.json2 || environment.odoo.rpc === 'xmlrpc') return credentials;
  return { ...credentials, apiKey: await keyRing.keyFor(credentials.login, credentials.password) };
}

/** Picks the transport: JSON-2 where the server has it and the user has an API key, unless told otherwise. */
export function createClient(environment: HarnessEnvironment, profile: VersionProfile, credentials: Credentials, outage?: OutageWatch): OdooClient {
  const { url, db, rpc, timeoutMs } = environment.odoo;
  const wantsJson2 = rpc === 'json2' || (rpc === 'auto' && profile.json2 && credentials.apiKey !== undefined);
  let transport: RpcTransport;
  if (wantsJson2) {
    if (!profile.json2) throw new ConfigError(`${environment.file}: ODOO_RPC=json2 needs Odoo 19 or newer; this server is ${profile.major}.0 (use auto or xmlrpc)`);
    if (!credentials.apiKey) throw new ConfigError(`${environment.file}: ODOO_RPC=json2 needs an API key for "${credentials.login}"`);
    transport = new Json2Transport({ url, db, login: credentials.login, apiKey: credentials.apiKey, timeoutMs });
  } else {
    transport = new XmlRpcTransport({ url, db, login: credentials.login, password: credentials.password, timeoutMs });
  }
  return new OdooClient({
    transport,
    login: credentials.login,
    assertWritable: () => assertTestTarget(environment),
    ...(outage ? { outage } : {}),
  });
}
