import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpSink } from '../../src/cli/import/http-sink.js';
import type { EntityKind } from '../../src/domain/entity-kinds.js';
import { entityKinds } from '../../src/domain/entity-kinds.js';

const accounts = entityKinds.account as EntityKind;

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  type: string | undefined;
  body: string;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

/** A stand-in hub answering each request with the next of `answers` (the last one repeats). */
async function fakeHub(answers: Array<[number, unknown]>): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const c of req) body += c;
    seen.push({
      method: req.method!,
      url: req.url!,
      auth: req.headers.authorization,
      type: req.headers['content-type'],
      body,
    });
    const [status, json] = answers[Math.min(seen.length - 1, answers.length - 1)]!;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`, seen };
}

const ok = (n: number) => ({
  kind: 'account',
  total: n,
  created: n,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  results: Array.from({ length: n }, (_, index) => ({ index, key: String(index), status: 'created' })),
});

describe('httpSink', () => {
  it('posts NDJSON with the bearer token to the kind’s endpoint', async () => {
    const hub = await fakeHub([[200, ok(2)]]);
    const sink = httpSink({ url: hub.url, token: 't0k', org: 'uk one' });
    const results = await sink.send(accounts, [{ number: '1' }, { number: '2' }]);
    expect(results.map((r) => r.status)).toEqual(['created', 'created']);
    expect(hub.seen).toEqual([
      {
        method: 'POST',
        url: '/v1/orgs/uk%20one/accounts',
        auth: 'Bearer t0k',
        type: 'application/x-ndjson',
        body: '{"number":"1"}\n{"number":"2"}',
      },
    ]);
  });

  it('retries a 5xx with backoff and then succeeds', async () => {
    const hub = await fakeHub([
      [503, { error: 'unavailable', message: 'store restarting' }],
      [500, { error: 'internal', message: 'oops' }],
      [200, ok(1)],
    ]);
    const sink = httpSink({ url: hub.url, token: 't', org: 'uk', retryDelayMs: 1 });
    expect(await sink.send(accounts, [{ number: '1' }])).toHaveLength(1);
    expect(hub.seen).toHaveLength(3);
  });

  it('gives up after 3 retries', async () => {
    const hub = await fakeHub([[502, { error: 'bad_gateway', message: 'proxy' }]]);
    const sink = httpSink({ url: hub.url, token: 't', org: 'uk', retryDelayMs: 1 });
    await expect(sink.send(accounts, [{}])).rejects.toThrow(
      /failed after 4 attempts: 502 bad_gateway: proxy/,
    );
    expect(hub.seen).toHaveLength(4);
  });

  it('never retries a 4xx and passes the hub’s message on', async () => {
    const hub = await fakeHub([[413, { error: 'too_many_records', message: '6000 records in one request' }]]);
    const sink = httpSink({ url: hub.url, token: 't', org: 'uk', retryDelayMs: 1 });
    await expect(sink.send(accounts, [{}])).rejects.toThrow(/6000 records in one request; lower --batch/);
    expect(hub.seen).toHaveLength(1);
  });

  it('retries network errors', async () => {
    const hub = await fakeHub([]);
    await new Promise((r) => server!.close(r));
    server = undefined;
    const sink = httpSink({ url: hub.url, token: 't', org: 'uk', retryDelayMs: 1 });
    await expect(sink.checkOrg()).rejects.toThrow(/GET .*\/v1\/orgs\/uk failed after 4 attempts/);
  });

  it('names a missing organization and a refused token', async () => {
    const missing = await fakeHub([
      [404, { error: 'org_not_found', message: 'organization "x" does not exist' }],
    ]);
    await expect(httpSink({ url: missing.url, token: 't', org: 'x' }).checkOrg()).rejects.toThrow(
      /organization "x" does not exist on http:\/\/127\.0\.0\.1:\d+;/,
    );
    await new Promise((r) => server!.close(r));
    const refused = await fakeHub([[401, { error: 'unauthorized', message: 'the bearer token is unknown' }]]);
    await expect(httpSink({ url: refused.url, token: 't', org: 'x' }).checkOrg()).rejects.toThrow(
      /refused the token: unauthorized: the bearer token is unknown; check --token/,
    );
  });

  it('refuses an answer that does not match the batch', async () => {
    const hub = await fakeHub([[200, ok(1)]]);
    const sink = httpSink({ url: hub.url, token: 't', org: 'uk' });
    await expect(sink.send(accounts, [{}, {}])).rejects.toThrow(/1 results for 2 accounts/);
  });
});
