import { HarnessError } from '../config/errors';

/**
 * What can go wrong when talking to Odoo, as types a step can tell apart.
 * Each message is Odoo's own words plus what a person needs to act on it.
 */
export class OdooError extends HarnessError {}

/** Odoo could not be reached or answered with something that is not Odoo's RPC. */
export class TransportError extends OdooError {
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
  ) {
    super(message, 3);
  }
}

/** The login or password (or API key) was refused. */
export class AuthenticationError extends OdooError {
  constructor(
    message: string,
    readonly login: string,
  ) {
    super(message);
  }
}

/** A UserError, ValidationError or RedirectWarning: the business rule Odoo enforced, in its words. */
export class BusinessRuleError extends OdooError {
  constructor(
    readonly odooMessage: string,
    readonly odooException: string,
  ) {
    super(odooMessage, 1);
  }
}

/** The user lacks a right. The message names the model, the operation and the user where Odoo says them. */
export class AccessDeniedError extends OdooError {
  constructor(
    message: string,
    readonly odooMessage: string,
    readonly details: { model?: string; operation?: string; user?: string },
  ) {
    super(message, 1);
  }
}

/** A record that does not exist (any more), or that the user cannot see. */
export class MissingRecordError extends OdooError {
  constructor(readonly odooMessage: string) {
    super(odooMessage, 1);
  }
}

/** Any other server-side failure: Odoo's exception and the first line of its message. */
export class OdooServerError extends OdooError {
  constructor(
    message: string,
    readonly odooException: string,
    readonly debug?: string,
  ) {
    super(message, 1);
  }
}
