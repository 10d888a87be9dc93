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

/** Shorter parts ("eu", "1") are settings, and redacting them would blank the same letters in every text. */
const SECRET_PART_MIN_LENGTH = 8;

/** The parts of an endpoint a browser farm keeps secret (a password in the user info, query values), for redaction wherever the raw URL shows up. */
export function endpointSecrets(value: string): string[] {
  const password = /\/\/[^/?#@:]*:([^/?#@]*)@/.exec(value)?.[1];
  const queryValues = [...value.matchAll(/[?&][^=&#]+=([^&#]*)/g)].map((m) => m[1] as string);
  return [password, ...queryValues].filter((part): part is string => part !== undefined && part.length >= SECRET_PART_MIN_LENGTH);
}
