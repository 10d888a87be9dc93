/** A Playwright browser server's address: `npx playwright run-server` or a browser farm. */
export function isBrowserEndpoint(value: string): boolean {
  try {
    const url = new URL(value);
    return ['ws:', 'wss:'].includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The endpoint as it may be shown in a message or log: a browser farm takes
 * its token in the query or the user info, so those are masked. Works
 * on text that is not a valid URL too (it is shown when validation fails).
 */
export function shownEndpoint(value: string): string {
  return value
    .replace(/\/\/[^/?#@]*@/, '//[redacted]@')
    .replace(/([?&][^=&#]+=)[^&#]*/g, '$1[redacted]');
}
