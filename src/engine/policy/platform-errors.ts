/**
 * The failures a connector reports to the engine. Connectors throw these (usually through
 * `platformFetch`); the retry policy classifies them, so no platform decides retries on its own.
 */
export class PlatformError extends Error {
  override name = 'PlatformError';
}

/** An HTTP answer that is not a success. `retryAfterMs` comes from the answer's rate-limit headers. */
export class PlatformHttpError extends PlatformError {
  override name = 'PlatformHttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterMs?: number | undefined,
  ) {
    super(message);
  }
}

/** The platform refused the request because of its rate limit; wait `retryAfterMs` and try again. */
export class RateLimitedError extends PlatformError {
  override name = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
  }
}

/** The session token was refused (expired or revoked): log in again once, then retry. */
export class AuthExpiredError extends PlatformError {
  override name = 'AuthExpiredError';
}

/** The credentials themselves are wrong (or the caller is not allowed): a connection problem, never retried. */
export class AuthRejectedError extends PlatformError {
  override name = 'AuthRejectedError';
}

/** The request was too large for the platform (HTTP 413 or a platform code): split the batch. */
export class PayloadTooLargeError extends PlatformError {
  override name = 'PayloadTooLargeError';
}

/** A failure that another attempt cannot fix (a malformed request, a contract break). */
export class NonRetryableError extends PlatformError {
  override name = 'NonRetryableError';
  constructor(
    message: string,
    readonly code = 'non_retryable',
  ) {
    super(message);
  }
}

/** The request did not get an answer: connection refused or reset, DNS, a timeout. Retryable. */
export class PlatformNetworkError extends PlatformError {
  override name = 'PlatformNetworkError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
