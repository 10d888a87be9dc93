import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadEnvironment } from '../support/config/environment';
import { TestTargetRefused } from '../support/config/errors';
import { assertTestTarget } from '../support/config/test-target';
import { scratchDir, validEnvironment, writeEnvFile } from './support/files';

function environmentWith(testTarget: string) {
  const dir = scratchDir();
  writeEnvFile(dir, 'prod', { ...validEnvironment, UAT_TEST_TARGET: testTarget });
  return loadEnvironment('prod', { dir, root: dir }).environment;
}

describe('test-target guard', () => {
  it('lets a marked test target through', () => {
    assert.doesNotThrow(() => assertTestTarget(environmentWith('true')));
  });

  it('refuses an unmarked target, naming the file, the database, the URL and why', () => {
    assert.throws(
      () => assertTestTarget(environmentWith('false'), 'write to'),
      (error: unknown) => {
        assert.ok(error instanceof TestTargetRefused);
        assert.match(error.message, /^prod\.env: UAT_TEST_TARGET is not "true", so the harness refuses to write to database "uat19" at http:\/\/127\.0\.0\.1:8069: it could be production\./);
        return true;
      },
    );
  });
});
