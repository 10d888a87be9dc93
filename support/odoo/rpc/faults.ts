import {
  AccessDeniedError,
  AuthenticationError,
  BusinessRuleError,
  MissingRecordError,
  OdooError,
  OdooServerError,
  TransportError,
} from '../errors';

/** Who called what, so an error can say it. */
export interface CallSite {
  url: string;
  model: string;
  method: string;
  login: string;
}

/** Odoo's /xmlrpc/2 fault codes (rpc/controllers/xmlrpc.py). */
const FAULT_APPLICATION = 1;
const FAULT_WARNING = 2; // UserError, ValidationError, MissingError, RedirectWarning
const FAULT_ACCESS_DENIED = 3;
const FAULT_ACCESS_ERROR = 4;

/** XML-RPC cannot send None; Odoo does the work, then fails to marshal the answer. */
export function isNoneMarshalFault(fault: { faultString?: string }): boolean {
  return /cannot marshal None unless allow_none is enabled/.test(fault.faultString ?? '');
}

/** Maps an /xmlrpc/2 fault to a typed error. */
export function errorFromXmlRpcFault(fault: { faultCode?: unknown; faultString?: string }, site: CallSite): OdooError {
  const text = (fault.faultString ?? '').trim();
  switch (fault.faultCode) {
    case FAULT_WARNING:
      return looksMissing(text) ? new MissingRecordError(text) : new BusinessRuleError(text, 'UserError');
    case FAULT_ACCESS_ERROR:
      return accessError(text, site);
    case FAULT_ACCESS_DENIED:
      return new AuthenticationError(
        `Odoo refused the credentials of "${site.login}" on ${site.url} (${text || 'Access Denied'})`,
        site.login,
      );
    case FAULT_APPLICATION:
    default:
      return serverError(lastTracebackLine(text), exceptionName(text), site, text);
  }
}

/** Maps a JSON-2 error body ({ name, message, debug }) and HTTP status to a typed error. */
export function errorFromJson2(status: number, body: unknown, site: CallSite): OdooError {
  const error = (body ?? {}) as { name?: string; message?: string; debug?: string };
  const name = error.name ?? '';
  const message = (error.message ?? '').trim();
  const short = name.split('.').pop() ?? name;
  switch (short) {
    case 'UserError':
    case 'ValidationError':
    case 'RedirectWarning':
      return new BusinessRuleError(message, short);
    case 'MissingError':
      return new MissingRecordError(message);
    case 'AccessError':
      return accessError(message, site);
    case 'AccessDenied':
    case 'SessionExpiredException':
      return new AuthenticationError(
        `Odoo refused the API key of "${site.login}" on ${site.url} (${message || short}): check ODOO_API_KEY`,
        site.login,
      );
  }
  if (status === 401) {
    return new AuthenticationError(`Odoo refused the API key of "${site.login}" on ${site.url} (${message || 'HTTP 401'}): check ODOO_API_KEY`, site.login);
  }
  if (status === 404 && !name) {
    return new TransportError(`${site.url} has no JSON-2 endpoint for ${site.model}.${site.method} (HTTP 404)`, site.url, status);
  }
  if (status === 404) return new OdooServerError(`${site.model}.${site.method}: ${message}`, short || 'NotFound', error.debug);
  return serverError(message || `HTTP ${status}`, short || `HTTP ${status}`, site, error.debug);
}

function looksMissing(text: string): boolean {
  return /Record does not exist or has been deleted/.test(text);
}

/** "You are not allowed to create 'Sales Order' (sale.order) records." names the operation and the model. */
function accessError(odooMessage: string, site: CallSite): AccessDeniedError {
  const match = /not allowed to (access|modify|create|delete) '[^']*' \(([\w.]+)\) records/.exec(odooMessage);
  // Field-level: 'You do not have enough rights to access the fields "credit_limit" on Contact (res.partner).'
  const fieldMatch = /access the fields? "([^"]+)" on [^(]*\(([\w.]+)\)/.exec(odooMessage);
  const operation = match?.[1] ?? (fieldMatch ? `read the field ${fieldMatch[1]} of` : site.method);
  const model = match?.[2] ?? fieldMatch?.[2] ?? site.model;
  const firstLine = odooMessage.split('\n')[0] ?? odooMessage;
  return new AccessDeniedError(
    `user "${site.login}" may not ${operation} ${model} (calling ${site.model}.${site.method}): ${firstLine}` +
      (odooMessage.includes('\n') ? `\n${odooMessage.split('\n').slice(1).join('\n').trim()}` : ''),
    odooMessage,
    { model, operation, user: site.login },
  );
}

function serverError(message: string, exception: string, site: CallSite, debug?: string): OdooServerError {
  return new OdooServerError(`${site.model}.${site.method} failed in Odoo: ${message}`, exception, debug);
}

/** A Python traceback ends with "ExceptionType: message". */
function lastTracebackLine(traceback: string): string {
  const lines = traceback.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? traceback;
}

function exceptionName(traceback: string): string {
  return /^([\w.]+)(?::|$)/.exec(lastTracebackLine(traceback))?.[1] ?? 'Exception';
}
