/**
 * The bare client of the server-time benchmark: what an integrator would
 * write with node's fetch and nothing else, JSON-2 on 19 (with an API key
 * per user, made and revoked through the user's web session, as Odoo 19
 * asks) and XML-RPC on 18. No harness code but the environment file loader,
 * so the comparison measures the harness, not a shared client.
 *
 * A flow script calls `runFlow(name, roles, flow)`: it logs the users in
 * (the fixed part), runs the flow, revokes the keys, and prints one JSON
 * line with the wall-clock bounds of each part for benchmarks/odoo-server-time.ts.
 */
import { createHmac } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadEnvironment, type HarnessEnvironment } from '../../support/config/environment';

/** Named arguments as JSON-2 takes them: ids, context and the method's keyword arguments. */
export type Params = Record<string, unknown> & { ids?: number[]; context?: Record<string, unknown> };

export interface Odoo {
  readonly login: string;
  readonly uid: number;
  call<T = unknown>(model: string, method: string, params?: Params): Promise<T>;
}

/** The users the flows act as: the set-up user and the harness's provisioned role users. */
export type Role = 'ADMIN' | 'SALES' | 'WAREHOUSE' | 'PURCHASE' | 'CREDIT' | 'SERVICE';

/** The provisioned role users' password, derived from the set-up user's as support/odoo/roles.ts derives it. */
function rolePassword(environment: HarnessEnvironment, role: string): string {
  const digest = createHmac('sha256', environment.odoo.admin.password.reveal()).update(`uat-role:${environment.odoo.db}:${role}`).digest('base64url');
  return `Uat-${digest.slice(0, 24)}`;
}

function credentialsOf(environment: HarnessEnvironment, role: Role): { login: string; password: string } {
  if (role === 'ADMIN') return { login: environment.odoo.admin.login, password: environment.odoo.admin.password.reveal() };
  const configured = environment.roles[role];
  if (configured) return { login: configured.login, password: configured.password.reveal() };
  return { login: `uat.${role.toLowerCase()}@harness.invalid`, password: rolePassword(environment, role) };
}

// ---------------------------------------------------------------- JSON-2 (19)

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** A web-client session, only to make and revoke the user's API key (JSON-2 has no login). */
class WebSession {
  #cookie = '';
  constructor(private readonly url: string) {}

