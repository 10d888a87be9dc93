/**
 * What runs inside every page the harness opens (installed with
 * BrowserContext.addInitScript, before Odoo's own scripts): it counts the
 * XHR and fetch requests in flight and remembers the errors Odoo's JSON-RPC
 * answered with, so the driver can wait for "idle" and name the exception
 * behind an error dialog.
 *
 * Plain JavaScript in a string on purpose: a TypeScript function would be
 * rewritten by the loader (tsx adds `__name(...)` helpers that do not exist in
 * the page), and this must run the same under tsx and Playwright's loader.
 */
export const ACTIVITY_TRACKER_SCRIPT = String.raw`(() => {
  if (window.__uatActivity) return;
  const activity = { pending: 0, rpcFailures: [], frontendReady: false };
  window.__uatActivity = activity;

  // The bus keeps a connection open for ever: it is never work in flight.
  const longLived = (url) => /\/(bus|websocket|longpolling)(\/|\?|$)/.test(url);
  const noteFailure = (url, text) => {
    if (!text || text[0] !== '{') return;
    try {
      const body = JSON.parse(text);
      if (!body.error) return;
      const data = body.error.data || {};
      activity.rpcFailures.push({
        url,
        name: data.name || '',
        message: data.message || body.error.message || '',
        debug: data.debug || '',
      });
    } catch (notJson) {}
  };

  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const response = originalFetch.call(this, input, init);
    if (longLived(url)) return response;
    activity.pending += 1;
    return response
      .then((answer) => {
        if (/json/.test(answer.headers.get('content-type') || '')) {
          answer.clone().text().then((text) => noteFailure(url, text), () => undefined);
        }
        return answer;
      })
      .finally(() => { activity.pending -= 1; });
  };

  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const urls = new WeakMap();
  XMLHttpRequest.prototype.open = function (method, url) {
    urls.set(this, String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function (body) {
    const url = urls.get(this) || '';
    if (!longLived(url)) {
      activity.pending += 1;
      this.addEventListener('load', () => {
        if (this.responseType === '' || this.responseType === 'text') noteFailure(url, this.responseText);
      });
      this.addEventListener('loadend', () => { activity.pending -= 1; }, { once: true });
    }
    return send.call(this, body);
  };
})();`;

/** An error answer Odoo's JSON-RPC gave the page. */
export interface RpcFailure {
  url: string;
  /** Odoo's exception, e.g. "odoo.exceptions.UserError". */
  name: string;
  message: string;
  debug: string;
}
