import { once } from 'node:events';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** What a fake route answers. */
export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON; absent for an empty body (a 304). */
  json?: unknown;
  /** Raw bytes instead of JSON (a file download), its content type in `headers`. */
  body?: Buffer;
  /** Logs the request under this name instead of the route's (a GraphQL operation, a Slack method). */
  route?: string;
}

/** A request as the fake saw it, for tests that count what a sync asked for. */
export interface LoggedRequest {
  method: string;
  /** The route's name, e.g. `issues.list`. */
  route: string;
  path: string;
  /** The URL's query, and a form-encoded body's fields (Slack sends its arguments so). */
  query: URLSearchParams;
  /** Status answered. */
  status: number;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A failure to inject: the next `times` requests (of `route`, if given) answer it instead. */
export interface Fault {
  status: 429 | 500 | 502 | 503;
  times: number;
  /** Seconds, sent as Retry-After (429). */
  retryAfter?: number;
  route?: string;
}

export interface FakeRoute {
  method: string;
  name: string;
  pattern: RegExp;
  handle(request: FakeRequest, params: string[]): FakeReply | Promise<FakeReply>;
}

/**
 * The common machinery of providers' fakes: an HTTP server on 127.0.0.1, a
 * request log, and switches that inject what real providers do on a bad day
 * (429 with Retry-After, 5xx, slow answers, a revoked credential). Each
 * provider supplies its routes, its credential check and its error bodies.
 */
export abstract class FakeProvider {
  readonly requests: LoggedRequest[] = [];
  #server: Server | undefined;
  #faults: Fault[] = [];
  #delayMs = 0;
  #revoked = false;
  #url = '';

  protected abstract routes(): readonly FakeRoute[];
  /** Whether the request carries the data set's credential. */
  protected abstract authorized(request: FakeRequest): boolean;
  /** The provider's answer to a refused credential. */
  protected abstract unauthorized(): FakeReply;
  /** The provider's answer to an injected fault. */
  protected abstract faultReply(fault: Fault): FakeReply;
  /** Route names that answer without a credential check (none by default). */
  protected publicRoutes(): readonly string[] {
    return [];
  }

  get url(): string {
    return this.#url;
  }

  async listen(): Promise<string> {
    const routes = this.routes();
    this.#server = createServer((req, res) => void this.#serve(routes, req, res));
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.#url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.#url;
  }

  async close(): Promise<void> {
    if (!this.#server) return;
    this.#server.closeAllConnections();
    this.#server.close();
    await once(this.#server, 'close');
  }

  inject(fault: Fault): void {
    this.#faults.push({ ...fault });
  }

  clearFaults(): void {
    this.#faults = [];
  }

  /** Answers every request `ms` late (0 to stop). */
  slow(ms: number): void {
    this.#delayMs = ms;
  }

  /** From now on the credential is refused, as after a revocation; `restore` undoes it. */
  revoke(): void {
    this.#revoked = true;
  }

  restore(): void {
    this.#revoked = false;
  }

  clearLog(): void {
    this.requests.length = 0;
  }

  /** Requests by route name. */
  count(route?: string): number {
    return route === undefined ? this.requests.length : this.requests.filter((request) => request.route === route).length;
  }

  async #serve(routes: readonly FakeRoute[], req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const request: FakeRequest = {
      method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString(),
    };
    let route: FakeRoute | undefined;
    let params: string[] = [];
    for (const candidate of routes) {
      const match = candidate.method === request.method ? candidate.pattern.exec(request.path) : null;
      if (match) {
        route = candidate;
        params = match.slice(1).map(decodeURIComponent);
        break;
      }
    }
    if (this.#delayMs > 0) await delay(this.#delayMs);
    const reply = await this.#answer(route, request, params);
    const form = String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(request.body) : [];
    const query = new URLSearchParams([...request.query, ...form]);
    this.requests.push({ method: request.method, route: reply.route ?? route?.name ?? 'unknown', path: request.path, query, status: reply.status });
    const json = reply.json === undefined ? undefined : JSON.stringify(reply.json);
    const body = reply.body ?? json;
    res.writeHead(reply.status, { ...(json === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }), ...reply.headers });
    res.end(body);
  }

  async #answer(route: FakeRoute | undefined, request: FakeRequest, params: string[]): Promise<FakeReply> {
    if (!route) return { status: 404, json: { message: 'Not Found' } };
    const fault = this.#faults.find((candidate) => candidate.times > 0 && (!candidate.route || candidate.route === route.name));
    if (fault) {
      fault.times--;
      this.#faults = this.#faults.filter((candidate) => candidate.times > 0);
      return this.faultReply(fault);
    }
    if (!this.publicRoutes().includes(route.name) && (this.#revoked || !this.authorized(request))) return this.unauthorized();
    return route.handle(request, params);
  }
}