  async post<T>(route: string, params: unknown): Promise<T> {
    const response = await postJson(`${this.url}${route}`, { jsonrpc: '2.0', method: 'call', params }, this.#cookie ? { Cookie: this.#cookie } : {});
    this.#cookie = /session_id=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? this.#cookie;
    const body = (await response.json()) as { result?: T; error?: { data?: { message?: string } } };
    if (body.error) throw new Error(`${route}: ${body.error.data?.message ?? JSON.stringify(body.error)}`);
    return body.result as T;
  }

  callKw<T>(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<T> {
    return this.post<T>(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs });
  }

  /** Passes Odoo's identity check (res.users.identitycheck) with the password when the call asks for it. */
  async confirmed<T extends { res_model?: string; res_id?: number }>(answer: T, password: string): Promise<T> {
    if (answer?.res_model !== 'res.users.identitycheck') return answer;
    return this.callKw<T>('res.users.identitycheck', 'run_check', [[answer.res_id]], { context: { password } });
  }
}

interface KeyedUser {
  odoo: Odoo;
  revoke(): Promise<void>;
}

async function json2User(environment: HarnessEnvironment, role: Role, label: string): Promise<KeyedUser> {
  const { url, db } = environment.odoo;
  const { login, password } = credentialsOf(environment, role);
  const session = new WebSession(url);
  const { uid } = await session.post<{ uid: number }>('/web/session/authenticate', { db, login, password });
  const name = `${label} ${login}`;
  const expires = new Date(Date.now() + 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  const wizard = await session.callKw<number>('res.users.apikeys.description', 'create', [{ name, duration: '-1', expiration_date: expires }]);
  const shown = await session.confirmed(await session.callKw<{ res_model?: string; res_id?: number; context?: { default_key?: string } }>('res.users.apikeys.description', 'make_key', [[wizard]]), password);
  const key = shown.context?.default_key;
  if (!key) throw new Error(`no API key made for ${login}`);
  const odoo: Odoo = {
    login,
    uid,
    async call<T>(model: string, method: string, params: Params = {}): Promise<T> {
      const response = await postJson(`${url}/json/2/${model}/${method}`, params, { Authorization: `bearer ${key}`, 'X-Odoo-Database': db });
      const body = (await response.json()) as T & { message?: string };
      if (!response.ok) throw new Error(`${login} ${model}.${method}: ${body.message ?? response.status}`);
      return body;
    },
  };
  return {
    odoo,
    async revoke() {
      const ids = await session.callKw<number[]>('res.users.apikeys', 'search', [[['name', '=', name]]]);
      if (ids.length) await session.confirmed(await session.callKw<{ res_model?: string }>('res.users.apikeys', 'remove', [ids]), password);
    },
  };
}

// ---------------------------------------------------------------- XML-RPC (18)

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function encode(value: unknown): string {
  if (value === null || value === undefined) return '<value><nil/></value>';
  if (typeof value === 'boolean') return `<value><boolean>${value ? 1 : 0}</boolean></value>`;
  if (typeof value === 'number') return Number.isInteger(value) ? `<value><int>${value}</int></value>` : `<value><double>${value}</double></value>`;
  if (typeof value === 'string') return `<value><string>${escapeXml(value)}</string></value>`;
  if (Array.isArray(value)) return `<value><array><data>${value.map(encode).join('')}</data></array></value>`;
  const members = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `<value><struct>${members.map(([k, v]) => `<member><name>${escapeXml(k)}</name>${encode(v)}</member>`).join('')}</struct></value>`;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

/** A tag or a text between tags of an XML-RPC answer. */
type Token = { tag: string; close: boolean; empty: boolean } | { text: string };

function tokenize(xml: string): Token[] {
  const tokens: Token[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([\w.]+)[^>]*?(\/?)>|([^<]+)/g)) {
    if (m[4] !== undefined) tokens.push({ text: m[4] });
    else tokens.push({ tag: m[2] as string, close: m[1] === '/', empty: m[3] === '/' });
  }
  return tokens;
}

/** Decodes XML-RPC values (the types Odoo sends) from a token stream. */
class Decoder {
  #at = 0;
  constructor(private readonly tokens: Token[]) {}

  #next(): Token {
    const token = this.tokens[this.#at++];
    if (!token) throw new Error('XML-RPC answer ended early');
    return token;
  }

  /** The next tag, skipping the whitespace between tags. */
  #tag(): { tag: string; close: boolean; empty: boolean } {
    for (;;) {
      const token = this.#next();
      if ('tag' in token) return token;
      if (token.text.trim()) throw new Error(`unexpected text in XML-RPC answer: ${token.text}`);
    }
  }

  #text(until: string): string {
    let text = '';
    for (let token = this.#next(); !('tag' in token && token.close && token.tag === until); token = this.#next()) {
      if ('text' in token) text += token.text;
    }
    return unescapeXml(text);
  }

  /** Opens tags until `tag`; true when it is self-closing. */
  open(tag: string): boolean {
    for (let t = this.#tag(); ; t = this.#tag()) if (t.tag === tag && !t.close) return t.empty;
  }

  value(): unknown {
    if (this.open('value')) return '';
    const first = this.#next();
    if ('text' in first) {
      const after = this.#next();
      if ('tag' in after && after.tag === 'value' && after.close) return unescapeXml(first.text);
      return this.#typed(after as { tag: string; empty: boolean });
    }
    if (first.close) return '';
    return this.#typed(first);
  }

  #typed(t: { tag: string; empty: boolean }): unknown {
    let result: unknown;
    if (t.empty) result = t.tag === 'nil' ? null : t.tag === 'array' ? [] : t.tag === 'struct' ? {} : '';
    else if (t.tag === 'array') {
      const items: unknown[] = [];
      if (!this.open('data')) {
        while (this.#peek() !== '/data') items.push(this.value());
        this.#tag(); // </data>
      }
      this.#tag(); // </array>
      result = items;
    } else if (t.tag === 'struct') {
      const record: Record<string, unknown> = {};
      for (let p = this.#peek(); p === 'member'; p = this.#peek()) {
        this.open('name');
        const name = this.#text('name');
        record[name] = this.value();
        this.#tag(); // </member>
      }
      this.#tag(); // </struct>
      result = record;
    } else {
      const text = this.#text(t.tag);
      result = ['int', 'i4', 'i8'].includes(t.tag) ? parseInt(text, 10) : t.tag === 'double' ? Number(text) : t.tag === 'boolean' ? text.trim() === '1' : t.tag === 'nil' ? null : text;
    }
    this.#tag(); // </value>
    return result;
  }

  /** The next tag's name without consuming it ("/data" for a closing tag). */
  #peek(): string {
    for (let i = this.#at; ; i += 1) {
      const token = this.tokens[i];
      if (!token) throw new Error('XML-RPC answer ended early');
      if ('tag' in token) return token.close ? `/${token.tag}` : token.tag;
    }
  }
}

