import { redactSecrets } from './redact-secrets.js';

/**
 * What of an error may be logged or printed. A failed query's error carries its parameters — whole
 * records with ФИО and addresses — so only the database's own message and code are kept.
 */
export interface SafeError {
  name: string;
  code?: string;
  message: string;
}

export function safeError(err: unknown): SafeError {
  if (!(err instanceof Error)) return { name: 'Error', message: redactSecrets(String(err).slice(0, 500)) };
  const cause = (err as { cause?: unknown }).cause;
  const isQueryError = 'params' in err || err.message.startsWith('Failed query:');
  const source = isQueryError && cause instanceof Error ? cause : err;
  const code = (source as { code?: unknown }).code;
  const message =
    isQueryError && !(cause instanceof Error)
      ? 'database query failed'
      : source.message.split('\nparams:')[0]!;
  return {
    name: source.name,
    ...(typeof code === 'string' ? { code } : {}),
    // A platform's or a socket's message may quote the URL it called, query string and all.
    message: redactSecrets(message.slice(0, 1000)),
  };
}
