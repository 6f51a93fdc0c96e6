import { request, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, sampleWorkbook, startPreview, type Preview } from '../../scripts/preview/server';

/** The preview's server against requests from other pages, other host names and oversized or broken bodies. */

let preview: Preview;
let port: number;

beforeAll(async () => {
  preview = await startPreview(sampleWorkbook());
  port = Number(new URL(preview.url).port);
});
afterAll(async () => {
  await preview.close();
});

interface Reply {
  status: number;
  /** The server said 100 Continue first. */
  continued: boolean;
  headers: IncomingHttpHeaders;
  text: string;
}

interface Call {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent whole (with its Content-Length unless headers give one). */
  body?: string | Buffer;
  /** Sent as chunks, the request left open: the reply must come before the body ends. */
  chunks?: Buffer[];
}

/** One request over node:http, where Host and Origin can be anything; a reset after the reply is ignored. */
function call({ method = 'GET', path, headers = {}, body, chunks }: Call): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers }, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, continued, headers: res.headers, text: Buffer.concat(parts).toString('utf8') });
        req.destroy();
      });
      res.on('error', () => undefined);
    });
    req.on('continue', () => (continued = true));
    req.on('error', (error) => setTimeout(() => reject(error), 200)); // a reply already on its way wins
    if (chunks) for (const c of chunks) req.write(c);
    else req.end(body);
  });
}

/** What a refused request must not have changed: every sheet's cells, the active sheet, the version. */
async function state(): Promise<string> {
  const book = preview.book;
  const version = await call({ path: '/api/version' });
  return JSON.stringify({ sheets: book.sheets.map((s) => [s.name, s.snapshot()]), active: book.active.name, version: version.text });
}

const OWN = () => `http://127.0.0.1:${port}`;

describe('the preview serves its own page only', () => {
  it('listens on 127.0.0.1 only, and refuses to be started on any other address', async () => {
    const address = preview.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    await expect(startPreview(sampleWorkbook(), 0, '0.0.0.0')).rejects.toThrow(/127\.0\.0\.1 only/u);
  });

  it('a request naming another Host (DNS rebinding) gets 403 with one line, reads nothing and changes nothing', async () => {
    const before = await state();
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`]) {
      for (const [method, path] of [
        ['GET', '/api/workbook'],
        ['GET', '/'],
        ['GET', '/sidebar'],
        ['POST', '/api/menu/menuScoreSheet'],
        ['POST', '/rpc/scoreActiveSheet'],
      ]) {
        const reply = await call({ method, path, headers: { host }, body: method === 'POST' ? '[]' : undefined });
        expect(reply.status, `${method} ${path} with Host ${host}`).toBe(403);
        expect(reply.text.trim()).toMatch(/^Host .* is not this preview/u);
        expect(reply.text.trim().split('\n')).toHaveLength(1);
        expect(reply.text).not.toContain('Accounts');
      }
    }
    expect(await state()).toBe(before);
    // The names the preview answers to, with its port.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await call({ path: '/api/version', headers: { host } })).status, host).toBe(200);
    }
  });

  it("a POST from another site (Origin https://evil.example) gets 403 and changes nothing; the preview's own origin is served", async () => {
    const before = await state();
    for (const origin of [
      'https://evil.example',
      'http://evil.example',
      'null',
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
      `http://[::1]:${port}.evil.example`,
    ]) {
      for (const path of [
        '/api/menu/menuScoreSheet',
        '/api/menu/menuCreateTemplate',
        '/api/activate/How%20to%20use',
        '/rpc/scoreActiveSheet',
        '/rpc/removeTierColours',
      ]) {
        const reply = await call({ method: 'POST', path, headers: { origin, 'content-type': 'application/json' }, body: '[]' });
        expect(reply.status, `POST ${path} from ${origin}`).toBe(403);
        expect(reply.text.trim()).toMatch(/^requests from .* are not accepted/u);
      }
      const read = await call({ path: '/api/workbook', headers: { origin } });
      expect(read.status, `GET /api/workbook from ${origin}`).toBe(403);
    }
    expect(await state()).toBe(before);

    for (const origin of [OWN(), `http://localhost:${port}`]) {
      const reply = await call({ method: 'POST', path: '/api/activate/How%20to%20use', headers: { origin } });
      expect(reply.status, origin).toBe(200);
    }
    expect(preview.book.active.name).toBe('How to use');
    const score = await call({ method: 'POST', path: '/api/menu/menuScoreSheet', headers: { origin: OWN() } });
    expect(score.status).toBe(200);
    expect(await state()).not.toBe(before);
  });
});

