import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake agent saw it. */
export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export interface Reply {
  status: number;
  /** Sent as JSON; `raw` instead sends text as it is. */
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

/** Answers a request; `undefined` leaves it hanging (to provoke a timeout), 'drop' destroys the socket. */
export type Handler = (request: Recorded, index: number) => Reply | 'drop' | undefined;

export interface FakeAgent {
  baseURL: string;
  requests: Recorded[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 standing in for the agent; the SDK's fetch is never mocked. */
export async function startAgent(handler: Handler): Promise<FakeAgent> {
  const requests: Recorded[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.from(chunk));
    const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString(), at: Date.now() };
    requests.push(recorded);
    const reply = handler(recorded, requests.length - 1);
    if (reply === 'drop') req.socket.destroy();
    else if (reply) send(res, reply);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseURL: `http://127.0.0.1:${port(server)}/api/v1`, requests, close: () => close(server) };
}

/** A port nothing listens on, for "connection refused". */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const free = port(server);
  await close(server);
  return free;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}

export function apiError(status: number, code: string, message: string, headers: Record<string, string> = {}): Reply {
  return { status, body: { error: { code, message } }, headers };
}

function send(res: ServerResponse, reply: Reply): void {
  const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  res.writeHead(reply.status, {
    'x-request-id': 'req_test',
    ...(text && { 'content-type': 'application/json' }),
    ...reply.headers,
  });
  res.end(text);
}

function port(server: Server): number {
  return (server.address() as AddressInfo).port;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
