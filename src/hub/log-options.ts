import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';
import { redactSecrets } from '../store/redact-secrets.js';

/** Headers and fields that must never reach a log line. */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.credentials',
  '*.token',
  '*.secret',
];

/**
 * A request as a log line shows it: Fastify's default fields, with credential-like query parameters
 * masked in the URL (a `?token=` pasted into a browser would otherwise be logged on every line
 * of that request, at every level).
 */
export function requestForLog(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactSecrets(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** The caller's options with the redaction and the request serializer always applied. */
export function safeLogOptions<T extends LoggerOptions>(opts: T): T {
  const redact = Array.isArray(opts.redact) ? opts.redact : (opts.redact?.paths ?? []);
  return {
    ...opts,
    redact: [...new Set([...LOG_REDACT, ...redact])],
    serializers: { ...opts.serializers, req: requestForLog as never },
  };
}
