import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BusinessRuleError } from '../support/odoo/errors';
import { OdooClient } from '../support/odoo/rpc/client';
import { backoffMs, ContentionLog, isConcurrencyFailure } from '../support/odoo/rpc/contention';
import { errorFromJson2, errorFromXmlRpcFault } from '../support/odoo/rpc/faults';
import type { RpcCall, RpcTransport } from '../support/odoo/rpc/transport';

const site = { url: 'http://odoo.test', model: 'stock.picking', method: 'button_validate', login: 'uat.warehouse' };
// What Odoo answers once its own five tries of a concurrent update are used up (odoo/service/model.py `retrying`).
const json2Conflict = () => errorFromJson2(500, { name: 'psycopg2.errors.SerializationFailure', message: 'could not serialize access due to concurrent update' }, site);
const xmlRpcConflict = () =>
  errorFromXmlRpcFault({ faultCode: 1, faultString: 'Traceback (most recent call last):\n  File "odoo/service/model.py", line 156, in retrying\npsycopg2.errors.LockNotAvailable: could not obtain lock on row in relation "stock_quant"\n' }, site);

/** A transport that fails as scripted, then answers. */
function scripted(failures: (() => Error)[]): RpcTransport & { calls: RpcCall[] } {
  const calls: RpcCall[] = [];
  return {
    kind: 'json2',
    calls,
    authenticate: () => Promise.resolve(2),
    call(call) {
      calls.push(call);
      const failure = failures.shift();
      return failure ? Promise.reject(failure()) : Promise.resolve(true);
    },
  };
}

describe('waiting for other users of the database', () => {
  it("tells Odoo's concurrency failures from other errors, on JSON-2 and XML-RPC", () => {
    assert.ok(isConcurrencyFailure(json2Conflict()));
    assert.ok(isConcurrencyFailure(xmlRpcConflict()));
    assert.ok(!isConcurrencyFailure(errorFromJson2(500, { name: 'builtins.ValueError', message: 'Invalid field' }, site)));
    assert.ok(!isConcurrencyFailure(new BusinessRuleError("Job 'Payment: Post-process transactions' already executing", 'UserError')));
  });

  it('sends a call again after a concurrency failure, noting each wait, and gives up after three tries', async () => {
    const log = new ContentionLog();
    const transport = scripted([json2Conflict, xmlRpcConflict]);
    const client = new OdooClient({ transport, login: 'uat.warehouse', assertWritable: () => undefined, contention: log });
    assert.equal(await client.call('stock.picking', 'button_validate', { ids: [7] }), true);
    assert.equal(transport.calls.length, 3);
    const waits = log.take();
    assert.deepEqual(waits.map((w) => [w.what, w.reason.split('.').pop(), w.attempt]), [
      ['stock.picking.button_validate', 'SerializationFailure', 2],
      ['stock.picking.button_validate', 'LockNotAvailable', 3],
    ]);
    assert.deepEqual(log.take(), [], 'a scenario takes its waits, the next one starts afresh');

    const stubborn = scripted([json2Conflict, json2Conflict, json2Conflict, json2Conflict]);
    const giving = new OdooClient({ transport: stubborn, login: 'uat.warehouse', assertWritable: () => undefined, contention: log });
    await assert.rejects(giving.call('stock.picking', 'button_validate', { ids: [7] }), /could not serialize access/);
    assert.equal(stubborn.calls.length, 3);
  });

  it('does not send again what failed for another reason', async () => {
    const transport = scripted([() => new BusinessRuleError('The quantity is not available', 'UserError')]);
    const client = new OdooClient({ transport, login: 'uat.warehouse', assertWritable: () => undefined });
    await assert.rejects(client.call('stock.picking', 'button_validate', { ids: [7] }), BusinessRuleError);
    assert.equal(transport.calls.length, 1);
  });

  it('waits longer each time, within bounds, never in step with another run', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map((attempt) => backoffMs(attempt, () => 0.5)), [500, 1000, 2000, 4000, 4000]);
    assert.equal(backoffMs(1, () => 0), 375);
    assert.equal(backoffMs(1, () => 1), 625);
  });
});
