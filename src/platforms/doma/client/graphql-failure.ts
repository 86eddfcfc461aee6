import {
  AuthExpiredError,
  AuthRejectedError,
  NonRetryableError,
  PayloadTooLargeError,
  type PlatformError,
  PlatformHttpError,
  RateLimitedError,
} from '../../../engine/policy/platform-errors.js';
import { retryAfterFromHeaders } from '../../../engine/policy/rate-limit-delay.js';

/** One entry of a GraphQL answer's `errors` (NOTES.md "Request limits", Apollo/Keystone shape). */
export interface GraphqlError {
  message?: string | undefined;
  name?: string | undefined;
  path?: ReadonlyArray<string | number> | undefined;
  extensions?: Record<string, unknown> | undefined;
}

/** The platform's code of an error: `extensions.code`, else its `type`. */
export function errorCode(e: GraphqlError): string {
  const x = e.extensions ?? {};
  return String(x.code ?? x.type ?? e.name ?? 'UNKNOWN');
}

/**
 * A whole-request failure (an error without per-item path, or no `data` at all) → the PlatformError
 * the engine's policy understands (NOTES.md "Endpoint and auth", "Request limits"):
 * UNAUTHENTICATED → re-login once; TOO_MANY_REQUESTS → wait for the complexity reset; a size or
 * count limit → split the batch; AccessDenied → a connection problem (never retried).
 */
export function requestFailure(what: string, e: GraphqlError, res: Response): PlatformError {
  const code = errorCode(e);
  const message = `Doma.ai ${what}: ${code}: ${e.message ?? ''}`.trim();
  const type = String(e.extensions?.type ?? '');
  if (code === 'UNAUTHENTICATED' || e.name === 'AuthenticationError') return new AuthExpiredError(message);
  if (code === 'TOO_MANY_REQUESTS' || type === 'RATE_LIMIT_EXCEEDED' || code === 'RATE_LIMIT_EXCEEDED') {
    return new RateLimitedError(message, retryAfterFromHeaders(res.headers) ?? resetFromMessage(e));
  }
  if (['VARIABLES_SIZE_EXCEEDED', 'RECEIPTS_LIMIT_HIT', 'TOO_MUCH_READINGS'].includes(type || code)) {
    return new PayloadTooLargeError(message);
  }
  if (code === 'FORBIDDEN' || e.name === 'AccessDeniedError' || /do not have access/i.test(e.message ?? '')) {
    return new AuthRejectedError(
      `${message} — the service user may not use this billing context or organisation (unknown, or the context is not Finished)`,
    );
  }
  if (res.status >= 500) return new PlatformHttpError(res.status, message);
  return new NonRetryableError(message, code.toLowerCase());
}

/** `messageInterpolation.resetTime` (an ISO instant) when the headers say nothing. */
function resetFromMessage(e: GraphqlError): number | undefined {
  const at = (e.extensions?.messageInterpolation as { resetTime?: unknown } | undefined)?.resetTime;
  const t = typeof at === 'string' ? Date.parse(at) : Number.NaN;
  return Number.isNaN(t) ? undefined : Math.max(0, t - Date.now());
}
