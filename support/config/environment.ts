import path from 'node:path';
import { z } from 'zod';
import { isBrowserEndpoint, shownEndpoint } from './browser-endpoint';
import { ConfigError } from './errors';
import { Secret } from './secret';
import { projectRoot, readDotenvFile, relativeToRoot } from './sources';

export const RUN_MODES = ['hybrid', 'rpc'] as const;
export type RunMode = (typeof RUN_MODES)[number];
export const RPC_TRANSPORTS = ['auto', 'xmlrpc', 'json2'] as const;
export type RpcTransportChoice = (typeof RPC_TRANSPORTS)[number];

export interface Credentials {
  login: string;
  password: Secret;
  /** Odoo 19+: the user's API key, for the JSON-2 transport. */
  apiKey?: Secret;
}

export interface HarnessEnvironment {
  /** The name given with --env / UAT_ENV. */
  name: string;
  /** Where the values came from, relative to the project root (for messages). */
  file: string;
  odoo: {
    url: string;
    db: string;
    admin: Credentials;
    apiKey?: Secret;
    rpc: RpcTransportChoice;
    timeoutMs: number;
  };
  /** Role users keyed by role name in upper case (SALES, WAREHOUSE, ...). */
  roles: Record<string, Credentials>;
  testTarget: boolean;
  provisionRoles: boolean;
  /** Keys a run makes on 19 are kept for later runs (KeptKeys), not revoked at its end. */
  keepApiKeys: boolean;
  seed?: number;
  mode: RunMode;
  /** With `wsEndpoint` the browser is a Playwright browser server's, reached over WebSocket, not one launched here. */
  browser: { headless: boolean; slowMoMs: number; executablePath?: string; wsEndpoint?: string };
  /** A recorded target: the recording whose answers stand in for Odoo (rpc mode only). */
  recording?: string;
}

/** Keys whose values must never be echoed back, not even in an error message. */
const isSecretKey = (key: string) => /PASSWORD|API_KEY|SECRET|TOKEN/.test(key);

const ROLE_KEY = /^UAT_ROLE_([A-Z][A-Z0-9_]*?)_(LOGIN|PASSWORD|API_KEY)$/;

const text = z.string({ error: (issue) => (issue.input === undefined ? 'is missing or empty' : 'must be text') }).trim();

const httpUrl = text.refine((value) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}, 'must be a URL such as http://localhost:8069');

const browserEndpoint = text.refine(isBrowserEndpoint, 'must be a ws:// or wss:// URL of a Playwright browser server, such as ws://browsers.example.com:3000/');

const flag = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .transform((value) => value === 'true');

const wholeNumber = (what: string) =>
  z.string().regex(/^\d+$/, `must be ${what}`).transform(Number);

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

const schema = z.object({
  ODOO_URL: httpUrl,
  ODOO_DB: text,
  ODOO_LOGIN: text,
  ODOO_PASSWORD: text,
  ODOO_API_KEY: text.optional(),
  ODOO_RPC: choice(RPC_TRANSPORTS).default('auto'),
  ODOO_TIMEOUT_MS: wholeNumber('a number of milliseconds').default(30_000),
  UAT_TEST_TARGET: flag.default(false),
  UAT_PROVISION_ROLES: flag.default(false),
  UAT_KEEP_KEYS: flag.default(true),
  UAT_SEED: wholeNumber('a whole number').optional(),
  UAT_MODE: choice(RUN_MODES).default('hybrid'),
  UAT_HEADLESS: flag.default(true),
  UAT_SLOW_MO_MS: wholeNumber('a number of milliseconds').default(0),
  UAT_BROWSER_PATH: text.optional(),
  UAT_BROWSER_WS_ENDPOINT: browserEndpoint.optional(),
  UAT_RECORDING: text.optional(),
});

const KNOWN_KEYS = new Set(Object.keys(schema.shape));

/** Keys that belong to the harness process, not to an environment file. */
const PROCESS_KEYS = new Set(['UAT_ENV', 'UAT_PROFILE', 'UAT_TAGS', 'UAT_RUN_ID', 'UAT_RUN_DIR', 'UAT_RUN_SEED', 'UAT_PATHS', 'UAT_LIVE_ENV', 'UAT_NAMESPACE_RUN']);

export interface LoadOptions {
  /** Folder of the `<name>.env` files. */
  dir?: string;
  /** Values that win over the file, e.g. CI secrets or CLI flags (only ODOO_* and UAT_* keys are taken). */
  overrides?: Record<string, string | undefined>;
  root?: string;
}

export interface LoadedEnvironment {
  environment: HarnessEnvironment;
  /** Things worth a line of output that do not stop the run (e.g. an unknown key). */
  warnings: string[];
}

export function environmentFile(name: string, dir = path.join(projectRoot, 'environments')): string {
  return path.join(dir, `${name}.env`);
}

/**
 * Loads `environments/<name>.env` (or the .env file given by path), applies overrides, validates every key and
 * reports all problems at once, each as "<file>: <KEY> <what is wrong>".
 */