describe('request bodies', () => {
  it(`a 2 MB body gets 413 (the limit is ${MAX_BODY_BYTES} bytes) before the rest is sent, and changes nothing`, async () => {
    const before = await state();
    const big = Buffer.from(JSON.stringify(['x'.repeat(2 * 1024 * 1024)]));
    const whole = await call({ method: 'POST', path: '/rpc/getSidebarState', headers: { origin: OWN(), 'content-type': 'application/json' }, body: big });
    expect(whole.status).toBe(413);
    expect(whole.text.trim()).toBe(`request body larger than ${MAX_BODY_BYTES} bytes`);
    // Declared as 2 MB but only a little sent: the answer comes at once, nothing is waited for.
    const declared = await call({
      method: 'POST',
      path: '/rpc/getSidebarState',
      headers: { 'content-length': String(big.length) },
      chunks: [big.subarray(0, 100)],
    });
    expect(declared.status).toBe(413);
    // A client that asks before sending (Expect: 100-continue) is not told to go ahead.
    const asked = await call({
      method: 'POST',
      path: '/rpc/getSidebarState',
      headers: { 'content-length': String(big.length), expect: '100-continue' },
      chunks: [],
    });
    expect(asked.status).toBe(413);
    expect(asked.continued).toBe(false);
    // Chunked, with no length given: refused once past the limit, while the client is still sending.
    const chunked = await call({
      method: 'POST',
      path: '/rpc/scoreActiveSheet',
      headers: { 'transfer-encoding': 'chunked' },
      chunks: [big.subarray(0, 700_000), big.subarray(700_000, 1_400_000)],
    });
    expect(chunked.status).toBe(413);
    expect(chunked.headers.connection).toBe('close');
    expect(await state()).toBe(before);
    // A body within the limit is still served.
    const ok = await call({ method: 'POST', path: '/rpc/getSidebarState', headers: { origin: OWN() }, body: JSON.stringify([null]) });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).ok).toBe(true);
    const small = JSON.stringify([null]);
    const go = await call({
      method: 'POST',
      path: '/rpc/getSidebarState',
      headers: { 'content-length': String(small.length), expect: '100-continue' },
      body: small,
    });
    expect([go.status, go.continued]).toEqual([200, true]);
  });

  it('a body that is not JSON, or not an array of arguments, gets 400 with one line, and the server keeps serving', async () => {
    const before = await state();
    for (const body of ['{oops', '[1, 2', '\u0000\u0001', '{"a": 1}', '"scoreActiveSheet"']) {
      const reply = await call({ method: 'POST', path: '/rpc/scoreActiveSheet', headers: { origin: OWN(), 'content-type': 'application/json' }, body });
      expect(reply.status, body).toBe(400);
      expect(reply.text.trim()).toMatch(/^request body (is not JSON: .+|must be a JSON array of arguments)$/u);
      expect(reply.text.trim().split('\n')).toHaveLength(1);
    }
    const badName = await call({ method: 'POST', path: '/rpc/%E0%A4%A', headers: { origin: OWN() }, body: '[]' });
    expect(badName.status).toBe(400);
    expect(await state()).toBe(before);
    expect((await call({ path: '/api/version' })).status).toBe(200);
  });
});
