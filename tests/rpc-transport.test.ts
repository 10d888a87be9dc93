import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Secret } from '../support/config/secret';
import { AccessDeniedError, AuthenticationError, TransportError } from '../support/odoo/errors';
import { errorFromJson2 } from '../support/odoo/rpc/faults';
import { Json2Transport } from '../support/odoo/rpc/json2-transport';
import { withoutUndefined } from '../support/odoo/rpc/transport';
import { XmlRpcTransport } from '../support/odoo/rpc/xmlrpc-transport';
import { startFakeOdoo } from './support/fake-odoo';

describe('RPC transports on a bad connection', () => {
  let silent: Server;
  let silentUrl: string;
  const sockets: Socket[] = [];
  before(async () => {
    silent = createServer((socket) => sockets.push(socket)); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
  });
  after(() => {
    for (const socket of sockets) socket.destroy();
    silent.close();
  });

  it('XML-RPC gives up after its time limit, naming the call and the URL', async () => {
    const transport = new XmlRpcTransport({ url: silentUrl, db: 'db', login: 'admin', password: new Secret('pw'), timeoutMs: 300 });
    await assert.rejects(transport.authenticate(), (error: unknown) => {
      assert.ok(error instanceof TransportError);
      assert.equal(error.message, `res.users.authenticate got no answer from ${silentUrl} within 0.3 s`);
      return true;
    });
  });

  it('JSON-2 gives up after its time limit, naming the URL', async () => {
    const transport = new Json2Transport({ url: silentUrl, db: 'db', login: 'admin', apiKey: new Secret('k'), timeoutMs: 300 });
    await assert.rejects(transport.call({ model: 'res.partner', method: 'search', kwargs: { domain: [] } }), {
      message: `Odoo is not reachable over JSON-2 at ${silentUrl}: no answer within 0.3 s`,
    });
  });

  it('says the answer is not XML-RPC when a web page comes back', async () => {
    const page = await startFakeOdoo(() => ({ status: 404, contentType: 'text/html', body: '<!DOCTYPE html><html><body>Not Found</body></html>' }));
    try {
      const transport = new XmlRpcTransport({ url: page.url, db: 'db', login: 'admin', password: new Secret('pw'), timeoutMs: 2000 });
      await assert.rejects(transport.authenticate(), (error: unknown) => {
        assert.ok(error instanceof TransportError, String(error));
        assert.match(error.message, /not XML-RPC|not reachable over XML-RPC/);
        return true;
      });
    } finally {
      await page.close();
    }
  });
});

describe('JSON-2 requests', () => {
  it('sends the API key as a bearer token, the database, and named arguments', async () => {
    const odoo = await startFakeOdoo(() => ({ body: '[1]' }));
    try {
      const transport = new Json2Transport({ url: odoo.url, db: 'uat19', login: 'admin', apiKey: new Secret('the-key'), timeoutMs: 2000 });
      await transport.call({ model: 'sale.order', method: 'write', ids: [7], kwargs: { vals: { note: undefined, client_order_ref: 'PO-1' } }, context: { lang: 'en_US' } });
      const [request] = odoo.requests;
      assert.equal(request?.path, '/json/2/sale.order/write');
      assert.equal(request?.headers.authorization, 'bearer the-key');
      assert.equal(request?.headers['x-odoo-database'], 'uat19');
      assert.deepEqual(JSON.parse(request?.body ?? ''), { vals: { client_order_ref: 'PO-1' }, ids: [7], context: { lang: 'en_US' } });
    } finally {
      await odoo.close();
    }
  });

  it('reports a refused key as an authentication error that does not show the key', async () => {
    const odoo = await startFakeOdoo(() => ({ status: 401, body: JSON.stringify({ name: 'werkzeug.exceptions.Unauthorized', message: 'Invalid apikey' }) }));
    try {
      const transport = new Json2Transport({ url: odoo.url, db: 'uat19', login: 'sam', apiKey: new Secret('leaky-key'), timeoutMs: 2000 });
      await assert.rejects(transport.call({ model: 'res.users', method: 'context_get' }), (error: unknown) => {
        assert.ok(error instanceof AuthenticationError);
        assert.match(error.message, /API key of "sam"/);
        assert.doesNotMatch(error.message, /leaky-key/);
        return true;
      });
    } finally {
      await odoo.close();
    }
  });
});

describe('withoutUndefined', () => {
  it('drops undefined at any depth and keeps false, null, 0 and empty strings', () => {
    assert.deepEqual(withoutUndefined({ a: undefined, b: false, c: null, d: 0, e: '', f: [1, undefined, { g: undefined, h: 2 }] }), {
      b: false,
      c: null,
      d: 0,
      e: '',
      f: [1, { h: 2 }],
    });
  });
});

describe('access errors', () => {
  it('name the field, the model and the user when a field is out of a role\'s reach (message as Odoo 18 sent it)', () => {
    const odooMessage =
      'You do not have enough rights to access the fields "credit_limit" on Contact (res.partner). Please contact your system administrator.\n\n' +
      "Operation: read\nUser: 6\nFields:\n- credit_limit (allowed for groups 'Technical / Show Accounting Features - Readonly', 'Invoicing / Invoicing')";
    const error = errorFromJson2(403, { name: 'odoo.exceptions.AccessError', message: odooMessage }, { url: 'http://odoo', model: 'sale.order', method: 'web_read', login: 'sam' });
    assert.ok(error instanceof AccessDeniedError);
    assert.deepEqual(error.details, { model: 'res.partner', operation: 'read the field credit_limit of', user: 'sam' });
    assert.match(error.message, /^user "sam" may not read the field credit_limit of res\.partner \(calling sale\.order\.web_read\)/);
    assert.match(error.message, /allowed for groups 'Technical \/ Show Accounting Features - Readonly'/);
  });
});
