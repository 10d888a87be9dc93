import { normaliseBody, type Recording } from './exchanges';
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
    const body = normaliseBody(request.body, secrets);
    const expected =
      mode === 'lookup'
        ? recording.exchanges.find((e) => e.request.path === request.path && e.request.body === body)
        : recording.exchanges[next];
    if (!expected || expected.request.path !== request.path || expected.request.body !== body) {
      mismatches.push(`#${next} ${request.path}: expected ${expected ? `${expected.request.path} (${expected.label})` : 'no more requests'}\n  sent     ${body.slice(0, 400)}\n  recorded ${expected?.request.body.slice(0, 400)}`);
      return { status: 599, body: 'unrecorded request' };
    }
    next += 1;
    return { status: expected.response.status, contentType: expected.response.contentType, body: expected.response.body };
  });
  return { ...fake, mismatches, replayed: () => next };
}
