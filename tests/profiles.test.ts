import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from '../support/config/errors';
import { combineTags, loadProfile, profilesFile } from '../support/config/profiles';
import { scratchDir } from './support/files';

function profilesWith(content: unknown): string {
  const file = path.join(scratchDir(), 'cucumber.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('profiles (cucumber.json)', () => {
  it('the project file has the default, smoke and rehearsal profiles', () => {
    for (const name of ['default', 'smoke', 'rehearsal']) {
      const profile = loadProfile(name, profilesFile());
      assert.equal(profile.name, name);
      assert.ok(profile.paths.length > 0);
      assert.ok(profile.formats.some((f) => f.kind === 'allure'), `${name} writes Allure results`);
      assert.ok(profile.formats.some((f) => f.kind === 'junit'), `${name} writes JUnit XML`);
    }
    assert.match(loadProfile('smoke', profilesFile()).tags ?? '', /@smoke/);
  });

  it('selects the named profile and parses its formats', () => {
    const file = profilesWith({
      default: { paths: ['features/**/*.feature'] },
      nightly: { paths: ['features/o2c'], tags: '@critical', format: ['allure', 'json:out/c.json', 'junit'], retries: 1, workers: 2 },
    });
    assert.deepEqual(loadProfile('nightly', file), {
      name: 'nightly',
      paths: ['features/o2c'],
      tags: '@critical',
      formats: [{ kind: 'allure' }, { kind: 'json', output: 'out/c.json' }, { kind: 'junit' }],
      retries: 1,
      workers: 2,
    });
    assert.deepEqual(loadProfile('default', file).formats, [{ kind: 'allure' }]);
  });

  it('names the missing profile and lists the ones there are', () => {
    const file = profilesWith({ default: { paths: ['f'] }, smoke: { paths: ['f'] } });
    assert.throws(() => loadProfile('nightly', file), /no profile "nightly" \(profiles: default, smoke\)/);
  });

  it('names the profile and key that are wrong', () => {
    const file = profilesWith({ bad: { paths: [], format: ['pdf:x.pdf'], colour: 'red' } });
    assert.throws(
      () => loadProfile('bad', file),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /profile "bad" paths must list at least one feature path/);
        assert.match(error.message, /profile "bad" format\.0 must start with one of allure, json, junit, html/);
        assert.match(error.message, /colour/);
        return true;
      },
    );
  });

  it('reports a file that is not JSON', () => {
    assert.throws(() => loadProfile('default', profilesWith('{ "default": ')), /cucumber\.json: not valid JSON/);
  });

  it('combines the profile tags with command-line tags', () => {
    assert.equal(combineTags('not @wip', '@smoke or @o2c'), '(not @wip) and (@smoke or @o2c)');
    assert.equal(combineTags(undefined, '@x'), '@x');
    assert.equal(combineTags(' ', undefined), undefined);
  });
});
