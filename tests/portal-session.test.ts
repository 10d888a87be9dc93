import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { projectRoot } from '../support/config/sources';
import { Secret } from '../support/config/secret';
import { portalSessionActs } from '../support/odoo/acts/portal-session-acts';
import { AuthenticationError, BusinessRuleError } from '../support/odoo/errors';
import { PortalSession } from '../support/odoo/portal/portal-session';

const page = (name: string) => readFileSync(path.join(projectRoot, 'tests', 'fixtures', 'portal', 'odoo19', `${name}.html`), 'utf8');
const LINK = '/my/orders/3?access_token=00000000-0000-4000-8000-000000000000';
const QUOTATION = { model: 'sale.order', id: 3, name: 'S00003' };
const OTHERS_ORDER = { model: 'sale.order', id: 4, name: 'S00004' };

interface Seen {
  method: string;
  path: string;
  cookie: string | undefined;
  body: string;
}

interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

const json = (result: unknown): Answer => ({ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: null, result }) });

/**
 * A portal as Odoo 19 answered the buyer's session (its pages from the
 * fixtures): the login rotates the session, a page of another customer's
 * order redirects to /my, the payment status says "retry" once before done.
 */
function fakePortal(password: string) {
  const seen: Seen[] = [];
  let polls = 0;
  const answer = (method: string, url: string, body: string, headers: IncomingHttpHeaders): Answer => {
    const signedIn = headers.cookie === 'session_id=after-login';
    if (url === '/web/login' && method === 'GET') return { headers: { 'Set-Cookie': 'session_id=visitor; Path=/; HttpOnly' }, body: page('login') };
    if (url === '/web/login') {
      const form = new URLSearchParams(body);
      if (form.get('password') !== password || form.get('csrf_token') !== 'fixture-csrf-token') return { body: page('login-refused') };
      return { status: 303, headers: { Location: '/my', 'Set-Cookie': 'session_id=after-login; Path=/; HttpOnly' } };
    }
    if (!signedIn) return { status: 303, headers: { Location: '/web/login' } };
    if (url === '/my') return { body: '<html><body>my account</body></html>' };
    if (url === '/my/quotes') return { body: page('quotes') };
    if (url === '/my/orders') return { body: page('orders') };
    if (url === LINK) return { body: page('signed') };
    if (url === '/my/orders/4') return { status: 303, headers: { Location: '/my' } };
    if (url === '/my/orders/3/transaction?access_token=00000000-0000-4000-8000-000000000000') return json({ reference: 'S00003', state: 'draft' });
    if (url === '/payment/demo/simulate_payment') return json(null);
    if (url === '/payment/status') return { body: '<html>processing</html>' };
    if (url === '/payment/status/poll') {
      polls += 1;
      if (polls === 1) return { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', error: { message: 'Odoo Server Error', data: { name: 'builtins.Exception', message: 'retry' } } }) };
      return json({ provider_code: 'demo', state: 'done', landing_route: LINK });
    }
    if (url === '/web/session/destroy') return json(null);
    if (url === '/my/orders/3/accept?access_token=00000000-0000-4000-8000-000000000000') {
      return { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', error: { message: 'Odoo Server Error', data: { name: 'odoo.exceptions.UserError', message: 'The order is not in a state requiring customer signature.' } } }) };
    }
    return { status: 404, body: `no ${url}` };
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? 'GET', path: req.url ?? '/', cookie: req.headers.cookie, body });
      const { status = 200, headers = { 'Content-Type': 'text/html' }, body: text = '' } = answer(req.method ?? 'GET', req.url ?? '/', body, req.headers);
      res.writeHead(status, headers);
      res.end(text);
    });
  });
  return { server, seen };
}

