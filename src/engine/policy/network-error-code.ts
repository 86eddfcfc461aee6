/**
 * The network failure code of an error thrown by fetch (or by a socket), or undefined when the
 * error is something else. Lives apart so platformFetch and decideRetry classify the same way: an
 * error only counts as "no answer" when it says so; anything unrecognised is a bug, and a bug must
 * not be retried forever.
 */
export function networkErrorCode(err: unknown): string | undefined {
  if (isNamed(err, 'TimeoutError')) return 'TIMEOUT';
  // undici wraps the socket error: TypeError('fetch failed' | 'terminated', { cause }). Happy-eyeballs
  // connects wrap several attempts in an AggregateError. Walk a few levels, not forever (cycles).
  const queue: Array<{ e: unknown; depth: number }> = [{ e: err, depth: 0 }];
  while (queue.length > 0) {
    const { e, depth } = queue.shift()!;
    if (typeof e !== 'object' || e === null || depth > 4) continue;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      const known = NETWORK_CODES[code];
      if (known) return known;
    }
    const cause = (e as { cause?: unknown }).cause;
    if (cause !== undefined) queue.push({ e: cause, depth: depth + 1 });
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) for (const inner of errors) queue.push({ e: inner, depth: depth + 1 });
  }
  return undefined;
}

/** True for an Error or DOMException with this name (DOMException is not an Error in every runtime). */
export function isNamed(err: unknown, name: string): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === name;
}

/** Socket and undici codes → the code we report. undici's own names are folded into the familiar ones. */
const NETWORK_CODES: Readonly<Record<string, string>> = {
  ECONNRESET: 'ECONNRESET',
  ECONNREFUSED: 'ECONNREFUSED',
  ECONNABORTED: 'ECONNABORTED',
  EPIPE: 'EPIPE',
  ETIMEDOUT: 'TIMEOUT',
  ENOTFOUND: 'ENOTFOUND',
  EAI_AGAIN: 'EAI_AGAIN',
  ENETUNREACH: 'ENETUNREACH',
  EHOSTUNREACH: 'EHOSTUNREACH',
  ENETDOWN: 'ENETDOWN',
  EHOSTDOWN: 'EHOSTDOWN',
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CLOSED: 'ECONNRESET',
  UND_ERR_CONNECT_TIMEOUT: 'TIMEOUT',
  UND_ERR_HEADERS_TIMEOUT: 'TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'TIMEOUT',
};