export function loadEnvironment(nameOrFile: string, options: LoadOptions = {}): LoadedEnvironment {
  const root = options.root ?? projectRoot;
  // "uat" means environments/uat.env; a path ending in .env names the file itself.
  const givenAsFile = nameOrFile.endsWith('.env');
  if (!givenAsFile && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(nameOrFile)) {
    throw new ConfigError(`environment name "${nameOrFile}" is not valid: use letters, digits, "-", "_" or ".", or a path to a .env file`);
  }
  const file = givenAsFile ? path.resolve(nameOrFile) : environmentFile(nameOrFile, options.dir ?? path.join(root, 'environments'));
  const name = path.basename(file, '.env');
  const shown = relativeToRoot(file, root);
  const fromFile = readDotenvFile(file, root);
  const fromOverrides = Object.fromEntries(
    Object.entries(options.overrides ?? {}).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && /^(ODOO|UAT)_/.test(entry[0]) && !PROCESS_KEYS.has(entry[0]),
    ),
  );
  // An empty value ("ODOO_API_KEY=") means "not set", as in the examples.
  const values = Object.fromEntries(
    Object.entries({ ...fromFile, ...fromOverrides }).filter(([, value]) => value.trim() !== ''),
  );
  const sourceOf = (key: string) => (key in fromOverrides ? `${shown} (${key} overridden by the process environment)` : shown);

  const problems: string[] = [];
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      const got = values[key];
      const shown = key === 'UAT_BROWSER_WS_ENDPOINT' && got !== undefined ? shownEndpoint(got) : got;
      const echo = shown !== undefined && !isSecretKey(key) ? ` (got "${shown}")` : '';
      problems.push(`${sourceOf(key)}: ${key} ${issue.message}${echo}`);
    }
  }

  const roles: Record<string, Credentials> = {};
  const warnings: string[] = [];
  const roleKeys = new Map<string, { login?: string; password?: string; apiKey?: string }>();
  for (const [key, value] of Object.entries(values)) {
    const match = ROLE_KEY.exec(key);
    if (match) {
      const [, role = '', part] = match;
      const entry = roleKeys.get(role) ?? {};
      entry[part === 'LOGIN' ? 'login' : part === 'PASSWORD' ? 'password' : 'apiKey'] = value.trim();
      roleKeys.set(role, entry);
    } else if (/^(ODOO|UAT)_/.test(key) && !KNOWN_KEYS.has(key) && !PROCESS_KEYS.has(key)) {
      warnings.push(`${sourceOf(key)}: unknown key ${key} is ignored (check its spelling)`);
    }
  }
  for (const [role, { login, password, apiKey }] of roleKeys) {
    if (!login) problems.push(`${shown}: UAT_ROLE_${role}_LOGIN is missing (other UAT_ROLE_${role}_ keys are set)`);
    else if (!password) problems.push(`${shown}: UAT_ROLE_${role}_PASSWORD is missing (UAT_ROLE_${role}_LOGIN is set)`);
    else roles[role] = { login, password: new Secret(password), ...(apiKey ? { apiKey: new Secret(apiKey) } : {}) };
  }

  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems.join('\n'));
  const v = parsed.data;
  if (v.UAT_BROWSER_WS_ENDPOINT && v.UAT_BROWSER_PATH) {
    warnings.push(`${sourceOf('UAT_BROWSER_PATH')}: UAT_BROWSER_PATH is ignored: UAT_BROWSER_WS_ENDPOINT names a browser server, which launches its own browser`);
  }
  return {
    warnings,
    environment: {
      name,
      file: shown,
      odoo: {
        url: v.ODOO_URL.replace(/\/+$/, ''),
        db: v.ODOO_DB,
        admin: { login: v.ODOO_LOGIN, password: new Secret(v.ODOO_PASSWORD) },
        ...(v.ODOO_API_KEY ? { apiKey: new Secret(v.ODOO_API_KEY) } : {}),
        rpc: v.ODOO_RPC,
        timeoutMs: v.ODOO_TIMEOUT_MS,
      },
      roles,
      testTarget: v.UAT_TEST_TARGET,
      provisionRoles: v.UAT_PROVISION_ROLES,
      keepApiKeys: v.UAT_KEEP_KEYS,
      ...(v.UAT_SEED !== undefined ? { seed: v.UAT_SEED } : {}),
      mode: v.UAT_MODE,
      browser: {
        headless: v.UAT_HEADLESS,
        slowMoMs: v.UAT_SLOW_MO_MS,
        ...(v.UAT_BROWSER_PATH ? { executablePath: v.UAT_BROWSER_PATH } : {}),
        ...(v.UAT_BROWSER_WS_ENDPOINT ? { wsEndpoint: v.UAT_BROWSER_WS_ENDPOINT } : {}),
      },
      ...(v.UAT_RECORDING ? { recording: path.resolve(root, v.UAT_RECORDING) } : {}),
    },
  };
}
