/**
 * Records what Odoo answers to the scenario checks, for the tests that show
 * each check failing when Odoo disagrees: runs the flows of
 * tests/support/check-flows.ts live through the real scenario tasks (rpc
 * mode, every role as the set-up user), and at each checkpoint keeps the
 * calls its checks make, with Odoo's answers and each check's outcome.
 *
 *   npx tsx tests/recorder/record-checks.ts --env local
 *
 * Not part of `npm test`: CI has no Odoo. Re-record when a check changes what it reads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnvironment } from '../../support/config/environment';
import { projectRoot } from '../../support/config/sources';
import { OdooGateway } from '../../support/odoo/gateway';
import { Json2Transport } from '../../support/odoo/rpc/json2-transport';
import { XmlRpcTransport } from '../../support/odoo/rpc/xmlrpc-transport';
import { ScenarioNotes } from '../../support/scenario-notes';
import { CHECK_FLOWS, CHECKPOINT_CASES } from '../support/check-flows';
import { rpcWorld, snapshotNotes } from '../support/offline-world';
import { RecordingTransport } from '../support/recorded-calls';
import type { RecordedCheckpoint } from '../support/recorded-checks';

const { values } = parseArgs({ options: { env: { type: 'string', default: 'local' } } });
const { environment } = loadEnvironment(values.env ?? 'local', { overrides: process.env });
const gateway = await OdooGateway.connect(environment);
const { url, db, timeoutMs } = environment.odoo;
const { login, password } = environment.odoo.admin;
const inner = gateway.admin.transport === 'json2' && environment.odoo.apiKey
  ? new Json2Transport({ url, db, login, apiKey: environment.odoo.apiKey, timeoutMs })
  : new XmlRpcTransport({ url, db, login, password, timeoutMs });
const transport = new RecordingTransport(inner);
const checkpoints: RecordedCheckpoint[] = [];
let problems = 0;

for (const flow of CHECK_FLOWS) {
  const notes = new ScenarioNotes();
  const world = rpcWorld(transport, environment, gateway.capabilities, notes, `UAT-REC${Date.now().toString(36).slice(-2).toUpperCase()}-${checkpoints.length}`);
  await flow.run(world, async (checkpoint) => {
    // A fresh client, so the checks ask what a replay will ask (fields_get included).
    const checking = rpcWorld(transport, environment, gateway.capabilities, notes);
    transport.calls = [];
    transport.recording = true;
    const outcomes: Record<string, string> = {};
    const cases = CHECKPOINT_CASES[checkpoint.name] ?? [];
    for (const check of cases) {
      try {
        await check.check(checking);
        outcomes[check.name] = 'passed';
      } catch (error) {
        outcomes[check.name] = (error as Error).message;
      }
      const seen = outcomes[check.name] as string;
      const asExpected = check.fails ? check.fails.test(seen) : seen === 'passed';
      if (!asExpected) {
        problems += 1;
        console.error(`${flow.name} / ${checkpoint.name} / ${check.name}: ${check.fails ? `expected a failure matching ${check.fails}` : 'expected a pass'}, got: ${seen}`);
      }
    }
    transport.recording = false;
    checkpoints.push({ flow: flow.name, name: checkpoint.name, notes: snapshotNotes(notes, checkpoint.products, checkpoint.customers, checkpoint.records), calls: transport.calls, outcomes });
    console.log(`${flow.name} / ${checkpoint.name}: ${transport.calls.length} calls, ${cases.length} checks`);
  });
}

const dir = path.join(projectRoot, 'tests', 'recorded', 'checks');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `odoo${gateway.capabilities.server.major}-${inner.kind}.json`);
writeFileSync(file, JSON.stringify({ server: gateway.capabilities.server.serverVersion, recordedAt: new Date().toISOString(), checkpoints }, null, 1) + '\n');
console.log(`recorded ${checkpoints.length} checkpoints into ${path.relative(process.cwd(), file)}${problems ? `; ${problems} checks did not behave as expected (see above)` : ''}`);
process.exitCode = problems ? 1 : 0;
