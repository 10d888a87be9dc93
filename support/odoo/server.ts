import { TransportError } from './errors';

export interface ServerVersion {
  /** e.g. "19.0", "18.0+e", "saas~18.4" */
  serverVersion: string;
  /** e.g. "19.0" */
  serverSerie: string;
  /** Major version number (17, 18, 19, ...). */
  major: number;
  minor: number;
}

/**
 * Reads the server version from /web/webclient/version_info (no login
 * needed). This is the harness's first contact with a target, so every way it
 * can fail becomes one TransportError line that names the URL.
 */
export async function readServerVersion(baseUrl: string, timeoutMs: number): Promise<ServerVersion> {
  const url = `${baseUrl}/web/webclient/version_info`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: {} }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new TransportError(`Odoo is not reachable at ${baseUrl}: ${networkReason(error, timeoutMs)}`, baseUrl);
  }
  const body = await response.text();
  if (!response.ok) {
    throw new TransportError(`${baseUrl} answered HTTP ${response.status} for ${url}: is this an Odoo server?`, baseUrl, response.status);
  }
  const parsed = parseJson(body) as { result?: { server_version?: string; server_serie?: string; server_version_info?: unknown[] } } | undefined;
  const info = parsed?.result;
  const [major, minor] = (info?.server_version_info ?? []) as number[];
  if (!info?.server_version || typeof major !== 'number') {
    throw new TransportError(`${baseUrl} does not look like Odoo: ${url} gave no server version`, baseUrl, response.status);
  }
  return {
    serverVersion: info.server_version,
    serverSerie: info.server_serie ?? `${major}.${minor ?? 0}`,
    major,
    minor: typeof minor === 'number' ? minor : 0,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Turns Node's fetch failures into the reason a person recognises. */
export function networkReason(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const code = err?.cause?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the server running, on this port?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    case 'ECONNRESET':
      return 'connection reset by the server';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return `TLS certificate problem (${code})`;
    default:
      return err?.cause?.message ?? err?.message ?? String(error);
  }
}

/**
 * The databases the server lists, or undefined when it does not say (a
 * server with list_db off refuses the list).
 */
export async function listDatabases(baseUrl: string, timeoutMs: number): Promise<string[] | undefined> {
  try {
    const response = await fetch(`${baseUrl}/web/database/list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: {} }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = parseJson(await response.text()) as { result?: unknown } | undefined;
    return Array.isArray(body?.result) ? (body.result as string[]) : undefined;
  } catch {
    return undefined;
  }
}
