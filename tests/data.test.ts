import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DataFactory } from '../support/data/factory';
import { scenarioNamespace } from '../support/data/namespace';
import { column, editDistance, nearest, optional, tableOf, TableError } from '../support/data/tables';

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

  it("gives each alias of a scenario a short code of its own, another scenario's aliases others", () => {
    const factory = new DataFactory('UAT-AAAAA-BBBB', 1, 's');
    const other = new DataFactory('UAT-AAAAA-CCCC', 1, 's');
    assert.match(factory.code('UAT Regional', 5), /^[A-Z0-9]{5}$/);
    assert.equal(factory.code('UAT Regional', 5), factory.code('UAT Regional', 5));
    assert.notEqual(factory.code('UAT Regional', 5), factory.code('UAT South', 5));
    assert.notEqual(factory.code('UAT Regional', 5), other.code('UAT Regional', 5));
  });
});

describe('Gherkin tables', () => {
  const lines = tableOf({ product: column.text(), quantity: column.wholeNumber(), price: optional(column.amount()), discount: optional(column.percent()) });
  const header = ['product', 'quantity', 'price'];

  it('describes its columns with their types, required or optional', () => {
    assert.deepEqual(lines.columns, [
      { name: 'product', type: 'text', required: true },
      { name: 'quantity', type: 'whole number, e.g. 4', required: true },
      { name: 'price', type: 'amount, e.g. 1,250.00', required: false },
      { name: 'discount', type: 'percentage, e.g. 10 or 12.5%', required: false },
    ]);
  });

  it('reads valid rows as typed values; an empty optional cell is left out', () => {
    assert.deepEqual(lines.parse([{ product: 'Widget', quantity: '10', price: '1,250.50' }, { product: 'Gadget', quantity: '2', price: '' }], 'features/a.feature:7'), [
      { product: 'Widget', quantity: 10, price: 1250.5 },
      { product: 'Gadget', quantity: 2 },
    ]);
  });

  it('names each problem at its own line: a bad cell at its row, a column at the header', () => {
    assert.deepEqual(lines.problems(header, [['Widget', '10', '5.00'], ['Gadget', 'ten', '']], [7, 8, 9]), [
      { line: 9, message: 'table row 2, column "quantity" must be a whole number (got "ten")' },
    ]);
    assert.deepEqual(lines.problems(['product', 'qantity'], [['Widget', '1']], [3, 4]), [
      { line: 3, message: 'unknown column "qantity" (did you mean "quantity"?); this step\'s columns are "product", "quantity", "price", "discount"' },
      { line: 3, message: 'the table has no column "quantity", which this step needs' },
    ]);
    assert.deepEqual(lines.problems(header, [], [3]), [{ line: 3, message: 'the table has no rows under its header' }]);
  });

  it('refuses a table that does not fit when the step runs, naming the step and every problem', () => {
    assert.throws(
      () => lines.parse([{ product: 'Widget', quantity: '10' }, { product: 'Gadget', quantity: 'ten' }], 'features/a.feature:7'),
      (error: unknown) => {
        assert.ok(error instanceof TableError);
        assert.equal(error.message, 'features/a.feature:7: table row 2, column "quantity" must be a whole number (got "ten")');
        return true;
      },
    );
    assert.throws(() => lines.parse([{ product: 'Widget', quantity: '1', discount: '120' }], 'f.feature:3'), /f\.feature:3: table row 1, column "discount" must be at most 100%/);
    assert.throws(() => lines.parse([], 'f.feature:3'), /the table has no rows/);
  });

  it('finds the word nearest a typo, and none when nothing is near', () => {
    assert.equal(nearest('prise', ['product', 'quantity', 'price']), 'price');
    assert.equal(nearest('colour', ['product', 'quantity', 'price']), undefined);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });
});
