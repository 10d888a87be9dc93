import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withoutSecrets, type TargetExchange } from './recording';

/** Headers that reach Odoo through the proxy; the API key's (authorization) is passed on but never kept. */
const FORWARDED = ['content-type', 'authorization', 'x-odoo-database'];

/**
 * A local proxy in front of a live Odoo that keeps every request and answer,
 * with the run's secrets replaced in what it keeps.
 */
export async function startRecordingProxy(target: string, secrets: readonly string[]): Promise<{ url: string; exchanges: TargetExchange[]; close(): Promise<void> }> {
  const exchanges: TargetExchange[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', async () => {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => FORWARDED.includes(k))) as Record<string, string>;
      try {
        const answer = await fetch(`${target}${req.url}`, { method: req.method ?? 'POST', headers, ...(req.method === 'GET' ? {} : { body }) });
        const text = await answer.text();
        const contentType = answer.headers.get('content-type') ?? '';
        exchanges.push({ path: req.url ?? '/', body: withoutSecrets(body, secrets), status: answer.status, contentType, response: withoutSecrets(text, secrets) });
        res.writeHead(answer.status, { 'Content-Type': contentType });
        res.end(text);
      } catch (error) {
        res.writeHead(502, { 'Content-Type': 'text/plain' });
        res.end(`the recording proxy could not reach ${target}: ${(error as Error).message}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