async function xmlRpc(url: string, method: string, params: unknown[]): Promise<unknown> {
  const body = `<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params>${params.map((p) => `<param>${encode(p)}</param>`).join('')}</params></methodCall>`;
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body });
  const xml = await response.text();
  const decoder = new Decoder(tokenize(xml));
  if (xml.includes('<fault>')) {
    decoder.open('fault');
    const fault = decoder.value() as { faultString?: string };
    // Odoo 18 cannot marshal a button's None: the call succeeded.
    if (fault.faultString?.includes('cannot marshal None')) return null;
    throw new Error(fault.faultString ?? 'XML-RPC fault');
  }
  decoder.open('param');
  return decoder.value();
}

/** XML-RPC sends create's and write's values positionally (call_kw reads them from args). */
function positional(method: string, { ids, ...named }: Params): [unknown[], Record<string, unknown>] {
  const args: unknown[] = ids ? [ids] : [];
  if (method === 'create') {
    const { vals_list: values, ...rest } = named;
    return [[values], rest];
  }
  if (method === 'write') {
    const { vals: values, ...rest } = named;
    return [[...args, values], rest];
  }
  return [args, named];
}

async function xmlRpcUser(environment: HarnessEnvironment, role: Role): Promise<KeyedUser> {
  const { url, db } = environment.odoo;
  const { login, password } = credentialsOf(environment, role);
  const uid = (await xmlRpc(`${url}/xmlrpc/2/common`, 'authenticate', [db, login, password, {}])) as number | false;
  if (!uid) throw new Error(`Odoo refused the login of ${login}`);
  return {
    odoo: {
      login,
      uid,
      async call<T>(model: string, method: string, params: Params = {}): Promise<T> {
        const [args, kwargs] = positional(method, params);
        try {
          return (await xmlRpc(`${url}/xmlrpc/2/object`, 'execute_kw', [db, uid, password, model, method, args, kwargs])) as T;
        } catch (error) {
          throw new Error(`${login} ${model}.${method}: ${(error as Error).message}`);
        }
      },
    },
    revoke: async () => undefined,
  };
}

// ---------------------------------------------------------------- runs

/** The flow of one feature, with a client per user it acts as, and which of the modules it asked about are installed. */
export type Flow = (users: Record<Role, Odoo>, namespace: string, installed: ReadonlySet<string>) => Promise<void>;

/**
 * Runs a flow as a script: `npx tsx benchmarks/bare/<flow>.ts --env local-nokey`.
 * Prints, last, {"flow", "fixed": [start, end], "scenario": [start, end], "closing": [start, end]} in epoch ms.
 * The modules a flow depends on are read in the fixed part, as the harness reads a target's modules once at its start.
 */
export async function runFlow(name: string, roles: Role[], flow: Flow, dependsOnModules: string[] = []): Promise<void> {
  const { values } = parseArgs({ options: { env: { type: 'string', default: 'local-nokey' } } });
  const environment = loadEnvironment(values.env ?? 'local-nokey', { overrides: process.env }).environment;
  const namespace = `BARE-${Date.now().toString(36).toUpperCase()}`;
  const json2 = environment.odoo.rpc !== 'xmlrpc' && (await serverMajor(environment.odoo.url)) >= 19;
  const started = Date.now();
  const keyed: KeyedUser[] = [];
  const users = {} as Record<Role, Odoo>;
  for (const role of new Set<Role>(['ADMIN', ...roles])) {
    const user = json2 ? await json2User(environment, role, `uat-bare ${namespace}`) : await xmlRpcUser(environment, role);
    keyed.push(user);
    users[role] = user.odoo;
  }
  const installed = dependsOnModules.length ? await installedModules(users.ADMIN, dependsOnModules) : new Set<string>();
  const flowStarted = Date.now();
  let failure: unknown;
  try {
    await flow(users, namespace, installed);
  } catch (error) {
    failure = error;
  }
  const flowEnded = Date.now();
  for (const user of keyed) await user.revoke();
  console.log(JSON.stringify({ flow: name, transport: json2 ? 'json2' : 'xmlrpc', fixed: [started, flowStarted], scenario: [flowStarted, flowEnded], closing: [flowEnded, Date.now()], ok: !failure }));
  if (failure) {
    console.error(`${name}: ${(failure as Error).message}`);
    process.exitCode = 1;
  }
}

