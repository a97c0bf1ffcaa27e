import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { bufferedFetch } from '../../src/sync/buffered-fetch.ts';

describe('bufferedFetch', () => {
  let server: Server;
  let base: string;
  const seen: IncomingHttpHeaders[] = [];
  const payload = JSON.stringify({ title: 'Dark mode fails for users with non-ASCII names', labels: ['bug'] });

  before(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      if (req.url === '/gzip') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(payload));
      } else if (req.url === '/br') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' }).end(brotliCompressSync(payload));
      } else if (req.url === '/not-modified') {
        res.writeHead(304, { etag: '"v1"', 'content-encoding': 'gzip' }).end();
      } else if (req.url === '/moved') {
        res.writeHead(301, { location: '/plain' }).end();
      } else if (req.url === '/slow') {
        setTimeout(() => res.end(payload), 5_000).unref();
      } else if (req.url === '/echo' && req.method === 'POST') {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => res.writeHead(201).end(body));
      } else if (req.url === '/plain') {
        res.setHeader('link', ['<https://x/?page=2>; rel="next"', '<https://x/?page=9>; rel="last"']);
        res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '4999' }).end(payload);
      } else {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('asks for compressed bodies and decodes gzip and brotli', async () => {
    for (const path of ['/gzip', '/br']) {
      const response = await bufferedFetch(`${base}${path}`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), JSON.parse(payload));
      assert.match(String(seen.at(-1)!['accept-encoding']), /gzip/);
    }
  });

  it('reads an empty body that names an encoding (a 304) as empty', async () => {
    const response = await bufferedFetch(`${base}/not-modified`, { headers: new Headers({ 'if-none-match': '"v1"' }) });
    assert.equal(response.status, 304);
    assert.equal(response.body.length, 0);
    assert.equal(seen.at(-1)!['if-none-match'], '"v1"', 'a Headers object is sent as well as a plain one');
  });

  it('reads headers as fetch does: any case, repeated values joined', async () => {
    const response = await bufferedFetch(`${base}/plain`);
    assert.equal(response.ok, true);
    assert.equal(response.statusText, 'OK');
    assert.equal(response.headers.get('X-RateLimit-Remaining'), '4999');
    assert.equal(response.headers.get('link'), '<https://x/?page=2>; rel="next", <https://x/?page=9>; rel="last"');
    assert.equal(response.headers.get('etag'), null);
    assert.ok(new Map([...response.headers]).has('content-type'));
  });

  it('follows redirects unless told not to', async () => {
    assert.equal(await (await bufferedFetch(`${base}/moved`)).text(), payload);
    const manual = await bufferedFetch(`${base}/moved`, { redirect: 'manual' });
    assert.equal(manual.status, 301);
    assert.equal(manual.headers.get('location'), '/plain');
    await assert.rejects(bufferedFetch(`${base}/moved`, { redirect: 'error' }), /redirect/);
  });

  it('sends a method, headers and a body, and returns error statuses as responses', async () => {
    const created = await bufferedFetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    assert.equal(created.status, 201);
    assert.equal(await created.text(), '{"a":1}');
    const missing = await bufferedFetch(`${base}/nowhere`);
    assert.equal(missing.ok, false);
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), { message: 'Not Found' });
  });

  it('leaves no abort listener behind on a signal shared by many requests, and stops when it aborts', async () => {
    const controller = new AbortController();
    for (let i = 0; i < 200; i++) await bufferedFetch(`${base}/plain`, { signal: controller.signal });
    assert.ok(getEventListeners(controller.signal, 'abort').length <= 1);
    const slow = bufferedFetch(`${base}/slow`, { signal: controller.signal });
    controller.abort(new Error('run cancelled'));
    await assert.rejects(slow, /run cancelled/);
  });

  it('rejects as fetch does when the server cannot be reached: a TypeError with the cause', async () => {
    await assert.rejects(bufferedFetch('http://127.0.0.1:1/'), (error: Error) => {
      assert.equal(error.name, 'TypeError');
      assert.match(String((error.cause as Error).message), /ECONNREFUSED/);
      return true;
    });
  });
});
