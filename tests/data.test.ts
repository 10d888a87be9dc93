import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { DataFactory } from '../support/data/factory';
import { scenarioNamespace } from '../support/data/namespace';
import { cell, parseTable, TableError } from '../support/data/tables';

describe('scenario namespaces', () => {
  it('differ between runs and between scenarios, and are stable for the same pair', () => {
    const a = scenarioNamespace('20261126-220000-uat-ab12', 'wholesale order');
    assert.match(a, /^UAT-[A-Z0-9]{5}-[A-Z0-9]{4}$/);
    assert.equal(scenarioNamespace('20261126-220000-uat-ab12', 'wholesale order'), a);
    assert.notEqual(scenarioNamespace('20261126-220000-uat-cd34', 'wholesale order'), a);
    assert.notEqual(scenarioNamespace('20261126-220000-uat-ab12', 'credit hold'), a);
  });
});

describe('data factory', () => {
  it('gives the same data for the same seed and scenario, other data for another seed', () => {
    const first = new DataFactory('UAT-AAAAA-BBBB', 42, 'Wholesale order').customer('generated');
    const again = new DataFactory('UAT-AAAAA-BBBB', 42, 'Wholesale order').customer('generated');
    const other = new DataFactory('UAT-AAAAA-BBBB', 43, 'Wholesale order').customer('generated');
    assert.deepEqual(again, first);
    assert.notDeepEqual(other, first);
  });

  it('names every record with the namespace', () => {
    const factory = new DataFactory('UAT-AAAAA-BBBB', 1, 's');
    assert.equal(factory.named('Widget'), 'Widget [UAT-AAAAA-BBBB]');
    const customer = factory.customer('Acme Wholesale');
    assert.equal(customer.name, 'Acme Wholesale [UAT-AAAAA-BBBB]');
    assert.match(customer.email, /\.uat-aaaaa-bbbb@example\.com$/);
  });
});

describe('Gherkin tables', () => {
  const line = z.object({ product: cell.text, quantity: cell.wholeNumber, price: cell.amount.optional() });

  it('reads valid rows as typed values', () => {
    assert.deepEqual(parseTable([{ product: 'Widget', quantity: '10', price: '1,250.50' }], line, 'features/a.feature:7'), [
      { product: 'Widget', quantity: 10, price: 1250.5 },
    ]);
  });

  it('names the feature file, line, row and column of a bad cell', () => {
    assert.throws(
      () => parseTable([{ product: 'Widget', quantity: '10' }, { product: 'Gadget', quantity: 'ten' }], line, 'features/a.feature:7'),
      (error: unknown) => {
        assert.ok(error instanceof TableError);
        assert.equal(error.message, 'features/a.feature:7: table row 2, column "quantity" must be a whole number (got "ten")');
        return true;
      },
    );
    assert.throws(() => parseTable([{ quantity: '1' }], line, 'f.feature:3'), /f\.feature:3: table row 1, column "product" is missing/);
    assert.throws(() => parseTable([], line, 'f.feature:3'), /the table has no rows/);
  });
});
