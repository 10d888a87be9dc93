import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * A password or API key. It prints, logs and serialises as "[redacted]", so a
 * config object can be dumped into a report without leaking; only `reveal()`
 * hands the value to the transport that needs it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

/** Below this length a secret is replaced only as a word of its own: "admin" must not turn is_admin into is_[redacted]. */
const SHORT_SECRET = 8;

/** Replaces every occurrence of the given secrets in a text (for logs and attachments). */
export function redact(text: string, secrets: Iterable<Secret | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    const value = secret?.reveal();
    if (!value) continue;
    if (value.length >= SHORT_SECRET) result = result.split(value).join(REDACTED);
    else result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}_])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'gu'), REDACTED);
  }
  return result;
}

/** Access tokens in addresses (a portal document's share link) let whoever holds them open, sign or pay the document. */
export function withoutAccessTokens(text: string): string {
  return text.replace(/(access_token=)[^&#"'\s<]+/g, '$1[redacted]');
}
