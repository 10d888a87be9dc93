/**
 * Records real Odoo answers for the transport tests: runs a fixed sequence of
 * calls through the gateway against a live Odoo, via a local proxy that
 * keeps every request/answer pair (secrets replaced by a placeholder).
 *
 *   npx tsx tests/recorder/record-rpc.ts --env local [--exercise gateway|doctor|apikeys]
 *   (ODOO_RPC in the environment decides the transport)
 *
 * Not part of `npm test`: CI has no Odoo. Re-record when Odoo changes.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnvironment } from '../../support/config/environment';
import { projectRoot } from '../../support/config/sources';
import { needsOfFeatureFiles } from '../../support/features/feature-needs';
import { featureFiles } from '../../support/features/requirements';
import { examineTarget } from '../../support/odoo/doctor';
import { OdooGateway } from '../../support/odoo/gateway';
import { provisionedPassword, provisionRoleUser, ROLE_DEFINITIONS } from '../../support/odoo/roles';
import { exerciseApiKeys } from '../support/exercise-api-keys';
import { exerciseGateway } from '../support/exercise-gateway';
import { normaliseBody, type Exchange } from '../support/exchanges';

const { values } = parseArgs({ options: { env: { type: 'string', default: 'local' }, exercise: { type: 'string', default: 'gateway' } } });
if (!['gateway', 'doctor', 'apikeys'].includes(values.exercise ?? '')) throw new Error('--exercise must be gateway, doctor or apikeys');
const { environment } = loadEnvironment(values.env ?? 'local', { overrides: process.env });
const target = environment.odoo.url;
const secrets = [
  environment.odoo.admin.password.reveal(),
  environment.odoo.apiKey?.reveal() ?? '',
  ...Object.values(environment.roles).map((r) => r.password.reveal()),
  ...Object.keys(ROLE_DEFINITIONS).map((role) => provisionedPassword(environment, role).reveal()),
];

let label = 'start';
const exchanges: Exchange[] = [];
const proxy = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', async () => {
    const headers = Object.fromEntries(
      // The web session's cookie passes through (key making needs it) but is not recorded.
      Object.entries(req.headers).filter(([k]) => ['content-type', 'authorization', 'x-odoo-database', 'cookie'].includes(k)),
    ) as Record<string, string>;
    const answer = await fetch(`${target}${req.url}`, { method: req.method ?? 'POST', headers, body });
    const text = await answer.text();
    // A key Odoo makes (the harness's own, for JSON-2) is a secret from the moment it is shown.
    for (const [, key] of text.matchAll(/"default_key":\s*"([^"]+)"/g)) secrets.push(key as string);
    const contentType = answer.headers.get('content-type') ?? '';
    exchanges.push({
      label,
      request: { path: req.url ?? '/', body: normaliseBody(body, secrets) },
      // Odoo never sends a password back, but it shows a key it makes: that is replaced like a password.
      response: { status: answer.status, contentType, body: normaliseBody(text, secrets) },
    });
    const cookie = answer.headers.get('set-cookie');
    res.writeHead(answer.status, { 'Content-Type': contentType, ...(cookie ? { 'Set-Cookie': cookie } : {}) });
    res.end(text);
  });
});
await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const proxied = { ...environment, odoo: { ...environment.odoo, url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` } };

// Provision the restricted role directly (not through the proxy): it is set-up, not a recorded exchange.
const direct = await OdooGateway.connect({ ...environment, provisionRoles: true });
await provisionRoleUser(direct.admin, direct.capabilities, { ...environment, provisionRoles: true }, 'SALES');

const namespace = `REC${Date.now().toString(36)}`;
if (values.exercise === 'doctor') {
  label = 'doctor';
  await examineTarget({ ...proxied, provisionRoles: true }, await needsOfFeatureFiles(featureFiles()));
} else if (values.exercise === 'apikeys') {
  await exerciseApiKeys(proxied, (next) => (label = next));
} else {
  const gateway = await OdooGateway.connect({ ...proxied, provisionRoles: true });
  await exerciseGateway(gateway, (next) => (label = next), namespace);
}
proxy.close();

const server = direct.capabilities.server.serverSerie;
const transport = direct.admin.transport;
const dir = path.join(projectRoot, 'tests', 'recorded', 'rpc');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${values.exercise === 'gateway' ? '' : `${values.exercise}-`}odoo${server.split('.')[0]}-${transport}.json`);
writeFileSync(file, JSON.stringify({ server: direct.capabilities.server.serverVersion, db: environment.odoo.db, transport, namespace, recordedAt: new Date().toISOString(), exchanges }, null, 1) + '\n');
console.log(`recorded ${exchanges.length} exchanges into ${path.relative(process.cwd(), file)}`);
