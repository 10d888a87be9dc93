import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HarnessEnvironment } from '../support/config/environment';
import type { Capabilities } from '../support/odoo/capabilities';
import { versionProfile } from '../support/odoo/version-profile';
import { CHECKPOINT_CASES } from './support/check-flows';
import { notesFrom, rpcWorld } from './support/offline-world';
import { ReplayTransport } from './support/recorded-calls';
import { checkRecordings } from './support/recorded-checks';

/**
 * Each business check against Odoo's answers recorded live
 * (tests/recorder/record-checks.ts): it passes where Odoo shows what its
 * sentence says, and fails naming expected and actual where Odoo disagrees.
 */
const environment = { name: 'recorded', file: 'recorded.env', odoo: { url: 'http://odoo.invalid', db: 'recorded', admin: { login: 'admin' } } } as unknown as HarnessEnvironment;

for (const { file, recording } of checkRecordings()) {
  const major = Number.parseInt(recording.server, 10);
  const capabilities = { server: { major }, modules: new Set(), edition: 'community', profile: versionProfile(major) } as unknown as Capabilities;
  describe(`scenario checks against Odoo ${recording.server} (${file})`, () => {
    for (const checkpoint of recording.checkpoints) {
        it(`${checkpoint.flow}: ${checkpoint.name}`, async () => {
          const cases = CHECKPOINT_CASES[checkpoint.name] ?? [];
          assert.deepEqual(cases.map((c) => c.name), Object.keys(checkpoint.outcomes), 'the recording has every check of the checkpoint (else re-record)');
          for (const check of cases) {
            const world = rpcWorld(new ReplayTransport(checkpoint.calls), environment, capabilities, notesFrom(checkpoint.notes));
            const outcome = await check.check(world).then(
              () => 'passed',
              (error: Error) => error.message,
            );
            if (check.fails) assert.match(outcome, check.fails, `${check.name} should fail`);
            else assert.equal(outcome, 'passed', `${check.name} should pass`);
            assert.equal(outcome, checkpoint.outcomes[check.name], `${check.name} says what it said on the live Odoo`);
          }
        });
    }
  });
}