async function serverMajor(url: string): Promise<number> {
  const response = await postJson(`${url}/web/webclient/version_info`, { jsonrpc: '2.0', params: {} });
  const { result } = (await response.json()) as { result: { server_version_info: [number] } };
  return result.server_version_info[0];
}

// ---------------------------------------------------------------- shared steps

/** Which of these modules are installed: one read. */
async function installedModules(admin: Odoo, names: string[]): Promise<Set<string>> {
  const modules = await searchRead<{ name: string }>(admin, 'ir.module.module', [['name', 'in', names], ['state', '=', 'installed']], ['name']);
  return new Set(modules.map((m) => m.name));
}

export function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`check failed: ${what}`);
}

/** Creates one record; JSON-2 and XML-RPC both answer create with a list of ids. */
export async function create(odoo: Odoo, model: string, values: Record<string, unknown>, context?: Record<string, unknown>): Promise<number> {
  const ids = await odoo.call<number[] | number>(model, 'create', { vals_list: [values], ...(context ? { context } : {}) });
  return Array.isArray(ids) ? (ids[0] as number) : ids;
}

export function write(odoo: Odoo, model: string, ids: number[], vals: Record<string, unknown>): Promise<unknown> {
  return odoo.call(model, 'write', { ids, vals });
}

export function searchRead<T>(odoo: Odoo, model: string, domain: unknown[], fields: string[], extra: Params = {}): Promise<T[]> {
  return odoo.call<T[]>(model, 'search_read', { domain, fields, ...extra });
}

/** The storable product of a flow, with its stock in a location: two calls. */
export async function storableProduct(admin: Odoo, name: string, price: number, location: number, units: number, extra: Record<string, unknown> = {}): Promise<number> {
  const product = await create(admin, 'product.product', { name, type: 'consu', is_storable: true, list_price: price, invoice_policy: 'delivery', ...extra });
  if (units > 0) await create(admin, 'stock.quant', { product_id: product, location_id: location, inventory_quantity_auto_apply: units }, { inventory_mode: true });
  return product;
}

/** The main warehouse (first by id) and its stock location. */
export async function mainWarehouse(admin: Odoo): Promise<{ id: number; stock: number }> {
  const [warehouse] = await searchRead<{ id: number; lot_stock_id: [number, string] }>(admin, 'stock.warehouse', [], ['lot_stock_id'], { limit: 1, order: 'id' });
  if (!warehouse) throw new Error('no warehouse');
  return { id: warehouse.id, stock: warehouse.lot_stock_id[0] };
}

export interface Move {
  id: number;
  picking_id: [number, string];
  product_uom_qty: number;
}

/** The moves of an order's open delivery, in one read. */
export function openDeliveryMoves(odoo: Odoo, order: number): Promise<Move[]> {
  return searchRead<Move>(odoo, 'stock.move', [['picking_id.sale_id', '=', order], ['picking_code', '=', 'outgoing'], ['picking_id.state', 'not in', ['done', 'cancel']]], ['picking_id', 'product_uom_qty'], { order: 'id' });
}

/**
 * Does `quantity` of a transfer's one move (its demand when left out), validates
 * it and answers the questions Odoo asks (a backorder, stock_sms's text) as
 * the harness answers them: keep the rest as a backorder.
 */
