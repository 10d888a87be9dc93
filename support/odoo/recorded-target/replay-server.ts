import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { editDistance } from '../../data/tables';
import { withoutSecrets, type TargetExchange, type TargetRecording } from './recording';

/**
 * A local server that answers as the recorded Odoo did. Each distinct
 * request (path and body, secrets replaced) gets its recorded answers in
 * order, the last one again once they run out (a worker asks what another
 * already asked). A request the recording does not hold is answered with an
 * Odoo-shaped error naming it and the nearest recorded request, so a drift
 * fails the scenario clearly instead of hanging or passing.
 */
export async function startReplayServer(recording: TargetRecording, secrets: readonly string[]): Promise<{ url: string; misses: string[]; close(): Promise<void> }> {
  const answers = new Map<string, { queue: TargetExchange[]; served: number }>();
  for (const exchange of recording.exchanges) {
    const key = `${exchange.path}\n${exchange.body}`;
    const entry = answers.get(key) ?? { queue: [], served: 0 };
    entry.queue.push(exchange);
    answers.set(key, entry);
  }
  const misses: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const sent = withoutSecrets(body, secrets);
      const entry = answers.get(`${req.url}\n${sent}`);
      if (entry) {
        const answer = entry.queue[Math.min(entry.served, entry.queue.length - 1)] as TargetExchange;
        entry.served += 1;
        res.writeHead(answer.status, { 'Content-Type': answer.contentType });
        res.end(answer.response);
        return;
      }
      const message = missMessage(recording, req.url ?? '/', sent);
      misses.push(message);
      const miss = missAnswer(req.url ?? '/', message);
      res.writeHead(miss.status, { 'Content-Type': miss.contentType });
      res.end(miss.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    misses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What was sent and the recorded request of the same endpoint nearest to it. */
function missMessage(recording: TargetRecording, path: string, body: string): string {
  const sameEndpoint = recording.exchanges.filter((e) => e.path === path);
  const shown = (text: string) => squeeze(text).slice(0, 600);
  let nearest: { body: string; distance: number } | undefined;
  for (const exchange of sameEndpoint) {
    const distance = editDistance(squeeze(exchange.body).slice(0, 1500), squeeze(body).slice(0, 1500));
    if (!nearest || distance < nearest.distance) nearest = { body: exchange.body, distance };
  }
  return (
    `the recorded target (Odoo ${recording.server}, recorded ${recording.recordedAt.slice(0, 10)}) holds no answer to ${path} ${shown(body)}` +
    (nearest ? `; the nearest recorded request was ${shown(nearest.body)}` : '; nothing was recorded for that endpoint') +
    ': the features or steps changed since the recording, so re-record it against a live Odoo'
  );
}

/** A request body as a person reads it: XML-RPC's markup dropped (member names kept as "name:"), spaces squeezed. */
function squeeze(text: string): string {
  const plain = text.startsWith('<?xml')
    ? text
        .replace(/<\?xml[^>]*\?>/, '')
        .replace(/<name>([^<]*)<\/name>/g, '$1: ')
        .replace(/<\/?(?:array|data|struct)>/g, (tag) => (tag.startsWith('</') ? ']' : '['))
        .replace(/<[^>]+>/g, ' ')
    : text;
  return plain.replace(/\s+/g, ' ').replace(/\[ /g, '[').replace(/ \]/g, ']').trim();
}

/** An error in the shape of the endpoint asked: an XML-RPC fault, a JSON-2 error, or plain text. */
function missAnswer(path: string, message: string): { status: number; contentType: string; body: string } {
  if (path.startsWith('/xmlrpc')) {
    const escaped = message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const body = `<?xml version='1.0'?><methodResponse><fault><value><struct><member><name>faultCode</name><value><int>1</int></value></member><member><name>faultString</name><value><string>${escaped}</string></value></member></struct></value></fault></methodResponse>`;
    return { status: 200, contentType: 'text/xml', body };
  }
  if (path.startsWith('/json/2')) return { status: 500, contentType: 'application/json', body: JSON.stringify({ name: 'RecordedTargetMiss', message }) };
  return { status: 404, contentType: 'text/plain', body: message };
}
