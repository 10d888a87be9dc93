import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AccessDeniedError, BusinessRuleError, MissingRecordError, OdooServerError } from '../support/odoo/errors';
import { errorFromShown } from '../support/odoo/ui/error-dialog';

const base = 'http://odoo.test';

describe('errors the web client shows, as typed errors', () => {
  it('names the exception from the RPC answer behind the dialog', () => {
    const error = errorFromShown(
      { kind: 'dialog', title: 'Validation Error', message: 'The end date must be after the start date.' },
      [{ url: '/web/dataset/call_kw/project.task/web_save', name: 'odoo.exceptions.ValidationError', message: 'The end date must be after the start date.', debug: '' }],
      base,
      'sam',
    );
    assert.ok(error instanceof BusinessRuleError);
    assert.equal(error.odooException, 'ValidationError');
  });

  it('names the model and the user of an access error from the failed call', () => {
    const error = errorFromShown(
      { kind: 'dialog', title: 'Access Error', message: "You are not allowed to access 'Sales Order' (sale.order) records." },
      [{ url: '/web/dataset/call_kw/sale.order/web_read', name: 'odoo.exceptions.AccessError', message: "You are not allowed to access 'Sales Order' (sale.order) records.", debug: '' }],
      base,
      'sam',
    );
    assert.ok(error instanceof AccessDeniedError);
    assert.deepEqual(error.details, { model: 'sale.order', operation: 'access', user: 'sam' });
  });

  it('falls back on the dialog title when the RPC answer was not seen', () => {
    const shown = (title: string) => errorFromShown({ kind: 'dialog', title, message: 'text' }, [], base, 'sam');
    assert.ok(shown('Invalid Operation') instanceof BusinessRuleError);
    assert.ok(shown('Missing Record') instanceof MissingRecordError);
    assert.ok(shown('Access Error') instanceof AccessDeniedError);
    assert.ok(shown('Odoo Server Error') instanceof OdooServerError);
  });

  it('treats a red notification ("Invalid fields") as a business-rule failure with its text', () => {
    const error = errorFromShown({ kind: 'notification', title: 'Invalid fields:', message: 'Customer' }, [], base, 'sam');
    assert.ok(error instanceof BusinessRuleError);
    assert.equal(error.odooMessage, 'Invalid fields: Customer');
  });
});
