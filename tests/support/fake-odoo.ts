import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeResponse {
  status?: number;
  contentType?: string;
  body: string;
}

/**
 * A local HTTP server that answers like Odoo did when the responses were
 * recorded. The handler sees every request, so a test can assert what the
 * harness sent.
 */
export async function startFakeOdoo(
  handler: (request: FakeRequest) => FakeResponse | Promise<FakeResponse>,
): Promise<{ url: string; requests: FakeRequest[]; close(): Promise<void> }> {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', async () => {
      const request = { path: req.url ?? '/', headers: req.headers, body };
      requests.push(request);
      const answer = await handler(request);
      res.writeHead(answer.status ?? 200, { 'Content-Type': answer.contentType ?? 'application/json' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
