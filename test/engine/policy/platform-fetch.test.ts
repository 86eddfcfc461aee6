import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideRetry } from '../../../src/engine/policy/decide-retry.js';
import {
  AuthExpiredError,
  PayloadTooLargeError,
  PlatformHttpError,
  PlatformNetworkError,
  RateLimitedError,
} from '../../../src/engine/policy/platform-errors.js';
import { createPlatformFetch } from '../../../src/engine/policy/platform-fetch.js';
import { defaultRetryPolicy, RetryPolicy } from '../../../src/engine/policy/retry-policy.js';
import { runWithRetry } from '../../../src/engine/policy/run-with-retry.js';
import { rejectionOf } from '../../support/rejection-of.js';

let server: Server;
let base: string;
let flakyCalls = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain', ...headers });
      res.end(body);
    };
    switch (path) {
      case '/ok':
        return send(200, 'hello');
      case '/bad':
        return send(400, '{"error":"bad inn"}', { 'content-type': 'application/json' });
      case '/auth':
        return send(401, 'token expired');
      case '/big':
        return send(413, 'payload too large');
      case '/limited':
        return send(429, 'slow down', { 'retry-after': '7' });
      case '/limited-no-hint':
        return send(429, 'slow down');
      case '/boom':
        return send(500, `${'x'.repeat(300)} tail-not-shown`);
      case '/busy':
        return send(503, 'quota', { 'retry-after': '3' });
      case '/down':
        return send(503, 'maintenance');
      case '/reset':
        req.socket.destroy(); // the socket dies mid-request: no answer at all
        return;
      case '/hang':
        return; // never answers
      case '/flaky':
        flakyCalls++;
        return flakyCalls === 1 ? send(429, 'wait', { 'retry-after': '0' }) : send(200, 'done');
      default:
        return send(404, 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const pfetch = (timeoutMs = 5000, signal?: AbortSignal) => createPlatformFetch({ timeoutMs, signal });

describe('platformFetch against a real server', () => {
  it('returns 2xx answers untouched', async () => {
    const res = await pfetch()(`${base}/ok`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('hello');
  });

  it.each([400, 404])('returns a %i for the connector to read', async (status) => {
    const res = await pfetch()(`${base}/${status === 400 ? 'bad' : 'missing'}`);
    expect(res.status).toBe(status);
    if (status === 400) expect(await res.json()).toEqual({ error: 'bad inn' });
  });

  it.each([
    { path: '/auth', type: AuthExpiredError, message: 'POST /auth → 401: token expired' },
    { path: '/big', type: PayloadTooLargeError, message: 'POST /big → 413: payload too large' },
  ])('$path → $type.name', async ({ path, type, message }) => {
    const err = await rejectionOf(
      pfetch()(`${base}${path}?personal=data`, { method: 'post', body: '{"secret":"body"}' }),
    );
    expect(err).toBeInstanceOf(type);
    expect((err as Error).message).toBe(message);
  });

  it('429 with Retry-After → RateLimitedError with the wait', async () => {
    const err = await rejectionOf(pfetch()(`${base}/limited`));
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(7000);
    expect((err as Error).message).toBe('GET /limited → 429: slow down');
  });

  it('429 without a hint → RateLimitedError without a wait', async () => {
    const err = await rejectionOf(pfetch()(`${base}/limited-no-hint`));
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBeUndefined();
  });

  it('503 with Retry-After → RateLimitedError', async () => {
    const err = await rejectionOf(pfetch()(`${base}/busy`));
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(3000);
  });

  it('503 without rate-limit headers → PlatformHttpError', async () => {
    const err = await rejectionOf(pfetch()(`${base}/down`));
    expect(err).toBeInstanceOf(PlatformHttpError);
    expect((err as PlatformHttpError).status).toBe(503);
  });

  it('500 → PlatformHttpError with method, path, status and at most 200 chars of the body', async () => {
    const err = await rejectionOf(
      pfetch()(`${base}/boom?phone=79990001122`, { method: 'PUT', body: 'secret' }),
    );
    expect(err).toBeInstanceOf(PlatformHttpError);
    expect((err as PlatformHttpError).status).toBe(500);
    const message = (err as Error).message;
    expect(message).toBe(`PUT /boom → 500: ${'x'.repeat(200)}…`);
    expect(message).not.toContain('79990001122');
    expect(message).not.toContain('secret');
    expect(decideRetry(err, { attempt: 1, reauthed: false, batchSize: 1 }, defaultRetryPolicy).action).toBe(
      'retry',
    );
  });

  it('a socket destroyed mid-request → PlatformNetworkError', async () => {
    const err = await rejectionOf(pfetch()(`${base}/reset`, { method: 'POST', body: '{}' }));
    expect(err).toBeInstanceOf(PlatformNetworkError);
    expect((err as PlatformNetworkError).code).toBe('ECONNRESET');
    expect((err as Error).message).toMatch(/^POST \/reset: no answer \(ECONNRESET/);
  });

  it('a refused connection → PlatformNetworkError ECONNREFUSED', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const err = await rejectionOf(pfetch()(`http://127.0.0.1:${port}/x`));
    expect(err).toBeInstanceOf(PlatformNetworkError);
    expect((err as PlatformNetworkError).code).toBe('ECONNREFUSED');
  });

  it('a hang past the timeout → PlatformNetworkError TIMEOUT', async () => {
    const started = Date.now();
    const err = await rejectionOf(pfetch(100)(`${base}/hang`));
    expect(err).toBeInstanceOf(PlatformNetworkError);
    expect((err as PlatformNetworkError).code).toBe('TIMEOUT');
    expect((err as Error).message).toBe('GET /hang: no answer within 100 ms');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('init.timeoutMs overrides the policy timeout', async () => {
    const err = await rejectionOf(pfetch(60_000)(`${base}/hang`, { timeoutMs: 100 }));
    expect((err as PlatformNetworkError).code).toBe('TIMEOUT');
  });

  it('a cancelled run → AbortError, which decideRetry fails as cancelled', async () => {
    const run = new AbortController();
    setTimeout(() => run.abort(), 50);
    const err = await rejectionOf(pfetch(5000, run.signal)(`${base}/hang`));
    expect((err as Error).name).toBe('AbortError');
    expect(decideRetry(err, { attempt: 1, reauthed: false, batchSize: 1 }, defaultRetryPolicy)).toMatchObject(
      {
        action: 'fail',
        code: 'cancelled',
      },
    );
  });

  it('an already cancelled run does not call at all', async () => {
    const err = await rejectionOf(pfetch(5000, AbortSignal.abort())(`${base}/ok`));
    expect((err as Error).name).toBe('AbortError');
  });

  it('works with runWithRetry end to end: a 429 with Retry-After 0, then the answer', async () => {
    flakyCalls = 0;
    const f = pfetch();
    const policy = RetryPolicy.parse({ maxAttempts: 3 });
    const text = await runWithRetry(async () => (await f(`${base}/flaky`)).text(), {
      policy,
      reauth: () => {},
    });
    expect(text).toBe('done');
    expect(flakyCalls).toBe(2);
  });
});
