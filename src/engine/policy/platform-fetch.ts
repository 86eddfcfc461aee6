import { isNamed, networkErrorCode } from './network-error-code.js';
import {
  AuthExpiredError,
  PayloadTooLargeError,
  PlatformHttpError,
  PlatformNetworkError,
  RateLimitedError,
} from './platform-errors.js';
import { retryAfterFromHeaders } from './rate-limit-delay.js';

/**
 * fetch for connectors: applies the run's timeout and abort signal and turns the answers every
 * platform shares into PlatformErrors, so the retry policy sees one vocabulary:
 * - no answer (refused, reset, timeout)      → PlatformNetworkError
 * - 401                                     → AuthExpiredError
 * - 413                                     → PayloadTooLargeError
 * - 429, or 503 with a rate-limit header     → RateLimitedError (retryAfterMs from the headers)
 * - other 5xx                               → PlatformHttpError
 * - the run's signal aborted (cancel)       → an error named AbortError (decideRetry: `cancelled`)
 * Other answers (2xx, 400, 403, 404, 409, 422…) are returned for the connector to read: what they
 * mean differs between platforms.
 */
export type PlatformFetch = (url: string, init?: PlatformRequestInit) => Promise<Response>;

export interface PlatformRequestInit extends RequestInit {
  /** Overrides the policy's timeout for this call. */
  timeoutMs?: number;
}

export interface PlatformFetchOptions {
  /** The policy's per-request timeout; it covers the answer's body too. */
  timeoutMs: number;
  /** The run's signal: when it aborts, calls end with an AbortError (decideRetry: `cancelled`). */
  signal?: AbortSignal;
  /** For tests and proxies; the global fetch by default. */
  fetchImpl?: typeof fetch;
}

/** Builds the `fetch` of a connector context; see PlatformFetch for the mapping. */
export function createPlatformFetch(opts: PlatformFetchOptions): PlatformFetch {
  return async (url, init = {}) => {
    const { timeoutMs = opts.timeoutMs, signal: callSignal, ...rest } = init;
    const method = (rest.method ?? 'GET').toUpperCase();
    const where = `${method} ${pathOf(url)}`;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signals = [timeout];
    if (opts.signal) signals.push(opts.signal);
    if (callSignal) signals.push(callSignal);
    const signal = AbortSignal.any(signals);
    const doFetch = opts.fetchImpl ?? fetch;

    let res: Response;
    try {
      res = await doFetch(url, { ...rest, signal });
    } catch (err) {
      // Cancellation first: a cancelled run that also hit its timeout is still cancelled.
      if (opts.signal?.aborted || callSignal?.aborted) throw cancelled(where, err);
      if (timeout.aborted || isNamed(err, 'TimeoutError')) {
        throw new PlatformNetworkError(`${where}: no answer within ${timeoutMs} ms`, 'TIMEOUT');
      }
      const code = networkErrorCode(err);
      if (code !== undefined)
        throw new PlatformNetworkError(`${where}: no answer (${code}${causeText(err)})`, code);
      throw err; // not a network failure (a bad URL, a bug): decideRetry fails it as `internal`
    }

    const { status } = res;
    if (status === 401) throw new AuthExpiredError(await describe(where, res));
    if (status === 413) throw new PayloadTooLargeError(await describe(where, res));
    const retryAfterMs = retryAfterFromHeaders(res.headers);
    if (status === 429 || (status === 503 && retryAfterMs !== undefined)) {
      throw new RateLimitedError(await describe(where, res), retryAfterMs);
    }
    if (status >= 500) throw new PlatformHttpError(status, await describe(where, res), retryAfterMs);
    return res;
  };
}

/** The path alone: a query string (and a fragment) may carry personal data or tokens. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/, 1)[0] ?? '';
  }
}

function cancelled(where: string, cause: unknown): Error {
  const err = new Error(`${where}: cancelled`, { cause });
  err.name = 'AbortError';
  return err;
}

/** The innermost cause's message ("connect ECONNREFUSED 127.0.0.1:80", "other side closed"). */
function causeText(err: unknown): string {
  let e: unknown = err;
  for (
    let i = 0;
    i < 4 && typeof e === 'object' && e !== null && 'cause' in e && e.cause !== undefined;
    i++
  ) {
    e = e.cause;
  }
  return e !== err && e instanceof Error && e.message ? `: ${e.message}` : '';
}

const BODY_CHARS = 200;

/** `POST /api/x → 500: <at most 200 chars of the answer>` — the start of an answer is what explains it. */
async function describe(where: string, res: Response): Promise<string> {
  const body = (await readStart(res)).replace(/\s+/g, ' ').trim();
  const text = body.length > BODY_CHARS ? `${body.slice(0, BODY_CHARS)}…` : body;
  return `${where} → ${res.status}${text ? `: ${text}` : ''}`;
}

/** Reads a little of the body and drops the rest: an error page can be megabytes. Never throws. */
async function readStart(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length <= BODY_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // a reset or a timeout while reading an error page: the status says enough
  } finally {
    reader.cancel().catch(() => {});
  }
  return text;
}
