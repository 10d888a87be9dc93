import { KEY_NAME_PREFIX } from '../../support/odoo/rpc/api-keys';
import { normaliseBody, type Recording } from './exchanges';

/** A request body without what differs from run to run by design: the run's label in a key's name, and the key's expiry. */
function comparable(body: string): string {
  return body
    .replace(new RegExp(`${KEY_NAME_PREFIX} [^ "]+ `, 'g'), `${KEY_NAME_PREFIX} <run> `)
    .replace(/"expiration_date":"[^"]*"/g, '"expiration_date":"<expiry>"');
}
import { startFakeOdoo } from './fake-odoo';

/**
 * Serves a recording. In order (the default), each request must be the one
 * recorded at that point (same path, same body once secrets are normalised);
 * by lookup, any recorded request may come, any number of times. Anything
 * else is answered with HTTP 599 and listed in `mismatches`.
 */
export async function replayOdoo(recording: Recording, secrets: string[], mode: 'in-order' | 'lookup' = 'in-order') {
  let next = 0;
  const mismatches: string[] = [];
  const fake = await startFakeOdoo((request) => {
    const body = comparable(normaliseBody(request.body, secrets));
    const expected =
      mode === 'lookup'
        ? recording.exchanges.find((e) => e.request.path === request.path && comparable(e.request.body) === body)
        : recording.exchanges[next];
    if (!expected || expected.request.path !== request.path || comparable(expected.request.body) !== body) {
      mismatches.push(`#${next} ${request.path}: expected ${expected ? `${expected.request.path} (${expected.label})` : 'no more requests'}\n  sent     ${body.slice(0, 400)}\n  recorded ${expected?.request.body.slice(0, 400)}`);
      return { status: 599, body: 'unrecorded request' };
    }
    next += 1;
    return { status: expected.response.status, contentType: expected.response.contentType, body: expected.response.body };
  });
  return { ...fake, mismatches, replayed: () => next };
}
