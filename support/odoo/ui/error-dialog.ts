import type { Page } from '@playwright/test';
import { AccessDeniedError, BusinessRuleError, MissingRecordError, OdooServerError, type OdooError } from '../errors';
import { errorFromJson2 } from '../rpc/faults';
import type { RpcFailure } from './activity-tracker';

/** What the web client showed: an error dialog, or a red notification. */
export interface ShownError {
  kind: 'dialog' | 'notification';
  title: string;
  message: string;
}

/** The error dialog (UserError, ValidationError, AccessError, server error) and danger notifications. */
export const ERROR_DIALOG = '.modal .o_error_dialog';
export const DANGER_NOTIFICATION = '.o_notification:has(.bg-danger, .text-bg-danger, .border-danger)';

/**
 * Titles Odoo gives its error dialogs (web/core/errors/error_dialogs.js), in
 * English; used only when the RPC answer behind the dialog was not seen.
 */
const TITLE_TO_EXCEPTION: Record<string, string> = {
  'Invalid Operation': 'UserError',
  'Validation Error': 'ValidationError',
  Warning: 'UserError',
  'Access Error': 'AccessError',
  'Missing Record': 'MissingError',
};

/** Reads the error the page shows, if any. */
export async function readShownError(page: Page): Promise<ShownError | undefined> {
  // No named functions inside: the loader would add helpers the page does not have.
  return page.evaluate(
    ({ dialogSelector, notificationSelector }) => {
      const dialog = document.querySelector(dialogSelector);
      const notification = dialog ? null : document.querySelector(notificationSelector);
      const shown = dialog ?? notification;
      if (!shown) return undefined;
      const [title, message, whole] = [
        shown.querySelector(dialog ? '.modal-title' : '.o_notification_title'),
        shown.querySelector(dialog ? '.modal-body p, .modal-body' : '.o_notification_content'),
        shown,
      ].map((element) => (element as HTMLElement | null)?.innerText?.trim() ?? '');
      return { kind: dialog ? ('dialog' as const) : ('notification' as const), title: title ?? '', message: message || (dialog ? '' : whole ?? '') };
    },
    { dialogSelector: ERROR_DIALOG, notificationSelector: DANGER_NOTIFICATION },
  );
}

/** The JSON-RPC errors the page has received so far (newest last). */
export async function readRpcFailures(page: Page): Promise<RpcFailure[]> {
  return page.evaluate(() => (window as unknown as { __uatActivity?: { rpcFailures: RpcFailure[] } }).__uatActivity?.rpcFailures ?? []);
}

/** Forgets the RPC errors seen so far, so the next action's error is not confused with an old one. */
export async function forgetRpcFailures(page: Page): Promise<void> {
  await page.evaluate(() => {
    const activity = (window as unknown as { __uatActivity?: { rpcFailures: unknown[] } }).__uatActivity;
    if (activity) activity.rpcFailures = [];
  });
}

/**
 * Turns what the web client showed into the same typed error an RPC call
 * raises: a UserError dialog is a BusinessRuleError carrying Odoo's text. The
 * RPC answer behind the dialog names the exception; without it, the title does.
 */
export function errorFromShown(shown: ShownError, failures: readonly RpcFailure[], baseUrl: string, login: string): OdooError {
  const failure = [...failures].reverse().find((f) => sameText(f.message, shown.message)) ?? (shown.kind === 'dialog' ? failures.at(-1) : undefined);
  if (failure?.name) {
    const { model, method } = callOf(failure.url);
    return errorFromJson2(200, { name: failure.name, message: failure.message, debug: failure.debug }, { url: baseUrl, model, method, login });
  }
  if (shown.kind === 'notification') return new BusinessRuleError(joined(shown), 'ClientNotification');
  const exception = TITLE_TO_EXCEPTION[shown.title];
  switch (exception) {
    case 'UserError':
    case 'ValidationError':
      return new BusinessRuleError(shown.message, exception);
    case 'AccessError':
      return new AccessDeniedError(`user "${login}" was refused by Odoo: ${shown.message}`, shown.message, { user: login });
    case 'MissingError':
      return new MissingRecordError(shown.message);
    default:
      return new OdooServerError(`the web client showed "${shown.title}": ${shown.message}`, shown.title || 'Error');
  }
}

/** "/web/dataset/call_button/stock.picking/button_validate" → stock.picking, button_validate. */
function callOf(url: string): { model: string; method: string } {
  const match = /\/web\/dataset\/call_(?:kw|button)\/([\w.]+)\/(\w+)/.exec(url);
  return match ? { model: match[1] ?? '', method: match[2] ?? '' } : { model: 'web client', method: new URL(url, 'http://x').pathname };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const sameText = (a: string, b: string) => squash(a) === squash(b);
const joined = (shown: ShownError) => [shown.title.replace(/:\s*$/, ''), shown.message].filter(Boolean).join(': ');