export async function validate(odoo: Odoo, move: Move, quantity = move.product_uom_qty): Promise<void> {
  await write(odoo, 'stock.move', [move.id], { quantity, picked: true });
  let action = await odoo.call<{ res_model?: string; context?: Record<string, unknown> } | boolean | null>('stock.picking', 'button_validate', { ids: [move.picking_id[0]] });
  while (action && typeof action === 'object' && action.res_model) {
    const button = { 'stock.backorder.confirmation': 'process', 'confirm.stock.sms': 'send_sms' }[action.res_model];
    if (!button) throw new Error(`validation asked ${action.res_model}`);
    const wizard = await create(odoo, action.res_model, {}, action.context);
    action = await odoo.call(action.res_model, button, { ids: [wizard], ...(action.context ? { context: action.context } : {}) });
  }
}

/** Invoices what an order delivered through the invoicing wizard and posts it: three calls. */
export async function invoiceDelivered(odoo: Odoo, order: number): Promise<number> {
  const context = { active_model: 'sale.order', active_ids: [order], active_id: order };
  const wizard = await create(odoo, 'sale.advance.payment.inv', { advance_payment_method: 'delivered' }, context);
  const action = await odoo.call<{ res_id?: number } | null>('sale.advance.payment.inv', 'create_invoices', { ids: [wizard], context });
  // Over XML-RPC 18 cannot send this action (a None in it): the order's invoices say which it made (the flows invoice an order once).
  const invoice = action?.res_id ?? (await odoo.call<{ invoice_ids: number[] }[]>('sale.order', 'read', { ids: [order], fields: ['invoice_ids'] }))[0]?.invoice_ids.at(-1);
  if (!invoice) throw new Error('the invoicing wizard made no invoice');
  await odoo.call('account.move', 'action_post', { ids: [invoice] });
  return invoice;
}

/** The units of a posted invoice or credit note, and its journal (what a credit note of it needs): one read. */
export async function postedUnits(odoo: Odoo, move: number): Promise<{ units: number; journal: number }> {
  const lines = await searchRead<{ quantity: number; parent_state: string; journal_id: [number, string] }>(odoo, 'account.move.line', [['move_id', '=', move], ['display_type', '=', 'product']], ['quantity', 'parent_state', 'journal_id']);
  check(lines.length > 0 && lines.every((l) => l.parent_state === 'posted'), `move ${move} is posted`);
  return { units: lines.reduce((sum, l) => sum + l.quantity, 0), journal: (lines[0] as { journal_id: [number, string] }).journal_id[0] };
}

/** Delivered and still to deliver over an order's lines: one read. */
export async function expectOrderQuantities(odoo: Odoo, order: number, delivered: number, toDeliver: number): Promise<void> {
  const lines = await searchRead<{ product_uom_qty: number; qty_delivered: number }>(odoo, 'sale.order.line', [['order_id', '=', order], ['product_id', '!=', false]], ['product_uom_qty', 'qty_delivered']);
  const done = lines.reduce((s, l) => s + l.qty_delivered, 0);
  check(done === delivered && lines.reduce((s, l) => s + l.product_uom_qty, 0) - done === toDeliver, `order ${order}: ${delivered} delivered, ${toDeliver} to deliver`);
}

/** Takes back units of a done delivery through the return wizard and receives them: seven calls. */
export async function takeBack(warehouse: Odoo, delivery: number, units: number): Promise<number> {
  const context = { active_model: 'stock.picking', active_ids: [delivery], active_id: delivery };
  const wizard = await create(warehouse, 'stock.return.picking', {}, context);
  const lines = await searchRead<{ id: number }>(warehouse, 'stock.return.picking.line', [['wizard_id', '=', wizard]], ['id'], { context });
  await write(warehouse, 'stock.return.picking', [wizard], { product_return_moves: lines.map((l) => [1, l.id, { quantity: units }]) });
  const opened = await warehouse.call<{ res_id: number }>('stock.return.picking', 'action_create_returns', { ids: [wizard], context });
  const [move] = await searchRead<Move>(warehouse, 'stock.move', [['picking_id', '=', opened.res_id]], ['picking_id', 'product_uom_qty']);
  if (!move) throw new Error('the return has no move');
  await validate(warehouse, move, units);
  return opened.res_id;
}

/** Units of a product on hand in a warehouse's stock location and its children. */
export async function onHand(odoo: Odoo, product: number, location: number): Promise<number> {
  const quants = await searchRead<{ quantity: number }>(odoo, 'stock.quant', [['product_id', '=', product], ['location_id', 'child_of', location]], ['quantity']);
  return quants.reduce((sum, q) => sum + q.quantity, 0);
}
