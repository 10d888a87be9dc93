/**
 * Benchmark (not a test): the cost of the harness's RPC client over a bare
 * XML-RPC loop, on the same fixed sequence of calls against a live Odoo.
 *
 *   npx tsx benchmarks/rpc-overhead.ts --env local [--rounds 50]
 *
 * Prints the time per call of each, their ratio, and the JSON-2 figure where
 * the environment has an API key on Odoo 19+.
 */
import { parseArgs } from 'node:util';
import xmlrpc from 'xmlrpc';
import { loadEnvironment, type HarnessEnvironment } from '../support/config/environment';
import { OdooGateway } from '../support/odoo/gateway';
import type { OdooClient } from '../support/odoo/rpc/client';

const { values } = parseArgs({ options: { env: { type: 'string', default: 'local' }, rounds: { type: 'string', default: '50' } } });
const rounds = Number(values.rounds);
const loaded = loadEnvironment(values.env ?? 'local', { overrides: process.env }).environment;

/** The fixed sequence: a search_read, a read of what it found, a search_count. */
const CALLS_PER_ROUND = 3;

async function throughClient(client: OdooClient): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < rounds; i += 1) {
    const partners = await client.searchRead<{ id: number }>('res.partner', [], ['name'], { limit: 5, order: 'id' });
    await client.read('res.partner', partners.map((p) => p.id), ['name', 'email']);
    await client.searchCount('res.partner', []);
  }
  return performance.now() - started;
}

async function bareXmlRpc(environment: HarnessEnvironment, uid: number): Promise<number> {
  const url = new URL(environment.odoo.url);
  const client = xmlrpc.createClient({ host: url.hostname, port: Number(url.port || 80), path: '/xmlrpc/2/object' });
  const call = (model: string, method: string, args: unknown[], kwargs: object) =>
    new Promise<unknown>((resolve, reject) =>
      client.methodCall('execute_kw', [environment.odoo.db, uid, environment.odoo.admin.password.reveal(), model, method, args, kwargs], (error, value) =>
        error ? reject(error) : resolve(value),
      ),
    );
  const started = performance.now();
  for (let i = 0; i < rounds; i += 1) {
    const partners = (await call('res.partner', 'search_read', [[]], { fields: ['name'], limit: 5, order: 'id' })) as { id: number }[];
    await call('res.partner', 'read', [partners.map((p) => p.id)], { fields: ['name', 'email'] });
    await call('res.partner', 'search_count', [[]], {});
  }
  return performance.now() - started;
}

const perCall = (ms: number) => ms / (rounds * CALLS_PER_ROUND);
const xmlGateway = await OdooGateway.connect({ ...loaded, odoo: { ...loaded.odoo, rpc: 'xmlrpc' } });
const uid = await xmlGateway.admin.uid();
await throughClient(xmlGateway.admin); // warm both paths up once
await bareXmlRpc(loaded, uid);
const bare = await bareXmlRpc(loaded, uid);
const viaClient = await throughClient(xmlGateway.admin);
console.log(`Odoo ${xmlGateway.capabilities.server.serverVersion}, ${rounds} rounds of ${CALLS_PER_ROUND} calls`);
console.log(`bare XML-RPC loop     ${perCall(bare).toFixed(2)} ms/call`);
console.log(`harness client (XML)  ${perCall(viaClient).toFixed(2)} ms/call  ratio ${(viaClient / bare).toFixed(3)}`);
if (xmlGateway.capabilities.profile.json2 && loaded.odoo.apiKey) {
  const jsonGateway = await OdooGateway.connect({ ...loaded, odoo: { ...loaded.odoo, rpc: 'json2' } });
  await throughClient(jsonGateway.admin);
  const json2 = await throughClient(jsonGateway.admin);
  console.log(`harness client (JSON-2) ${perCall(json2).toFixed(2)} ms/call  ratio to bare XML-RPC ${(json2 / bare).toFixed(3)}`);
}
