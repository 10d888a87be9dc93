import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from './support/cli';

/** tests/fixtures/features/check/<case>: one small feature folder per problem. */
const fixture = (name: string) => path.join('tests', 'fixtures', 'features', 'check', name);
const at = (name: string, file: string, line: number) => `${fixture(name)}/${file}:${line}: `;
const lines = (text: string) => text.trim().split('\n');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('uat check', { concurrency: true }, () => {
  it('passes a valid feature with a table step and an outline, counting each Examples row, exit 0', async () => {
    const result = await runCli(['check', fixture('valid')]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(lines(result.stdout), ['uat check: 1 feature, 4 scenarios, 0 problems']);
  });

  it('names the row\'s own line for "ten" in a quantity column', async () => {
    const result = await runCli(['check', fixture('table-cell')]);
    assert.equal(result.code, 4);
    assert.deepEqual(lines(result.stdout), [
      `${at('table-cell', 'quantity-ten.feature', 9)}table row 2, column "quantity" must be a whole number (got "ten")`,
      'uat check: 1 feature, 1 scenario, 1 problem',
    ]);
  });

  it('names an unknown column with the one probably meant', async () => {
    const result = await runCli(['check', fixture('table-column')]);
    assert.equal(result.code, 4);
    assert.match(result.stdout, new RegExp(`^${escape(at('table-column', 'misspelt-column.feature', 7))}unknown column "prise" \\(did you mean "price"\\?\\)`, 'm'));
  });

  it('names an unknown actor and lists the known ones', async () => {
    const result = await runCli(['check', fixture('unknown-actor')]);
    assert.equal(result.code, 4);
    const [problem] = lines(result.stdout);
    assert.ok(problem?.startsWith(`${at('unknown-actor', 'shop-manager.feature', 6)}unknown actor "the shop manager"`), problem);
    assert.match(problem ?? '', /known actors are .*the account manager.*the warehouse/);
  });

  it('gives a did-you-mean for a misspelt step', async () => {
    const result = await runCli(['check', fixture('misspelt-step')]);
    assert.equal(result.code, 4);
    assert.equal(
      lines(result.stdout)[0],
      `${at('misspelt-step', 'typo.feature', 6)}undefined step 'the warehouse shipps 6 units and keeps the rest as a backorder': did you mean "{actor} ships {int} units and keeps the rest as a backorder"?`,
    );
  });

  it('flags an id two scenarios share (in either file) and a scenario the feature-level id cannot name', async () => {
    const result = await runCli(['check', fixture('duplicate-ids')]);
    assert.equal(result.code, 4);
    const out = lines(result.stdout);
    assert.match(out[0] ?? '', new RegExp(`^${escape(at('duplicate-ids', 'first.feature', 5))}id UAT-CHK-050 .* is also the id of ${escape(fixture('duplicate-ids'))}/second\\.feature:5`));
    assert.match(out[1] ?? '', new RegExp(`^${escape(at('duplicate-ids', 'second.feature', 5))}id UAT-CHK-050 .* is also the id of ${escape(fixture('duplicate-ids'))}/first\\.feature:5`));
    assert.match(out[2] ?? '', new RegExp(`^${escape(at('duplicate-ids', 'second.feature', 8))}scenario ".*" has no @UAT- id tag .*the feature's @UAT-CHK-060 names its scenario only when it has one`));
    assert.equal(out.at(-1), 'uat check: 2 features, 3 scenarios, 3 problems');
  });

  it('flags an unknown owner with the one probably meant', async () => {
    const result = await runCli(['check', fixture('unknown-owner')]);
    assert.equal(result.code, 4);
    assert.match(result.stdout, new RegExp(`^${escape(at('unknown-owner', 'owner.feature', 1))}unknown owner "order-to-csh" in @owner:order-to-csh \\(did you mean @owner:order-to-cash\\?\\); known owners are order-to-cash, `, 'm'));
  });

  it('flags a table step without its table and a table after a step that takes none', async () => {
    const result = await runCli(['check', fixture('missing-table')]);
    assert.equal(result.code, 4);
    const out = lines(result.stdout);
    assert.match(out[0] ?? '', new RegExp(`^${escape(at('missing-table', 'no-table.feature', 5))}step .* takes a table with columns "product", "quantity" \\(and optionally "price", "discount"\\), but has none$`));
    assert.match(out[1] ?? '', new RegExp(`^${escape(at('missing-table', 'no-table.feature', 7))}step 'a customer "Acme Wholesale"' takes no table`));
  });

  it('reports a draft\'s (@wip) problems as warnings that do not fail', async () => {
    const result = await runCli(['check', fixture('draft')]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const out = lines(result.stdout);
    assert.ok(out.slice(0, -1).length >= 2 && out.slice(0, -1).every((line) => line.includes(': warning (draft): ')), result.stdout);
    assert.match(result.stdout, /draft\.feature:11: warning \(draft\): undefined step 'the account manager does something nobody has defined yet'/);
    assert.equal(out.at(-1), 'uat check: 1 feature, 2 scenarios (1 draft), 0 problems, 2 warnings in drafts');
  });

  it('reports every problem of several folders at once, then one summary line', async () => {
    const result = await runCli(['check', fixture('table-cell'), fixture('unknown-owner'), fixture('misspelt-step')]);
    assert.equal(result.code, 4);
    const out = lines(result.stdout);
    assert.equal(out.length, 4, result.stdout);
    assert.equal(out.at(-1), 'uat check: 3 features, 3 scenarios, 3 problems');
  });

  it('names a Gherkin syntax error with its file, line and column', async () => {
    const result = await runCli(['check', path.join('tests', 'fixtures', 'features', 'malformed.feature')]);
    assert.equal(result.code, 4);
    assert.match(result.stdout, /^tests\/fixtures\/features\/malformed\.feature:5: \(5:3\): expected: .*got 'This line is not a step'$/m);
  });

  it('exits 2 on a path that does not exist or a tag expression that does not parse', async () => {
    const missing = await runCli(['check', 'features/no-such.feature']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr.trim(), 'uat: features/no-such.feature: feature file not found');
    const tags = await runCli(['check', '--tags', '@a and', fixture('valid')]);
    assert.equal(tags.code, 2);
    assert.match(tags.stderr, /tag expression "@a and" is not valid/);
  });

  it('checks only the scenarios a tag expression selects', async () => {
    const result = await runCli(['check', '--tags', '@UAT-CHK-080', fixture('draft')]);
    assert.equal(result.code, 0);
    assert.deepEqual(lines(result.stdout), ['uat check: 1 feature, 1 scenario, 0 problems']);
  });
});