describe("the buyer's portal session (rpc mode)", () => {
  const password = 'Uat-portal-secret';
  const { server, seen } = fakePortal(password);
  let url = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const credentials = (secret: string) => ({ login: 'uat.portal.test@harness.invalid', password: new Secret(secret) });

  it("logs in through /web/login with the form's CSRF token, then acts with the session Odoo gave at login", async () => {
    const session = await PortalSession.logIn(url, credentials(password), 5_000);
    const login = seen.find((s) => s.method === 'POST' && s.path === '/web/login');
    assert.equal(login?.cookie, 'session_id=visitor');
    assert.equal(new URLSearchParams(login?.body).get('csrf_token'), 'fixture-csrf-token');
    const quotes = await session.page('/my/quotes');
    assert.equal(quotes.status, 200);
    assert.equal(seen.at(-1)?.cookie, 'session_id=after-login');
  });

  it("names the login and the page's reason when Odoo refuses it", async () => {
    await assert.rejects(PortalSession.logIn(url, credentials('wrong'), 5_000), (error: unknown) => {
      assert.ok(error instanceof AuthenticationError);
      assert.match(error.message, /refused the portal login of "uat\.portal\.test@harness\.invalid" at .*\/web\/login \(Wrong login\/password\)/);
      assert.doesNotMatch(error.message, /wrong/);
      return true;
    });
  });

  it('pays as the payment form does: its amount, routes and demo option, then waits out a "retry" of the status', async () => {
    const acts = portalSessionActs(await PortalSession.logIn(url, credentials(password), 5_000));
    await assert.rejects(acts.payOnline(QUOTATION), /has not opened S00003 in the portal: open the quotation first/);
    await acts.openQuotation(QUOTATION);
    await acts.payOnline(QUOTATION);
    const transaction = seen.find((s) => s.path.startsWith('/my/orders/3/transaction'));
    assert.deepEqual(JSON.parse(transaction?.body ?? '{}').params, {
      provider_id: 6,
      payment_method_id: 223,
      token_id: null,
      amount: 230,
      flow: 'direct',
      tokenization_requested: false,
      landing_route: LINK,
      is_validation: false,
      access_token: '00000000-0000-4000-8000-000000000000',
      csrf_token: 'fixture-csrf-token',
    });
    const simulated = seen.find((s) => s.path === '/payment/demo/simulate_payment');
    assert.deepEqual(JSON.parse(simulated?.body ?? '{}').params, { reference: 'S00003', payment_details: '4242', simulated_state: 'done' });
    assert.equal(seen.filter((s) => s.path === '/payment/status/poll').length, 2);
    assert.equal(seen.at(-1)?.path, LINK, 'lands back on the order');
  });

  it("finds another customer's order refused (redirected to /my), not shown and not listed", async () => {
    const acts = portalSessionActs(await PortalSession.logIn(url, credentials(password), 5_000));
    assert.deepEqual(await acts.tryToOpen(OTHERS_ORDER), { status: 200, path: '/my', showsDocument: false, listed: false });
  });

  it("turns a JSON route's error into Odoo's words without the document's access token, and ends the session on the server", async () => {
    const session = await PortalSession.logIn(url, credentials(password), 5_000);
    await assert.rejects(session.jsonRoute('/my/orders/3/accept?access_token=00000000-0000-4000-8000-000000000000', {}), (error: unknown) => {
      assert.ok(error instanceof BusinessRuleError);
      assert.equal(error.odooException, 'odoo.exceptions.UserError');
      assert.match(error.message, /accept.* failed in Odoo for "uat\.portal\.test@harness\.invalid": The order is not in a state requiring customer signature\./);
      assert.match(error.message, /access_token=\[redacted\]/);
      assert.doesNotMatch(error.message, /00000000-0000-4000-8000-000000000000/, 'the access token opens the document: not in a message');
      return true;
    });
    await session.logOut();
    assert.equal(seen.at(-1)?.path, '/web/session/destroy');
    const after = await session.page('/my/quotes');
    assert.equal(after.path, '/web/login', 'without its cookie the session is a visitor again');
  });
});
