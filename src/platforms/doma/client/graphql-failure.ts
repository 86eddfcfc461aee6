import {
  AuthExpiredError,
  AuthRejectedError,
  NonRetryableError,
  PayloadTooLargeError,
  type PlatformError,
  PlatformHttpError,
  RateLimitedError,
} from '../../../engine/policy/platform-errors.js';
import { resetDelay, retryAfterFromHeaders } from '../../../engine/policy/rate-limit-delay.js';
import {
  DomaErrorCode,
  DomaErrorMessage,
  DomaErrorName,
  DomaErrorType,
  type DomaGraphqlError,
} from '../contract/doma-errors.js';

export type GraphqlError = DomaGraphqlError;

/** A model's refusal reasons (Keystone's ValidationFailureError lists them in `extensions.messages`). */
function reasons(e: GraphqlError): string[] {
  const m = e.extensions?.messages;
  return Array.isArray(m) ? m.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * The platform's exact code of an error: `extensions.type` (the precise one), else the rule a model
 * names in brackets ("[unique:alreadyExists:number] …" → `unique:alreadyExists:number`), else
 * `extensions.code`.
 */
export function errorCode(e: GraphqlError): string {
  const rule = /^\[([\w:]+)\]/.exec(reasons(e)[0] ?? e.message)?.[1];
  return e.extensions?.type ?? rule ?? e.extensions?.code ?? e.name ?? 'UNKNOWN';
}

/** The error's message with the model's reasons, when it lists them. */
export function errorText(e: GraphqlError): string {
  const r = reasons(e);
  return r.length > 0 ? `${e.message}: ${r.join('; ')}` : e.message;
}

const SPLIT: ReadonlySet<string> = new Set([
  DomaErrorType.variablesSizeExceeded,
  DomaErrorType.receiptsLimitHit,
  DomaErrorType.tooMuchReadings,
]);

/**
 * A whole-request failure (an error without an item path, or no `data` at all) → the PlatformError
 * the engine's policy understands (NOTES.md "Endpoint and auth", "Request limits"):
 * UNAUTHENTICATED → log in again once; TOO_MANY_REQUESTS → wait for the complexity reset; a size or
 * count limit → split the batch; AccessDenied → a connection problem (never retried).
 */
export function requestFailure(what: string, e: GraphqlError, res: Response): PlatformError {
  const code = errorCode(e);
  const message = `Doma.ai ${what}: ${code}: ${errorText(e)}`;
  const x = e.extensions ?? {};
  // NOTES.md: a wrong password or an unknown email fail the login with these prefixes (code
  // INTERNAL_SERVER_ERROR on the platform): wrong credentials, not a hiccup to retry.
  if (
    e.message.startsWith(DomaErrorMessage.passwordMismatchPrefix) ||
    e.message.startsWith(DomaErrorMessage.identityNotFoundPrefix)
  ) {
    return new AuthRejectedError(`Doma.ai ${what}: the service user's email or password was refused`);
  }
  if (x.code === DomaErrorCode.unauthenticated || e.name === DomaErrorName.authentication) {
    return new AuthExpiredError(message);
  }
  // NOTES.md: raised before execution, so HTTP 400 without `data`; the reset is in the
  // `x-rate-limit-complexity-reset` header (epoch seconds) and in `messageInterpolation.resetTime`.
  if (x.code === DomaErrorCode.tooManyRequests || x.type === DomaErrorType.rateLimitExceeded) {
    return new RateLimitedError(message, retryAfterFromHeaders(res.headers) ?? resetFromMessage(e));
  }
  if (SPLIT.has(code) || x.code === DomaErrorCode.payloadTooLarge) return new PayloadTooLargeError(message);
  if (
    x.code === DomaErrorCode.forbidden ||
    e.name === DomaErrorName.accessDenied ||
    e.message.startsWith(DomaErrorMessage.accessDenied)
  ) {
    return new AuthRejectedError(
      `${message} — the service user may not use this billing context or organisation (unknown, or the context is not Finished)`,
    );
  }
  if (res.status >= 500 || x.code === DomaErrorCode.internal)
    return new PlatformHttpError(res.status, message);
  return new NonRetryableError(message, code);
}

/**
 * `messageInterpolation.resetTime` when the headers say nothing (a proxy may drop them): an ISO
 * instant, epoch seconds or milliseconds, or seconds from now — every form is read (resetDelay).
 */
function resetFromMessage(e: GraphqlError): number | undefined {
  return resetDelay(e.extensions?.messageInterpolation?.resetTime);
}
